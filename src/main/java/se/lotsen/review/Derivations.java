package se.lotsen.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lotsen.cases.CaseGrant;
import se.lotsen.cases.ReviewedCases;
import se.lotsen.cooperation.Contact;
import se.lotsen.cooperation.ContactType;
import se.lotsen.cooperation.Cooperation;
import se.lotsen.cooperation.PartnerKind;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineStatus;
import se.lotsen.decisions.Decisions;
import se.lotsen.handover.Handover;
import se.lotsen.handover.Handovers;

/**
 * Pre-fills review answers from case data, read with the review grant through the owning modules' facades, and says
 * why: each suggestion carries its evidence as message keys with arguments (dates as ÅÅÅÅ-MM-DD).
 */
@Component
class Derivations {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** A piece of evidence: a message key {@code review.evidence.*} and its arguments. */
    record Evidence(String key, Object... args) {
    }

    /** A suggested answer ({@code null} when the data do not decide it) and the evidence shown with it. */
    record Suggestion(ReviewAnswer value, List<Evidence> evidence) {
        Suggestion {
            evidence = List.copyOf(evidence);
        }
    }

    private final Cooperation cooperation;
    private final Decisions decisions;
    private final Handovers handovers;

    Derivations(Cooperation cooperation, Decisions decisions, Handovers handovers) {
        this.cooperation = cooperation;
        this.decisions = decisions;
        this.handovers = handovers;
    }

    /** Suggestions for the derivations asked, read once for the case. */
    Map<Derivation, Suggestion> derive(CaseGrant grant, ReviewedCases.Pseudonymised facts,
                                       java.util.Set<Derivation> asked) {
        Map<Derivation, Suggestion> result = new java.util.EnumMap<>(Derivation.class);
        if (asked.isEmpty()) {
            return result;
        }
        List<Contact> contacts = asked.stream().anyMatch(d -> d == Derivation.POLICE_REPORT
                || d == Derivation.HOME_COUNTRY_RISK_FIRST || d == Derivation.HOME_INVESTIGATION)
                ? cooperation.forReview(grant) : List.of();
        LocalDate received = day(facts.receivedAt());
        for (Derivation d : asked) {
            result.put(d, switch (d) {
                case POLICE_REPORT -> police(contacts, received);
                case HOME_COUNTRY_RISK_FIRST -> homeCountry(contacts);
                case HOME_INVESTIGATION -> homeInvestigation(contacts);
                case DEADLINES_KEPT -> deadlines(decisions.deadlinesForReview(grant));
                case INDICATORS_ASSESSED -> indicators(facts, received);
                case HANDOVER_ACKNOWLEDGED -> handover(handovers.forReview(grant));
            });
        }
        return result;
    }

    static Suggestion police(List<Contact> contacts, LocalDate received) {
        List<Contact> police = contacts.stream().filter(c -> c.type() == ContactType.POLICE).toList();
        Optional<Contact> report = police.stream().filter(c -> "YES".equals(c.fields().get("reportMade"))).findFirst();
        if (report.isPresent()) {
            LocalDate on = day(report.get().at());
            return new Suggestion(ReviewAnswer.ADEQUATE, List.of(new Evidence("review.evidence.policeReport",
                    on.toString(), ChronoUnit.DAYS.between(received, on))));
        }
        if (!police.isEmpty()) {
            return new Suggestion(null, List.of(new Evidence("review.evidence.policeNoReport",
                    day(police.get(0).at()).toString())));
        }
        return new Suggestion(ReviewAnswer.DEFICIENT, List.of(new Evidence("review.evidence.policeNone")));
    }

    static Suggestion homeCountry(List<Contact> contacts) {
        Optional<Contact> assessed = contacts.stream().filter(c -> c.type() == ContactType.HOME_COUNTRY_UD
                && c.fields().get("riskAssessment") != null && !c.fields().get("riskAssessment").isBlank())
                .min(Comparator.comparing(Contact::at));
        Optional<Contact> firstContact = contacts.stream().filter(c -> c.type() == ContactType.HOME_COUNTRY_UD
                        || (c.partner() != null && c.partner().kind() == PartnerKind.HOME_COUNTRY_AUTHORITY))
                .min(Comparator.comparing(Contact::at));
        if (firstContact.isEmpty()) {
            return new Suggestion(ReviewAnswer.NOT_APPLICABLE, List.of(new Evidence("review.evidence.homeCountryNone")));
        }
        String first = day(firstContact.get().at()).toString();
        if (assessed.isEmpty()) {
            return new Suggestion(ReviewAnswer.DEFICIENT, List.of(new Evidence("review.evidence.homeCountryNoRisk",
                    first)));
        }
        String risk = day(assessed.get().at()).toString();
        boolean before = !assessed.get().at().isAfter(firstContact.get().at());
        return new Suggestion(before ? ReviewAnswer.ADEQUATE : ReviewAnswer.DEFICIENT,
                List.of(new Evidence(before ? "review.evidence.homeCountryRiskFirst"
                        : "review.evidence.homeCountryRiskLate", risk, first)));
    }

