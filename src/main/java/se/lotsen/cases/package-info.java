/**
 * The case: acute intake about a child or an adult, the indicator assessment, the immediate protection assessment,
 * the status lifecycle (open at the jour, handed over, closed; reopened with a reason), the journal, and the access
 * rule that only the unit holding a case may open it. Every case read and change goes through {@link Cases}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package se.lotsen.cases;
