/**
 * Case reviews (granskningar, SEED-SUMMARY): the method developer defines a review (a selection of cases by period,
 * subject, suspected trafficking, custody and unit; a working period; reviewers; a template of questions by area),
 * starts it (the selection is fixed and {@code cases.CaseAccess} opens the cases to the reviewers, pseudonymised and
 * read only, within the working period), and the reviewers answer each question per case: Lotsen pre-fills what it
 * can derive from the case data, with the evidence, and the reviewer confirms or overrides with a reason. Results are
 * deficiency rates per area, unit and quarter; findings link to the routine versions they led to
 * ({@code routines.RoutineLinks}) and to the grant's final report ({@code grants.GrantReportSource}).
 * Case data is read only through the owning modules' facades, with the review grant.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case reviews")
package se.lotsen.review;
