package se.lotsen.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.CurrentUser;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Indicator;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.ProtectionOutcome;
import se.lotsen.cases.SubjectType;
import se.lotsen.cases.WriteGrant;
import se.lotsen.common.Paging;
import se.lotsen.common.SwedishDates;
import se.lotsen.cooperation.ContactCommand;
import se.lotsen.cooperation.ContactType;
import se.lotsen.cooperation.Cooperation;
import se.lotsen.cooperation.Partner;
import se.lotsen.cooperation.Partners;
import se.lotsen.decisions.Deadline;
import se.lotsen.decisions.DeadlineId;
import se.lotsen.decisions.DeadlineKind;
import se.lotsen.decisions.Deadlines;
import se.lotsen.decisions.DecisionCommand;
import se.lotsen.decisions.DecisionType;
import se.lotsen.decisions.Decisions;
import se.lotsen.decisions.Mandate;
import se.lotsen.handover.Handovers;
import se.lotsen.organisation.UnitId;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.Persons;
import se.lotsen.persons.Sex;
import se.lotsen.review.Derivation;
import se.lotsen.review.Review;
import se.lotsen.review.Reviews;

/**
 * Fictional demo cases for the embedded mode (property {@code lotsen.demo.cases}, default true there, false in
 * tests), made through the modules' public services as the duty workers would: twelve children and adults at
 * Socialjouren, some handed over to Rinkeby-Kista and Södermalm, with indicators, protection assessments, immediate
 * custody (6 § LVU) with deadlines met on time or missed, police reports made or not, home-country contacts with and
 * without a prior risk assessment. Then a started demo review of the child cases with custody, with the method
 * developer {@code metod} as reviewer and some answers confirmed and one overridden, so that the review's results
 * page has something to show.
 *
 * <p>The services date what they do "now" (a handover, an acknowledgement, an assessment); case intake, decisions,
 * contacts and met deadlines take their own dates and are spread over the last weeks. So a demo handover is always
 * acknowledged in time (the acknowledgement is stamped by the database): "late" is shown by a handover not yet
 * acknowledged. All names are invented ("Demosson"), every identity number a reservnummer starting with
 * {@code DEMO}, which can never be a personnummer. Idempotent: a case whose reservnummer exists, and a review whose
 * name exists, are not made again.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = RuntimeModeEnvironmentPostProcessor.MODE_PROPERTY,
        havingValue = RuntimeModeEnvironmentPostProcessor.EMBEDDED)
class DemoCases implements ApplicationRunner {

    static final String REVIEW_NAME = "Demogranskning: barn med omedelbart omhändertagande";
    static final String NUMBER_PREFIX = "DEMO-";

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /**
     * The deadlines: those due by today met on time (a recent case's custody deadlines are then still running), or
     * all left open to be missed (the protection assessment then meets its deadline late, the custody lapses).
     */
    enum DeadlinePlan { ON_TIME, MISSED }

    enum Police { REPORT, NO_REPORT, NONE }

    enum HomeCountry { RISK_FIRST, RISK_AFTER, NO_RISK, NONE }

    /** One demo case: who, when it came in, what was done. */
    record Spec(String number, String name, SubjectType type, int age, Sex sex, String nationality, int daysAgo,
                IntakeChannel channel, Set<ExploitationForm> forms, Set<Indicator> indicators,
                ProtectionOutcome protection, Integer custodyDaysAgo, DeadlinePlan deadlines, Police police,
                HomeCountry homeCountry, String handoverTo, boolean acknowledged, String summary) {
    }

    static final List<Spec> CASES = List.of(
            new Spec("DEMO-01X", "Alfa Demosson", SubjectType.CHILD, 15, Sex.FEMALE, "RO", 12,
                    IntakeChannel.POLICE_PL12, EnumSet.of(ExploitationForm.SEXUAL),
                    EnumSet.of(Indicator.CONTROLLED_BY_CALLER, Indicator.INSTRUCTED_PHONE_NUMBER,
                            Indicator.SEXUAL_SERVICES_DEMANDED, Indicator.NO_ID_OR_FALSE_ID),
                    ProtectionOutcome.CUSTODY_DECIDED, 11, DeadlinePlan.ON_TIME, Police.REPORT, HomeCountry.RISK_FIRST,
                    "rinkeby-kista", true, "Påträffad av polisen på ett hotell med en äldre man."),
            new Spec("DEMO-02X", "Beta Demodotter", SubjectType.CHILD, 16, Sex.MALE, "BG", 14,
                    IntakeChannel.POLICE_PL12, EnumSet.of(ExploitationForm.CRIMINALITY, ExploitationForm.BEGGING),
                    EnumSet.of(Indicator.FIXER_ADULT_NEARBY, Indicator.KNOWN_IN_SEVERAL_CITIES,
                            Indicator.DEBT_AT_DESTINATION),
                    ProtectionOutcome.CUSTODY_DECIDED, 13, DeadlinePlan.MISSED, Police.NO_REPORT, HomeCountry.NO_RISK,
                    "sodermalm", false, "Gripen för stöld i butik, uppger skuld till en vuxen."),
            new Spec("DEMO-03X", "Gamma Påhittsdotter", SubjectType.CHILD, 14, Sex.FEMALE, "NG", 2,
                    IntakeChannel.SCHOOL, EnumSet.of(ExploitationForm.SEXUAL),
                    EnumSet.of(Indicator.LEARNED_STORY, Indicator.TRAVELS_WITH_NON_RELATIVES),
                    ProtectionOutcome.CUSTODY_DECIDED, 2, DeadlinePlan.ON_TIME, Police.NONE, HomeCountry.NONE,
                    null, false, "Skolan anmäler oro: flickan hämtas av okända vuxna."),
            new Spec("DEMO-04X", "Delta Demosson", SubjectType.CHILD, 17, Sex.MALE, "RO", 9,
                    IntakeChannel.POLICE_PL12, EnumSet.of(ExploitationForm.FORCED_LABOUR),
                    EnumSet.of(Indicator.EXCESSIVE_HOURS, Indicator.NO_OR_LOW_PAY, Indicator.DOCUMENTS_CONFISCATED),
                    ProtectionOutcome.CUSTODY_DECIDED, 8, DeadlinePlan.ON_TIME, Police.REPORT, HomeCountry.RISK_AFTER,
                    "sodermalm", true, "Arbetade på en byggarbetsplats utan lön."),
            new Spec("DEMO-05X", "Epsilon Exempeldotter", SubjectType.CHILD, 15, Sex.FEMALE, "SE", 6,
                    IntakeChannel.ANONYMOUS_CALL, EnumSet.of(ExploitationForm.SEXUAL),
                    EnumSet.of(Indicator.UNEXPLAINED_MONEY_OR_CLOTHES, Indicator.DISAPPEARS_UNEXPLAINED),
                    ProtectionOutcome.PROTECTION_WITH_CONSENT, null, DeadlinePlan.ON_TIME, Police.REPORT,
                    HomeCountry.NONE, "rinkeby-kista", true,
                    "Föräldrarna oroliga: dottern har pengar och kläder de inte känner till."),
            new Spec("DEMO-06X", "Zeta Testsson", SubjectType.CHILD, 13, Sex.MALE, "SE", 3,
                    IntakeChannel.OTHER, EnumSet.noneOf(ExploitationForm.class), EnumSet.noneOf(Indicator.class),
                    ProtectionOutcome.NO_IMMEDIATE_NEED, null, DeadlinePlan.ON_TIME, Police.NONE, HomeCountry.NONE,
                    null, false, "Orosanmälan, ingen misstanke om exploatering efter bedömning."),
            new Spec("DEMO-07X", "Eta Demodotter", SubjectType.CHILD, 16, Sex.FEMALE, "BG", 1,
                    IntakeChannel.POLICE_PL12, EnumSet.of(ExploitationForm.SEXUAL, ExploitationForm.OTHER),
                    EnumSet.of(Indicator.VIOLENCE_OR_THREATS, Indicator.ISOLATED_OR_CONFINED),
                    ProtectionOutcome.CUSTODY_DECIDED, 1, DeadlinePlan.ON_TIME, Police.REPORT, HomeCountry.NONE,
                    null, false, "Påträffad i en lägenhet vid en razzia."),
            new Spec("DEMO-08X", "Theta Påhittsson", SubjectType.ADULT, 22, Sex.FEMALE, "RO", 10,
                    IntakeChannel.POLICE_PL12, EnumSet.of(ExploitationForm.SEXUAL),
                    EnumSet.of(Indicator.DEBT_BONDAGE_AT_RECRUITMENT, Indicator.DOCUMENTS_CONFISCATED),
                    null, null, DeadlinePlan.ON_TIME, Police.REPORT, HomeCountry.NONE, "rinkeby-kista", true,
                    "Lockad hit med löfte om arbete på restaurang."),
            new Spec("DEMO-09X", "Iota Exempelsson", SubjectType.ADULT, 34, Sex.MALE, "UA", 7,
                    IntakeChannel.OTHER_AUTHORITY, EnumSet.of(ExploitationForm.FORCED_LABOUR),
                    EnumSet.of(Indicator.DECEIVED_ABOUT_CONDITIONS, Indicator.BAD_LIVING_CONDITIONS),
                    null, null, DeadlinePlan.ON_TIME, Police.NO_REPORT, HomeCountry.NONE, "sodermalm", true,
                    "Bor i arbetsgivarens förråd, får ingen lön."),
            new Spec("DEMO-10X", "Kappa Demodotter", SubjectType.ADULT, 19, Sex.FEMALE, "NG", 4,
                    IntakeChannel.OTHER, EnumSet.of(ExploitationForm.SEXUAL),
                    EnumSet.noneOf(Indicator.class), null, null, DeadlinePlan.ON_TIME, Police.NONE, HomeCountry.NONE,
                    null, false, "Kvinnojouren hör av sig om en ung kvinna som vill ha hjälp."),
            new Spec("DEMO-11X", "Lambda Testdotter", SubjectType.ADULT, 27, Sex.FEMALE, "BG", 5,
                    IntakeChannel.OTHER_AUTHORITY, EnumSet.of(ExploitationForm.SEXUAL),
                    EnumSet.of(Indicator.FEAR_OF_AUTHORITIES, Indicator.NO_LANGUAGE_NO_NETWORK),
                    null, null, DeadlinePlan.ON_TIME, Police.REPORT, HomeCountry.NONE, null, false,
                    "Söker skydd efter att ha lämnat en lägenhet där hon sålts."),
            new Spec("DEMO-12X", "My Påhittsson", SubjectType.ADULT, 41, Sex.MALE, "VN", 8,
                    IntakeChannel.POLICE_PL12, EnumSet.of(ExploitationForm.FORCED_LABOUR, ExploitationForm.CRIMINALITY),
                    EnumSet.of(Indicator.CRIMINAL_NETWORK, Indicator.DEPENDENT_ON_EXPLOITER),
                    null, null, DeadlinePlan.ON_TIME, Police.REPORT, HomeCountry.NONE, "rinkeby-kista", false,
                    "Påträffad vid en odling i en källare."));

    private final boolean enabled;
    private final Accounts accounts;
    private final Persons persons;
    private final Cases cases;
    private final CaseAccess access;
    private final Decisions decisions;
    private final Deadlines deadlines;
    private final Cooperation cooperation;
    private final Partners partners;
    private final Handovers handovers;
    private final Reviews reviews;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DemoCases(@Value("${lotsen.demo.cases:false}") boolean enabled, Accounts accounts, Persons persons, Cases cases,
              CaseAccess access, Decisions decisions, Deadlines deadlines, Cooperation cooperation,
              Partners partners, Handovers handovers, Reviews reviews, Clock clock,
              PlatformTransactionManager transactionManager) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.persons = persons;
        this.cases = cases;
        this.access = access;
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.cooperation = cooperation;
        this.partners = partners;
        this.handovers = handovers;
        this.reviews = reviews;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            seed();
        } catch (RuntimeException e) {
            // Demo data never stops Lotsen from starting (say an administrator disabled a demo account).
            log.warn("Demo cases not seeded: {}", e.toString());
        }
    }

    /** Seeds what is missing; returns how many cases and reviews it made. */
    int seed() {
        CurrentUser jour = user("jour1");
        int created = 0;
        Map<String, CaseId> made = new LinkedHashMap<>();
        for (Spec spec : CASES) {
            if (exists(jour, spec.number())) {
                continue;
            }
            // One transaction per case: a case is made whole or not at all, so a restart can finish the rest.
            CaseId id = transactions.execute(status -> open(jour, spec));
            made.put(spec.number(), id);
            if (spec.handoverTo() != null && spec.acknowledged()) {
                // Its own transaction: the database stamps the acknowledgement with the transaction's start.
                String receiver = "rinkeby-kista".equals(spec.handoverTo()) ? "rinkeby1" : "sodermalm1";
                transactions.executeWithoutResult(status -> handovers.acknowledge(access.write(id, user(receiver))));
            }
            created++;
        }
        boolean review = Boolean.TRUE.equals(transactions.execute(status -> seedReview(made)));
        if (created > 0 || review) {
            log.info("Seeded fictional demo cases: {} cases{}", created, review ? " and a demo review" : "");
        }
        return created + (review ? 1 : 0);
    }

    private boolean exists(CurrentUser jour, String number) {
        UnitId jourUnit = jour.unit().id();
        return !persons.searchSimilar(Persons.Register.of(jourUnit), number, "", null).isEmpty()
                || !persons.searchSimilar(Persons.Register.otherThan(jourUnit), number, "", null).isEmpty();
    }

    private CurrentUser user(String username) {
        Account a = accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("demo account missing: " + username));
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.unit(), a.roles(), true, false, null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SwedishDates.ZONE));
    }

    /** A time on a day some days back, Swedish time. */
    private Instant at(int daysAgo, int hour, int minute) {
        Instant t = today().minusDays(daysAgo).atTime(LocalTime.of(hour, minute)).atZone(SwedishDates.ZONE)
                .toInstant();
        Instant latest = clock.instant().minus(Duration.ofMinutes(5));
        return t.isAfter(latest) ? latest : t;
    }

    private CaseId open(CurrentUser jour, Spec s) {
        PersonDetails person = new PersonDetails(IdentityKind.RESERVNUMMER, s.number(), s.name(), "", null, s.age(),
                false, s.sex(), s.nationality(), "", false, "", "", null, "");
        Intake intake = new Intake(s.type(), at(s.daysAgo(), 1, 30), s.channel(), "Demoanmälare (påhittad)", null,
                s.summary() + " Påhittat demoärende.", s.forms(),
                s.forms().contains(ExploitationForm.OTHER) ? "Tvångsgifte planerat" : null,
                null, person, null);
        CaseId id = cases.open(intake, jour);
        WriteGrant grant = access.write(id, jour);
        if (s.deadlines() != DeadlinePlan.MISSED) {
            meetDue(grant, s);
        }
        if (!s.indicators().isEmpty()) {
            cases.recordIndicators(access.write(id, jour), s.indicators(),
                    "Flera tecken på människohandel; bedömningen görs om när mer är känt. (demo)", null);
        }
        if (s.protection() != null) {
            cases.recordProtection(access.write(id, jour), s.protection(), protectionNotes(s.protection()), null);
        }
        if (s.custodyDaysAgo() != null) {
            decisions.record(access.write(id, jour), new DecisionCommand(DecisionType.LVU_6,
                    at(s.custodyDaysAgo(), 3, 0), at(s.custodyDaysAgo(), 4, 15), "Anna Ordförande (demo)",
                    Mandate.CHAIR, s.handoverTo() == null ? "rinkeby-kista" : s.handoverTo(), Set.of("LVU_2", "LVU_3"),
                    "Risk för fortsatt exploatering; rättens beslut kan inte avvaktas.", null, null, null, null, null,
                    false, true));
        }
        if (s.deadlines() != DeadlinePlan.MISSED) {
            meetDue(access.write(id, jour), s);
        }
        contacts(access.write(id, jour), s);
        if (s.handoverTo() != null) {
            handovers.handOver(access.write(id, jour), s.handoverTo(), "Folkbokförd i stadsdelen (demo).");
        }
        return id;
    }

    private static String protectionNotes(ProtectionOutcome outcome) {
        return switch (outcome) {
            case CUSTODY_DECIDED -> "Barnet kan inte återvända till boendet; omedelbart omhändertagande. (demo)";
            case PROTECTION_WITH_CONSENT -> "Placeras hos släkting med vårdnadshavarnas samtycke. (demo)";
            case NO_IMMEDIATE_NEED -> "Inget akut skyddsbehov; överlämnas för utredning. (demo)";
            case DECISION_PENDING -> "Beslut avvaktas. (demo)";
        };
    }

    /**
     * Meets the case's open deadlines that are due by today on time (a day after their start, never after their
     * last day), as often as meeting one starts another (underställning starts the court's review).
     */
    private void meetDue(WriteGrant grant, Spec s) {
        LocalDate today = today();
        for (int round = 0; round < 4; round++) {
            boolean any = false;
            for (Deadline d : deadlines.forCase(grant.caseId().value())) {
                if (!d.status().open() || d.dueDate() == null || d.dueDate().isAfter(today)) {
                    continue;
                }
                LocalDate on = d.anchorDate().plusDays(1);
                if (on.isAfter(d.dueDate())) {
                    on = d.dueDate();
                }
                if (on.isAfter(today)) {
                    on = today;
                }
                if (on.isBefore(d.anchorDate())) {
                    on = d.anchorDate();
                }
                deadlines.markMet(grant, new DeadlineId(d.id()), on, evidence(d.kind()), false);
                any = true;
            }
            if (!any) {
                return;
            }
        }
    }

    private static String evidence(DeadlineKind kind) {
        return switch (kind) {
            case LVU_7_SUBMISSION -> "Underställt förvaltningsrätten, mål nr 1000-26 (demo)";
            case LVU_7_COURT_REVIEW -> "Förvaltningsrätten fastställde beslutet (demo)";
            case LVU_8_APPLICATION -> "Ansökan om vård inkom till rätten (demo)";
            case CHILD_PROTECTION_ASSESSMENT -> "Skyddsbedömning gjord samma dag (demo)";
            default -> "Klart i tid (demo)";
        };
    }

    private void contacts(WriteGrant grant, Spec s) {
        int day = Math.max(0, s.daysAgo() - 1);
        switch (s.police()) {
            case REPORT -> cooperation.record(grant, contact(partner("Polisen, Citypolisen (lokalpolisområde)"),
                    ContactType.POLICE, at(day, 10, 0), "PHONE", "Polisanmälan gjord. (demo)",
                    Map.of("reportMade", "YES", "reportNumber", "5000-K" + s.number().substring(5, 7) + "0-26")));
            case NO_REPORT -> cooperation.record(grant, contact(partner("Polisen, Citypolisen (lokalpolisområde)"),
                    ContactType.POLICE, at(day, 10, 0), "PHONE", "Samråd med polisen; ingen anmälan. (demo)",
                    Map.of("reportMade", "NO", "noReportReason", "Den unga ville inte medverka. (demo)",
                            "secrecyRule", "OSL_10_21")));
            case NONE -> {
            }
        }
        if (s.custodyDaysAgo() != null && s.police() == Police.REPORT) {
            cooperation.record(grant, contact(partner("Barnahus Stockholm"), ContactType.HOME_INVESTIGATION,
                    at(Math.max(0, day - 1), 15, 0), "MEETING", "Hembesök tillsammans med polisen. (demo)",
                    Map.of("investigated", "Bostaden där barnet uppgav att det bott; ingen vuxen där. (demo)",
                            "investigatedBy", "Socialjouren och polisen (demo)")));
        }
        String homeAuthority = "RO".equals(s.nationality())
                ? "Rumänien: Direcția Generală de Asistență Socială (via UD)"
                : "Bulgarien: Statlig byrå för barnskydd (via UD)";
        String ud = "Utrikesdepartementet, centralmyndighet (Bryssel IIb / Haag 1996)";
        Map<String, String> risk = Map.of("contactMayEndanger", "NO", "riskAssessment",
                "Kontakten bedöms inte utsätta barnet för fara; familjen är inte inblandad. (demo)",
                "requestType", "REPORT_ON_CHILD");
        switch (s.homeCountry()) {
            case RISK_FIRST -> {
                cooperation.record(grant, contact(partner(ud), ContactType.HOME_COUNTRY_UD, at(day, 13, 0), "EMAIL",
                        "Riskbedömning före kontakt; begäran om rapport via UD. (demo)", risk));
                cooperation.record(grant, contact(partner(homeAuthority), ContactType.OTHER, at(Math.max(0, day - 1),
                        9, 0), "EMAIL", "Svar från hemlandets myndighet via UD. (demo)", Map.of()));
            }
            case RISK_AFTER -> {
                cooperation.record(grant, contact(partner(homeAuthority), ContactType.OTHER, at(day, 11, 0), "PHONE",
                        "Ringde hemlandets myndighet direkt. (demo)", Map.of()));
                cooperation.record(grant, contact(partner(ud), ContactType.HOME_COUNTRY_UD,
                        at(Math.max(0, day - 1), 14, 0), "EMAIL", "Riskbedömning i efterhand. (demo)", risk));
            }
            case NO_RISK -> cooperation.record(grant, contact(partner(homeAuthority), ContactType.OTHER,
                    at(day, 11, 0), "PHONE", "Kontakt med hemlandets myndighet utan riskbedömning. (demo)", Map.of()));
            case NONE -> {
            }
        }
    }

    private static ContactCommand contact(Partner partner, ContactType type, Instant at, String channel,
                                          String summary, Map<String, String> fields) {
        return new ContactCommand(partner.id(), type, at, channel, summary, null, null, fields, true, false);
    }

    private Partner partner(String name) {
        return partners.findByName(name).orElseThrow(() -> new IllegalStateException("demo partner missing: " + name));
    }

    // -- the demo review --

    private boolean seedReview(Map<String, CaseId> made) {
        CurrentUser metod = user("metod");
        boolean exists = reviews.list(REVIEW_NAME, metod, Paging.of(0, 10)).items().stream()
                .anyMatch(r -> REVIEW_NAME.equals(r.name()));
        if (exists) {
            return false;
        }
        LocalDate today = today();
        UUID id = reviews.create(new Reviews.Definition(REVIEW_NAME,
                "Hur hanterades barnärenden med misstänkt människohandel och omedelbart omhändertagande? (demo)",
                today.minusDays(60), today, "CHILD", true, true, Set.of(), today, today.plusDays(90),
                Set.of(metod.accountId())), metod, SWEDISH);
        reviews.start(id, metod);
        Review review = reviews.get(id, metod);
        List<UUID> selected = new ArrayList<>();
        reviews.cases(id, null, metod, Paging.of(0, 100)).items().forEach(c -> selected.add(c.caseId()));
        Optional<UUID> overridden = caseOf("DEMO-04X", made, selected, 0);
        overridden.ifPresent(caseId -> review.questions().stream()
                .filter(q -> q.derivation() == Derivation.HOME_COUNTRY_RISK_FIRST).findFirst()
                .ifPresent(q -> reviews.answer(id, caseId, new Reviews.AnswerCommand(q.id(), "ADEQUATE",
                        "Riskbedömningen dokumenterades dagen efter.",
                        "Riskbedömningen gjordes muntligen med jourchefen före samtalet (demo)."), metod, SWEDISH)));
        // Some cases answered (the pre-filled answers confirmed), the rest left for the demo.
        List<String> answered = List.of("DEMO-04X", "DEMO-01X", "DEMO-02X");
        for (int i = 0; i < answered.size(); i++) {
            caseOf(answered.get(i), made, selected, i)
                    .ifPresent(caseId -> reviews.confirmSuggestions(id, caseId, metod, SWEDISH));
        }
        return true;
    }

    /** The selected case made for a demo person in this run; else (made earlier) one of the selected by position. */
    private static Optional<UUID> caseOf(String number, Map<String, CaseId> made, List<UUID> selected, int fallback) {
        CaseId id = made.get(number);
        if (id != null) {
            return selected.contains(id.value()) ? Optional.of(id.value()) : Optional.empty();
        }
        return fallback < selected.size() ? Optional.of(selected.get(fallback)) : Optional.empty();
    }
}
