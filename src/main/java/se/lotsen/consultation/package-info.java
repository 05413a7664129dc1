/**
 * Consultation with the method developer (SEED-SUMMARY point 7): any case worker asks a question about a case or a
 * general one; the method developer has a queue with the age of unanswered questions and answers; for a case, the
 * question and the answer are kept in the case's journal. An urgent question notifies by e-mail. The method
 * developer sees the question, not the case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation")
package se.lotsen.consultation;
