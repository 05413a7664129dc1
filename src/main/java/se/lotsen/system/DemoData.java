package se.lotsen.system;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.lotsen.access.AccountForm;
import se.lotsen.access.Accounts;
import se.lotsen.access.Role;
import se.lotsen.common.Paging;
import se.lotsen.grants.Deliverable;
import se.lotsen.grants.Grant;
import se.lotsen.grants.Grants;
import se.lotsen.organisation.MeetingForm;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitForm;
import se.lotsen.organisation.UnitKind;

/**
 * Fictional demo data for the embedded mode: Stockholm's units and committees and the demo accounts listed in the
 * README (password {@code lotsen-demo}). Idempotent: what exists is left alone. Never runs in production mode.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.MODE_PROPERTY,
        havingValue = RuntimeModeEnvironmentPostProcessor.EMBEDDED)
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "lotsen-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** code, name, kind. The districts are Stockholm's 13 stadsdelsförvaltningar. */
    static final List<String[]> UNITS = List.of(
            new String[] {"socialjouren", "Socialjouren Stockholm", "JOUR"},
            new String[] {"nordvastjouren", "Nordvästjouren", "JOUR"},
            new String[] {"rinkeby-kista", "Rinkeby-Kista stadsdelsförvaltning", "DISTRICT"},
            new String[] {"spanga-tensta", "Spånga-Tensta stadsdelsförvaltning", "DISTRICT"},
            new String[] {"hasselby-vallingby", "Hässelby-Vällingby stadsdelsförvaltning", "DISTRICT"},
            new String[] {"bromma", "Bromma stadsdelsförvaltning", "DISTRICT"},
            new String[] {"kungsholmen", "Kungsholmens stadsdelsförvaltning", "DISTRICT"},
            new String[] {"norrmalm", "Norrmalms stadsdelsförvaltning", "DISTRICT"},
            new String[] {"ostermalm", "Östermalms stadsdelsförvaltning", "DISTRICT"},
            new String[] {"sodermalm", "Södermalms stadsdelsförvaltning", "DISTRICT"},
            new String[] {"enskede-arsta-vantor", "Enskede-Årsta-Vantörs stadsdelsförvaltning", "DISTRICT"},
            new String[] {"skarpnack", "Skarpnäcks stadsdelsförvaltning", "DISTRICT"},
            new String[] {"farsta", "Farsta stadsdelsförvaltning", "DISTRICT"},
            new String[] {"hagersten-alvsjo", "Hägersten-Älvsjö stadsdelsförvaltning", "DISTRICT"},
            new String[] {"skarholmen", "Skärholmens stadsdelsförvaltning", "DISTRICT"});

    private final Organisation organisation;
    private final Accounts accounts;
    private final Clock clock;
    private final Grants grants;

    DemoData(Organisation organisation, Accounts accounts, Clock clock, Grants grants) {
        this.organisation = organisation;
        this.accounts = accounts;
        this.clock = clock;
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        int index = 0;
        for (String[] u : UNITS) {
            index++;
            if (organisation.unitByCode(u[0]).isPresent()) {
                continue;
            }
            UnitKind kind = UnitKind.valueOf(u[2]);
            String committee = kind == UnitKind.DISTRICT
                    ? u[1].replace(" stadsdelsförvaltning", "").replace("s stadsdelsförvaltning", "")
                    + " stadsdelsnämnd, sociala delegationen" : null;
            // Fictional contact details, marked as demo like the partner directory's.
            Unit unit = organisation.createUnit(new UnitForm(u[0], u[1], kind, true,
                    committee == null ? "" : committeeName(u[1]),
                    String.format("08-000 %02d 00 (demo)", index)));
            if (committee != null) {
                seedMeetings(unit, index);
            }
            created++;
        }
        seedAccount("jour1", "Elin Berg", "socialjouren", Role.DUTY_WORKER);
        seedAccount("jour2", "Karim Nasser", "socialjouren", Role.DUTY_WORKER);
        seedAccount("jourchef", "Maria Holm", "socialjouren", Role.DUTY_LEAD);
        seedAccount("metod", "Sofia Ek", "socialjouren", Role.METHOD_DEVELOPER);
        seedAccount("rinkeby1", "Johan Lund", "rinkeby-kista", Role.CASE_WORKER);
        seedAccount("rinkebychef", "Amira Haddad", "rinkeby-kista", Role.UNIT_MANAGER);
        seedAccount("sodermalm1", "Petra Sjö", "sodermalm", Role.CASE_WORKER);
        seedAccount("granskare", "Lars Alm", null, Role.AUDITOR);
        seedAccount("admin", "Alex Admin", null, Role.ADMIN);
        seedGrant();
        if (created > 0) {
            log.info("Seeded fictional demo data: {} units and the demo accounts", created);
        }
    }

    /** The funder of the demo grant (fictional decision, amounts and reference). */
    static final String DEMO_FUNDER = "Länsstyrelsen i Stockholms län";

    /**
     * A fictional grant for the jour's work against trafficking: a year's period ending next month, 20 % held back
     * until the final report is approved, the report due some weeks after the period; staff, the handbook and seminars
     * as deliverables, and a first payment.
     */
    private void seedGrant() {
        if (grants.search(DEMO_FUNDER, Paging.of(0, 1)).total() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        LocalDate from = to.minusYears(1).plusDays(1);
        String by = "Lotsen (demodata)";
        Grant grant = grants.create(new Grants.GrantForm(DEMO_FUNDER, "(demo) 851-0000-2026", 1_800_000L, from, to,
                "Att utveckla Socialjourens arbete med barn och vuxna som utsatts för människohandel och prostitution: "
                        + "en metodutvecklare, en handbok för akuta ärenden och kunskapsspridning till "
                        + "stadsdelsförvaltningarna och andra jourer.",
                "Medlen redovisas i slutrapporten med vad som gjorts per insats.", to.plusWeeks(6),
                Grant.HeldBackKind.PERCENT, 20L), by);
        grants.addDeliverable(grant.id(), new Grants.DeliverableForm(Deliverable.Kind.STAFF,
                "Metodutvecklare på heltid under bidragsperioden", Deliverable.Status.IN_PROGRESS,
                "Tjänsten är tillsatt sedan periodens början."), by);
        grants.addDeliverable(grant.id(), new Grants.DeliverableForm(Deliverable.Kind.HANDBOOK,
                "Handbok för akuta ärenden om människohandel och prostitution", Deliverable.Status.IN_PROGRESS,
                "Handboken finns som rutin i Lotsen och revideras efter ärendegranskningarna."), by);
        grants.addDeliverable(grant.id(), new Grants.DeliverableForm(Deliverable.Kind.SEMINARS,
                "Seminarier för stadsdelsförvaltningarna, andra jourer och polisen", Deliverable.Status.PLANNED,
                null), by);
        grants.addPayment(grant.id(), new Grants.PaymentForm(from.plusDays(14), 900_000L,
                "Första delutbetalningen (demo)"), by);
        log.info("Seeded a fictional demo grant from {}", DEMO_FUNDER);
    }

    /** "Rinkeby-Kista stadsdelsförvaltning" → "Rinkeby-Kista stadsdelsnämnd, sociala delegationen". */
    static String committeeName(String unitName) {
        String base = unitName.replace(" stadsdelsförvaltning", "");
        return base + " stadsdelsnämnd, sociala delegationen";
    }

    /** Every other week on a weekday that differs by district, from two months back to half a year ahead. */
    private void seedMeetings(Unit unit, int index) {
        DayOfWeek day = DayOfWeek.of(1 + index % 4);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusWeeks(8).with(TemporalAdjusters.nextOrSame(day));
        for (LocalDate d = first; d.isBefore(today.plusWeeks(26)); d = d.plusWeeks(2)) {
            organisation.addMeeting(unit.id(), new MeetingForm(d, null));
        }
    }

    private void seedAccount(String username, String name, String unitCode, Role role) {
        accounts.createDemoAccountIfAbsent(new AccountForm(username, name, username + "@lotsen.example", unitCode,
                Set.of(role), true, DEMO_PASSWORD));
    }
}
