/**
 * Grants (statsbidrag) that fund the work, their conditions, deliverables and payments, and the final report to the
 * funder that Lotsen drafts from the other modules' contributions ({@link se.lotsen.grants.GrantReportSource}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grants and the final report")
package se.lotsen.grants;
