/**
 * Cooperation with the police, home-country authorities (through UD as central authority), Migrationsverket, the
 * regional coordinators and others: a partner directory with opening hours, and each case's log of structured,
 * typed contacts. A contact with a partner that is closed is queued for its next opening on the Swedish working-day
 * calendar. Completing a typed contact can complete the matching routine step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation")
package se.lotsen.cooperation;
