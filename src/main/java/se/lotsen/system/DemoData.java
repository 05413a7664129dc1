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

    DemoData(Organisation organisation, Accounts accounts, Clock clock) {
        this.organisation = organisation;
        this.accounts = accounts;
        this.clock = clock;
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
        if (created > 0) {
            log.info("Seeded fictional demo data: {} units and the demo accounts", created);
        }
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
