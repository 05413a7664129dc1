/**
 * Notifications to staff: in the app (a list with unread count) and by e-mail over SMTP when mail is configured.
 * Messages carry the case number and what is due, never personal data of the person a case is about, so nothing in
 * an e-mail can reveal an address or placement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package se.lotsen.notifications;
