/**
 * Handing a case from the jour to the responsible district (and back, or on): the handover package with the
 * handling manual (what happened, the person, decisions, deadlines, cooperation, and every routine step with its
 * status, who did it, the guidance and what remains), the district's queue, assignment by the unit manager, the case
 * worker's acknowledgement of receipt with escalation when it is late, access that moves with the case, and the
 * case's continuity: named contacts and who held it when.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handover")
package se.lotsen.handover;
