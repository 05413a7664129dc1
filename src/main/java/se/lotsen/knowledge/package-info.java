/**
 * Knowledge dissemination: training days, seminars and information visits with their participants and materials,
 * and the knowledge base (the inventory of how others handle these cases, partners' methods, study-visit notes).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package se.lotsen.knowledge;