    static Suggestion homeInvestigation(List<Contact> contacts) {
        return contacts.stream().filter(c -> c.type() == ContactType.HOME_INVESTIGATION)
                .min(Comparator.comparing(Contact::at))
                .map(c -> new Suggestion(ReviewAnswer.ADEQUATE, List.of(new Evidence(
                        "review.evidence.homeInvestigation", day(c.at()).toString()))))
                .orElseGet(() -> new Suggestion(null, List.of(new Evidence("review.evidence.homeInvestigationNone"))));
    }

    static Suggestion deadlines(List<Deadline> deadlines) {
        List<Evidence> evidence = new ArrayList<>();
        boolean anyJudged = false;
        boolean missed = false;
        for (Deadline d : deadlines) {
            String last = d.dueDate() == null ? "–" : d.dueDate().toString();
            if (d.status() == DeadlineStatus.MET && d.metOn() != null) {
                anyJudged = true;
                boolean inTime = d.dueDate() == null || !d.metOn().isAfter(d.dueDate());
                missed |= !inTime;
                evidence.add(new Evidence(inTime ? "review.evidence.deadlineMet" : "review.evidence.deadlineLate",
                        d.legalBasis(), last, d.metOn().toString()));
            } else if (d.status() == DeadlineStatus.OVERDUE || d.status() == DeadlineStatus.LAPSED) {
                anyJudged = true;
                missed = true;
                evidence.add(new Evidence("review.evidence.deadlineMissed", d.legalBasis(), last));
            } else if (d.status() == DeadlineStatus.CLOSED) {
                evidence.add(new Evidence("review.evidence.deadlineClosed", d.legalBasis(), last));
            } else {
                evidence.add(new Evidence("review.evidence.deadlineOpen", d.legalBasis(), last));
            }
        }
        if (deadlines.isEmpty()) {
            return new Suggestion(ReviewAnswer.NOT_APPLICABLE, List.of(new Evidence("review.evidence.deadlinesNone")));
        }
        return new Suggestion(missed ? ReviewAnswer.DEFICIENT : anyJudged ? ReviewAnswer.ADEQUATE : null, evidence);
    }

    static Suggestion indicators(ReviewedCases.Pseudonymised facts, LocalDate received) {
        if (facts.indicatorsAssessedAt() == null) {
            return new Suggestion(ReviewAnswer.DEFICIENT, List.of(new Evidence("review.evidence.indicatorsNone")));
        }
        LocalDate on = day(facts.indicatorsAssessedAt());
        return new Suggestion(ReviewAnswer.ADEQUATE, List.of(new Evidence("review.evidence.indicators", on.toString(),
                ChronoUnit.DAYS.between(received, on))));
    }

    static Suggestion handover(List<Handover> list) {
        if (list.isEmpty()) {
            return new Suggestion(ReviewAnswer.NOT_APPLICABLE, List.of(new Evidence("review.evidence.handoverNone")));
        }
        List<Evidence> evidence = new ArrayList<>();
        boolean late = false;
        boolean open = false;
        for (Handover h : list) {
            String handed = day(h.handedOverAt()).toString();
            String due = day(h.escalateAt()).toString();
            if (h.acknowledgedAt() == null) {
                // Past its deadline (escalated): deficient; still within it: not decided yet.
                late |= h.escalatedAt() != null;
                open |= h.escalatedAt() == null;
                evidence.add(new Evidence("review.evidence.handoverNotAcknowledged", handed, due));
            } else {
                boolean inTime = !h.acknowledgedAt().isAfter(h.escalateAt());
                late |= !inTime;
                evidence.add(new Evidence(inTime ? "review.evidence.handoverInTime" : "review.evidence.handoverLate",
                        handed, day(h.acknowledgedAt()).toString(), due));
            }
        }
        return new Suggestion(late ? ReviewAnswer.DEFICIENT : open ? null : ReviewAnswer.ADEQUATE, evidence);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(SWEDEN).toLocalDate();
    }
}
