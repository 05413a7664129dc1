package se.lotsen.handover.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.Role;
import se.lotsen.cases.CaseStatus;
import se.lotsen.cases.CaseView;
import se.lotsen.cases.Cases;
import se.lotsen.handover.Handover;
import se.lotsen.handover.Handovers;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitKind;

/**
 * What the handover panel and page show: the named contacts of the case (who handed it over, who holds it now, the
 * method developers), who held the case when, the receipt status, and what the user may do.
 */
@Component
class HandoverViews {

    /** The jour whose method developers the districts consult. */
    static final String METHOD_DEVELOPER_UNIT = "socialjouren";

    private final Handovers handovers;
    private final Cases cases;
    private final Accounts accounts;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    HandoverViews(Handovers handovers, Cases cases, Accounts accounts, Organisation organisation,
                  MessageSource messages, Clock clock) {
        this.handovers = handovers;
        this.cases = cases;
        this.accounts = accounts;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    /** One period in the case's history: who held it, from when, and how it came there. */
    public record Period(Unit unit, Instant from, Handover handover, boolean current) {
    }

    /** The model of the panel and the handover page, for a user who may read the case. */
    Map<String, Object> model(CaseView view, CurrentUser user) {
        List<Handover> all = handovers.forCase(view.id());
        Handover latest = all.isEmpty() ? null : all.get(all.size() - 1);
        Instant now = clock.instant();
        boolean holds = view.holdingUnit();
        // The holding unit is the receiving unit of the latest handover: it acknowledges and assigns.
        boolean inReceivingUnit = latest != null && holds && latest.to().id().equals(view.unit().id());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", view.id().value());
        model.put("holder", view.unit());
        model.put("assignedToName", view.assignedToName());
        model.put("latest", latest);
        model.put("late", latest != null && latest.late(now));
        model.put("periods", periods(view, all));
        model.put("handedOverBy", latestFromJour(all).orElse(null));
        model.put("methodDevelopers", methodDevelopers());
        // Asking about the case writes into it: not for a unit that only follows it up.
        model.put("mayAsk", view.editable());
        model.put("mayHandOver", holds && (view.status() == CaseStatus.OPEN || view.status() == CaseStatus.HANDED_OVER));
        model.put("mayAcknowledge", inReceivingUnit && !latest.acknowledged() && view.editable());
        boolean mayAssign = inReceivingUnit && view.editable() && view.leadsHoldingUnit();
        model.put("mayAssign", mayAssign);
        model.put("caseWorkers", mayAssign ? cases.workersOfHoldingUnit(view.grant()) : List.of());
        return model;
    }

    /** Who held the case when: the unit that opened it, then each receiving unit, oldest first. */
    static List<Period> periods(CaseView view, List<Handover> all) {
        List<Period> periods = new ArrayList<>();
        Unit first = all.isEmpty() ? view.unit() : all.get(0).from();
        periods.add(new Period(first, view.receivedAt(), null, all.isEmpty()));
        for (int i = 0; i < all.size(); i++) {
            Handover h = all.get(i);
            periods.add(new Period(h.to(), h.handedOverAt(), h, i == all.size() - 1));
        }
        return periods;
    }

    /** The latest handover made by a jour: its worker is the jour's named contact. */
    private static Optional<Handover> latestFromJour(List<Handover> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).from().kind() == UnitKind.JOUR) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The method developers the districts consult, kept for a few minutes: every handover panel names them, and who
     * they are changes seldom.
     */
    List<Account> methodDevelopers() {
        Cached cached = methodDevelopers;
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cached.until())) {
            cached = new Cached(organisation.unitByCode(METHOD_DEVELOPER_UNIT)
                    .map(u -> accounts.withRoleInUnit(u.id(), Role.METHOD_DEVELOPER)).orElse(List.of()),
                    now.plus(Duration.ofMinutes(5)));
            methodDevelopers = cached;
        }
        return cached.accounts();
    }

    private record Cached(List<Account> accounts, Instant until) {
    }

    private volatile Cached methodDevelopers;

    /** How long ago, in words: "3 timmar", "2 dagar". */
    String age(Instant since, Locale locale) {
        Duration d = Duration.between(since, clock.instant());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toHours() < 1) {
            return messages.getMessage("age.minutes", new Object[] {d.toMinutes()}, locale);
        }
        if (d.toHours() < 48) {
            return messages.getMessage("age.hours", new Object[] {d.toHours()}, locale);
        }
        return messages.getMessage("age.days", new Object[] {d.toDays()}, locale);
    }

    Instant now() {
        return clock.instant();
    }
}
