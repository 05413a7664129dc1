package se.lotsen.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.MatrixFixtures.Agent;
import se.lotsen.access.MatrixFixtures.Resp;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The authorisation matrix: every page and API handler of Lotsen, found in the application's own handler mappings,
 * is asked by every role (and by an anonymous visitor) about four cases, and each answer is compared with the access
 * policy written down below as data ({@link #TABLE}): one {@link Rule} per handler, from which {@link #expected} computes
 * the outcome for a user and a case. A handler without a rule fails the build, and so does a rule without a handler.
 *
 * <p>The four cases (made once, through the API, as the users would):
 * <ul>
 *   <li>{@link Scenario#OWN}: a child's case held by Socialjouren, opened by jour1, with a custody decision (so
 *       deadlines), a police contact and a question from jour1.</li>
 *   <li>{@link Scenario#PROTECTED}: the same, but the person has protected identity (skyddad folkbokföring) and an
 *       address, and a placement at a shelter is logged.</li>
 *   <li>{@link Scenario#HANDED_OVER}: opened at Socialjouren by jour1 and handed over to Rinkeby-Kista, which holds it;
 *       Socialjouren keeps read-only follow-up access.</li>
 *   <li>{@link Scenario#OTHER_UNIT}: opened and held by Södermalm.</li>
 * </ul>
 *
 * <p>Outcomes are classes of HTTP answers: {@code ALLOW} (200, 201, 204, a redirect to a page other than the sign-in
 * page, or 400/409: access passed and a business rule refused the probe), {@code FORBIDDEN} (403), {@code NOT_FOUND}
 * (404), {@code LOGIN} (a redirect to /login for pages, 401 for the API). Anything else (a 500) is always wrong.
 *
 * <p>Every POST is a probe that passes binding and bean validation (so that the access rule is what decides) and
 * then fails a business rule, so that the cases stay what they are. The full matrix is written to
 * {@code target/authorisation-matrix.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorisationMatrixIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Path MATRIX_FILE = Path.of("target", "authorisation-matrix.txt");
    private static final String ROUTINE = "akut-manniskohandel";
    /** A step of the routine that is linked to the handover: removing it is refused, so the probe removes nothing. */
    private static final String ROUTINE_STEP = "overlamning";
    private static final String ROUTINE_PHASE = "g-overlamning";
    private static final String CASE_STEP = "mottagande";
    private static final String POLICE = "Polisen, Citypolisen (lokalpolisområde)";
    /** A far-away day: every "when" in a probe that must fail a business rule, not the binding. */
    private static final String FUTURE = "2100-01-01T00:00:00+01:00";
    private static final String PAST = "2000-01-01T00:00:00+01:00";
    private static final String STALE_VERSION = "999999";

    // ------------------------------------------------------------------------------------------------------------
    // Who
    // ------------------------------------------------------------------------------------------------------------

    enum User {
        JOUR1("jour1", Role.DUTY_WORKER, "socialjouren"),
        JOURCHEF("jourchef", Role.DUTY_LEAD, "socialjouren"),
        METOD("metod", Role.METHOD_DEVELOPER, "socialjouren"),
        RINKEBY1("rinkeby1", Role.CASE_WORKER, "rinkeby-kista"),
        RINKEBYCHEF("rinkebychef", Role.UNIT_MANAGER, "rinkeby-kista"),
        SODERMALM1("sodermalm1", Role.CASE_WORKER, "sodermalm"),
        GRANSKARE("granskare", Role.AUDITOR, null),
        ADMIN("admin", Role.ADMIN, null),
        ANONYMOUS(null, null, null);

        final String username;
        final Role role;
        final String unit;

        User(String username, Role role, String unit) {
            this.username = username;
            this.role = role;
            this.unit = unit;
        }

        boolean signedIn() {
            return this != ANONYMOUS;
        }

        /** Duty workers, duty leads, case workers and unit managers: the roles that handle cases at their unit. */
        boolean handlesCases() {
            return role == Role.DUTY_WORKER || role == Role.DUTY_LEAD || role == Role.CASE_WORKER
                    || role == Role.UNIT_MANAGER;
        }

        boolean leads() {
            return role == Role.DUTY_LEAD || role == Role.UNIT_MANAGER;
        }

        String label() {
            return signedIn() ? username : "(anonymous)";
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // About which case
    // ------------------------------------------------------------------------------------------------------------

    enum Scenario {
        OWN("socialjouren", null, false, User.JOUR1),
        PROTECTED("socialjouren", null, false, User.JOUR1),
        HANDED_OVER("rinkeby-kista", "socialjouren", true, User.JOUR1),
        OTHER_UNIT("sodermalm", null, false, User.SODERMALM1);

        /** The unit that holds the case. */
        final String holder;
        /** The unit that handed the case on and keeps read access to follow it up, or {@code null}. */
        final String followUp;
        /** Whether the case came to its holder by a handover (so there is a receipt to acknowledge). */
        final boolean receivedByHandover;
        /** Who asked the method developer the scenario's question. */
        final User asker;

        Scenario(String holder, String followUp, boolean receivedByHandover, User asker) {
            this.holder = holder;
            this.followUp = followUp;
            this.receivedByHandover = receivedByHandover;
            this.asker = asker;
        }

        boolean holds(User u) {
            return u.handlesCases() && holder.equals(u.unit);
        }

        boolean follows(User u) {
            return followUp != null && u.handlesCases() && followUp.equals(u.unit);
        }

        boolean mayRead(User u) {
            return holds(u) || follows(u);
        }
    }

    /** What the scenario's case is made of, as created in {@link #createScenarios}. */
    record CaseData(UUID id, String number, String personName, UUID decisionId, UUID deadlineId, UUID contactId,
                    UUID questionId) {
    }

    // ------------------------------------------------------------------------------------------------------------
    // The policy
    // ------------------------------------------------------------------------------------------------------------

    enum Outcome { ALLOW, FORBIDDEN, NOT_FOUND, LOGIN, UNEXPECTED }

    enum Rule {
        /** Anyone, signed in or not. */
        PUBLIC(false),
        /** Every signed-in user; nothing about a case. */
        ANY_SIGNED_IN(false),
        /** A list or board of the cases the user may see: every signed-in user, and the leak checks must hold. */
        LIST(false),
        /** Intake and the person register: the five case-handling roles (duty worker and lead, case worker and
         *  manager; the method developer is not one of them), 403 for the others. */
        CASE_WORK(false),
        /** A lead (duty lead, unit manager) of their own unit's register; 403 for the others. */
        LEAD(false),
        ADMIN(false),
        AUDITOR(false),
        METHOD_DEVELOPER(false),
        /** The published routine: every role that works with cases, the method developer included
         *  ({@code RoutineAccess.READERS}); 403 for the auditor and the administrator. */
        ROUTINE_READER(false),
        /** The partner directory's editing: administrators and the method developer ({@code PartnerController}). */
        PARTNER_EDITOR(false),
        /** Events, materials and the knowledge base: every role that works with cases, the method developer and the
         *  auditors ({@code KnowledgeAccess.READERS}); 403 for the administrator. */
        KNOWLEDGE_READER(false),
        /** Reading grants and their final report: the method developer, unit managers, duty leads and auditors
         *  ({@code grants.GrantAccess}); 403 for the others. Managing them is {@link #METHOD_DEVELOPER}. */
        GRANT_READER(false),
        /** Read a case: its holding unit's handlers, and the handing unit in its follow-up period; 404 for all else. */
        CASE_READ(true),
        /** Change a case: its holding unit's handlers; 403 for the follow-up reader; 404 for all else. */
        CASE_WRITE(true),
        /** A lead's action on a case: the holding unit's leads; 403 for the unit's other handlers and the follow-up
         *  reader; 404 for all else. */
        CASE_LEAD(true),
        /** Acknowledging receipt: like {@link #CASE_WRITE}, but only when the case came to its holder by a handover
         *  (404 otherwise, for holders too). */
        HANDOVER_RECEIPT(true),
        /** Assigning an incoming case: the holding unit's leads, when the case came by a handover (404 otherwise);
         *  403 for the unit's other handlers and the follow-up reader whether or not it did; 404 for all else. */
        HANDOVER_ASSIGN(true),
        /** Asking the method developer about a case: a role that may not ask at all (auditor, administrator) gets
         *  403 whatever the case; the others need to change the case, as {@link #CASE_WRITE}. */
        QUESTION_ABOUT_CASE(true),
        /** Reviewing emergency accesses and their reasons: the leads (their unit's cases) and the auditors; 403
         *  for the others. */
        EMERGENCY_REVIEW(false),
        /** Statistics (no case is named, small counts suppressed): the method developer, the leads and the
         *  auditors ({@code Reporting.READERS}); 403 for the others. */
        STATISTICS(false),
        /** A path that is not a page when asked for directly: 404 for everyone, signed in or not. */
        NOT_A_PAGE(false),
        /** A question to the method developer: its asker and the method developer; 404 for the others. */
        QUESTION(true),
        /** Answering a question: the method developer; 403 for the asker (who sees the question); 404 for the others. */
        QUESTION_ANSWER(true),
        /** The list of case reviews: the roles reviewers are chosen among (method developer, auditor, leads); 403 for
         *  the others. */
        REVIEW_LIST(false),
        /** A review's definition and results: method developers and auditors (and its reviewers: the fixture's only
         *  reviewer is the method developer); 404 for the others. */
        REVIEW_READ(false),
        /** A case under review: the review grant of CaseAccess, only for the review's reviewer (the method developer)
         *  and only for the case the review selected (OWN); 404 for everyone and everything else. */
        REVIEW_CASE(true);

        /** Whether the rule concerns one case, so that the handler is asked about every scenario. */
        final boolean perCase;

        Rule(boolean perCase) {
            this.perCase = perCase;
        }
    }

    /** The one function from the policy to the expected outcome. */
    static Outcome expected(Rule rule, User u, Scenario s) {
        if (rule == Rule.NOT_A_PAGE) {
            return Outcome.NOT_FOUND;
        }
        if (!u.signedIn()) {
            return rule == Rule.PUBLIC ? Outcome.ALLOW : Outcome.LOGIN;
        }
        return switch (rule) {
            case PUBLIC, ANY_SIGNED_IN, LIST -> Outcome.ALLOW;
            case CASE_WORK -> u.handlesCases() ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case LEAD -> u.leads() ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case EMERGENCY_REVIEW -> u.leads() || u.role == Role.AUDITOR ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case STATISTICS -> u.leads() || u.role == Role.AUDITOR || u.role == Role.METHOD_DEVELOPER ? Outcome.ALLOW
                    : Outcome.FORBIDDEN;
            case ADMIN -> u.role == Role.ADMIN ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case AUDITOR -> u.role == Role.AUDITOR ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case METHOD_DEVELOPER -> u.role == Role.METHOD_DEVELOPER ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case ROUTINE_READER -> u.handlesCases() || u.role == Role.METHOD_DEVELOPER ? Outcome.ALLOW
                    : Outcome.FORBIDDEN;
            case PARTNER_EDITOR -> u.role == Role.ADMIN || u.role == Role.METHOD_DEVELOPER ? Outcome.ALLOW
                    : Outcome.FORBIDDEN;
            case KNOWLEDGE_READER -> u.role != Role.ADMIN ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case GRANT_READER -> u.role == Role.METHOD_DEVELOPER || u.role == Role.UNIT_MANAGER
                    || u.role == Role.DUTY_LEAD || u.role == Role.AUDITOR ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case CASE_READ -> s.mayRead(u) ? Outcome.ALLOW : Outcome.NOT_FOUND;
            case CASE_WRITE -> s.holds(u) ? Outcome.ALLOW : s.follows(u) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case CASE_LEAD -> s.holds(u) ? (u.leads() ? Outcome.ALLOW : Outcome.FORBIDDEN)
                    : s.follows(u) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case HANDOVER_RECEIPT -> !s.receivedByHandover ? Outcome.NOT_FOUND
                    : s.holds(u) ? Outcome.ALLOW : s.follows(u) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case HANDOVER_ASSIGN -> s.holds(u) ? (!u.leads() ? Outcome.FORBIDDEN
                    : s.receivedByHandover ? Outcome.ALLOW : Outcome.NOT_FOUND)
                    : s.follows(u) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case QUESTION_ABOUT_CASE -> !(u.handlesCases() || u.role == Role.METHOD_DEVELOPER) ? Outcome.FORBIDDEN
                    : s.holds(u) ? Outcome.ALLOW : s.follows(u) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case NOT_A_PAGE -> Outcome.NOT_FOUND;
            case QUESTION -> u == s.asker || u.role == Role.METHOD_DEVELOPER ? Outcome.ALLOW : Outcome.NOT_FOUND;
            case QUESTION_ANSWER -> u.role == Role.METHOD_DEVELOPER ? Outcome.ALLOW
                    : u == s.asker ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case REVIEW_LIST -> u.role == Role.METHOD_DEVELOPER || u.role == Role.AUDITOR || u.leads()
                    ? Outcome.ALLOW : Outcome.FORBIDDEN;
            case REVIEW_READ -> u.role == Role.METHOD_DEVELOPER || u.role == Role.AUDITOR ? Outcome.ALLOW
                    : Outcome.NOT_FOUND;
            case REVIEW_CASE -> u.role == Role.METHOD_DEVELOPER && s == Scenario.OWN ? Outcome.ALLOW
                    : Outcome.NOT_FOUND;
        };
    }

    /**
     * How a handler is probed. {@code query} is appended to the path; {@code form} is a page form (the CSRF token is
     * added); {@code json} is an API body. Values may hold placeholders ({@code {caseId}}, {@code {personId}},
     * {@code {self}}, …), filled in by {@link #fill}. {@code freshToken}: the request uses a token issued for it
     * (signing out revokes the token it is sent with).
     */
    record Probe(String query, Map<String, String> form, String json, boolean freshToken) {
        static final Probe NONE = new Probe(null, Map.of(), null, false);
    }

    record Decision(Rule rule, Probe probe, String why) {
    }

    /**
     * The table: every handler key of Lotsen with its rule, how it is probed and, where the reading is not obvious,
     * why. The order is the order the matrix runs in (the routine draft is created first and discarded last).
     */
    static final Map<String, Decision> TABLE = new LinkedHashMap<>();

    private static void rule(String key, Rule rule) {
        rule(key, rule, Probe.NONE, "");
    }

    private static void rule(String key, Rule rule, String why) {
        rule(key, rule, Probe.NONE, why);
    }

    private static void rule(String key, Rule rule, Probe probe, String why) {
        if (TABLE.put(key, new Decision(rule, probe, why)) != null) {
            throw new IllegalStateException("two rules for " + key);
        }
    }

    private static Probe query(String query) {
        return new Probe(query, Map.of(), null, false);
    }

    private static Probe form(String... keysAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Probe(null, form, null, false);
    }

    private static Probe queryAndForm(String query, String... keysAndValues) {
        Probe f = form(keysAndValues);
        return new Probe(query, f.form(), null, false);
    }

    private static Probe json(String json) {
        return new Probe(null, Map.of(), json, false);
    }

    static {
        // -- public, and the start page ----------------------------------------------------------------------
        rule("GET /login", Rule.PUBLIC, "signed in: redirected to the start page (ALLOW)");
        rule("GET /error", Rule.NOT_A_PAGE, "Spring's error path, permitted to everyone by the security "
                + "configuration; asked for directly there is no error: a page that does not exist (404), never a "
                + "server error that anyone could write into the log");
        rule("POST /api/v1/auth/token", Rule.PUBLIC,
                json("{\"username\":\"{self}\",\"password\":\"" + DEMO_PASSWORD + "\"}"),
                "getting a token is how one signs in to the API; anonymous probes with jour2's credentials");
        rule("GET /", Rule.ANY_SIGNED_IN);
        rule("GET /ping", Rule.ANY_SIGNED_IN, "a constant answer, the benchmark's trivial endpoint; no personal data");

        // -- own account ----------------------------------------------------------------------------------------
        rule("GET /account", Rule.ANY_SIGNED_IN);
        rule("POST /account/password", Rule.ANY_SIGNED_IN, form(), "empty form: refused by validation, nothing changes");
        rule("GET /api/v1/me", Rule.ANY_SIGNED_IN);
        rule("POST /api/v1/me/password", Rule.ANY_SIGNED_IN, json("{}"),
                "empty request: refused by validation, nothing changes, no wrong password counted");
        rule("DELETE /api/v1/auth/token", Rule.ANY_SIGNED_IN, new Probe(null, Map.of(), null, true),
                "signing out revokes the token sent; a token issued for the probe is used");

        // -- lists and boards: everyone signed in, but only what they may see (leak checks) --------------------
        rule("GET /cases", Rule.LIST, query("q=Matris"), "searched for every scenario's person");
        rule("GET /api/v1/cases", Rule.LIST, query("query=Matris"), "searched for every scenario's person");
        rule("GET /deadlines", Rule.LIST, query("days=30"), "");
        rule("GET /handovers", Rule.LIST);
        rule("GET /contacts/queued", Rule.LIST);
        rule("GET /deadlines/rules", Rule.ANY_SIGNED_IN, "the deadline rules are law, not case data");
        rule("GET /notifications", Rule.ANY_SIGNED_IN, "the user's own notifications");
        rule("POST /notifications/read", Rule.ANY_SIGNED_IN, "marks the user's own notifications read");
        rule("GET /api/v1/notifications", Rule.ANY_SIGNED_IN, "the user's own notifications");
        rule("GET /questions", Rule.ANY_SIGNED_IN,
                "the method developer's queue, or for everyone else the questions they asked themselves "
                        + "(QuestionController#list); not a case list");

        // -- organisation and calendar (no personal data) -------------------------------------------------------
        rule("GET /api/v1/units", Rule.ANY_SIGNED_IN);
        rule("GET /api/v1/calendar/statutory-deadline", Rule.ANY_SIGNED_IN, query("from=2026-11-30&weeks=1"), "");
        rule("GET /api/v1/calendar/next-working-day", Rule.ANY_SIGNED_IN, query("after=2026-12-24"), "");
        rule("GET /api/v1/calendar/holidays", Rule.ANY_SIGNED_IN, query("year=2026"), "");
        rule("GET /partners", Rule.ANY_SIGNED_IN, "the partner directory is for everyone (organisational data)");
        rule("GET /partners/new", Rule.PARTNER_EDITOR, "not in the brief; PartnerController: admin and method developer");
        rule("POST /partners/new", Rule.PARTNER_EDITOR, form(), "empty form: refused by validation");
        rule("GET /partners/{id}", Rule.PARTNER_EDITOR, "{id}: the police partner");
        rule("POST /partners/{id}", Rule.PARTNER_EDITOR, form(), "empty form: refused by validation");

        // -- grants and the final report (organisational data; {id}: the matrix's own grant) -------------------
        rule("GET /grants", Rule.GRANT_READER, query("q=Matris"), "grants.GrantAccess: read by the method developer, "
                + "unit managers, duty leads and auditors");
        rule("GET /grants/new", Rule.METHOD_DEVELOPER, "the method developer manages grants");
        rule("POST /grants/new", Rule.METHOD_DEVELOPER, form(), "empty form: refused by validation");
        rule("GET /grants/{id}", Rule.GRANT_READER);
        rule("GET /grants/{id}/edit", Rule.METHOD_DEVELOPER);
        rule("POST /grants/{id}/edit", Rule.METHOD_DEVELOPER, form(), "empty form: refused by validation");
        rule("POST /grants/{id}/report/submitted", Rule.METHOD_DEVELOPER, form(), "no day: refused");
        rule("POST /grants/{id}/report/approved", Rule.METHOD_DEVELOPER, form(), "no day: refused");
        rule("GET /grants/{id}/deliverables/new", Rule.METHOD_DEVELOPER);
        rule("POST /grants/{id}/deliverables/new", Rule.METHOD_DEVELOPER, form(), "empty form: refused by validation");
        rule("GET /grants/{id}/deliverables/{deliverableId}", Rule.METHOD_DEVELOPER);
        rule("POST /grants/{id}/deliverables/{deliverableId}", Rule.METHOD_DEVELOPER, form(),
                "empty form: refused by validation");
        rule("GET /grants/{id}/payments/new", Rule.METHOD_DEVELOPER);
        rule("POST /grants/{id}/payments/new", Rule.METHOD_DEVELOPER, form(), "empty form: refused by validation");
        rule("GET /grants/{id}/payments/{paymentId}/remove", Rule.METHOD_DEVELOPER, "the confirmation page");
        rule("POST /grants/{id}/payments/{paymentId}/remove", Rule.METHOD_DEVELOPER, form("version", STALE_VERSION),
                "a stale version of the grant: refused as a concurrent change, nothing removed");
        rule("GET /grants/{id}/report", Rule.GRANT_READER);
        rule("POST /grants/{id}/report", Rule.METHOD_DEVELOPER,
                "drafts the final report; the matrix's grant is drafted already, so nothing changes");
        rule("GET /grants/{id}/report/sections/{key}", Rule.METHOD_DEVELOPER, "{key}: the summary section");
        rule("POST /grants/{id}/report/sections/{key}", Rule.METHOD_DEVELOPER, form(),
                "empty form: refused by validation");
        rule("GET /grants/{id}/report/sections/{key}/redraft", Rule.METHOD_DEVELOPER, "the confirmation page");
        rule("POST /grants/{id}/report/sections/{key}/redraft", Rule.METHOD_DEVELOPER,
                form("version", STALE_VERSION), "a stale version: refused as a concurrent change");
        rule("GET /grants/{id}/report.pdf", Rule.GRANT_READER, "the final report as PDF");

        // -- intake and the person register -------------------------------------------------------------------
        rule("GET /cases/new", Rule.CASE_WORK);
        rule("GET /cases/new/intake", Rule.CASE_WORK);
        rule("POST /cases/new/intake", Rule.CASE_WORK, form("subjectType", "CHILD", "receivedAt", "2100-01-01T00:00",
                        "channel", "OTHER", "name", ""),
                "a well-formed intake received in the future, without a name: refused by Cases.checkIntake after "
                        + "its access check; nothing is opened here, the valid form only leads to the check page");
        rule("GET /cases/new/check", Rule.CASE_WORK, "no draft in the session: back to the form");
        rule("POST /cases", Rule.CASE_WORK, form("draft", "00000000-0000-4000-8000-000000000000"),
                "an unknown draft token: nothing is opened (only the check page's button, with a kept draft, opens)");
        rule("POST /api/v1/cases", Rule.CASE_WORK,
                json("{\"subject\":{\"type\":\"CHILD\",\"name\":\"Matris Prov\"},\"receivedAt\":\"" + FUTURE + "\"}"),
                "received in the future: refused by Cases.open after its access check");
        rule("GET /api/v1/persons", Rule.CASE_WORK, query("name=Zzyzx%20Qwertyson"),
                "a name that matches nobody (an empty search is refused before the access check; a jour's search "
                        + "deliberately reports other units' open cases, which is not what this matrix is about)");
        rule("GET /persons/merge", Rule.LEAD);
        rule("POST /persons/merge", Rule.LEAD, form("keep", "{personId}", "duplicate", "{personId}"),
                "a person of the lead's own register merged with itself: refused after the access check");

        // -- emergency access (nödåtkomst) ---------------------------------------------------------------------
        rule("GET /cases/emergency-access", Rule.CASE_WORK,
                "the request form: the roles that handle cases (CaseAccess.mayRequestEmergencyAccess); never the "
                        + "method developer, an auditor or an administrator");
        rule("POST /cases/emergency-access", Rule.CASE_WORK, form("caseNumber", "", "reason", ""),
                "no case number, no reason: refused with field errors after the role check, no access given");
        rule("GET /cases/emergency-access/log", Rule.EMERGENCY_REVIEW,
                "the emergency accesses with their reasons: a lead sees their unit's cases, an auditor all");

        // -- a case: pages -------------------------------------------------------------------------------------
        rule("GET /cases/{id}", Rule.CASE_READ);
        rule("GET /cases/{id}/routine-changes", Rule.CASE_READ);
        rule("GET /cases/{id}/indicators", Rule.CASE_READ,
                "access.read: the follow-up reader sees the assessment without a way to save it");
        rule("POST /cases/{id}/indicators", Rule.CASE_WRITE, form("version", STALE_VERSION),
                "a stale version: refused as a concurrent change, nothing saved");
        rule("GET /cases/{id}/protection", Rule.CASE_READ, "access.read, like the indicators");
        rule("POST /cases/{id}/protection", Rule.CASE_WRITE, form("version", STALE_VERSION), "stale version");
        rule("POST /cases/{id}/assign", Rule.CASE_WRITE, form("version", STALE_VERSION),
                "\"Jag håller i ärendet\" with a stale version: nobody is assigned");
        rule("POST /cases/{id}/status", Rule.CASE_WRITE, form("target", "", "reason", ""),
                "no target status: refused, the case is neither closed nor reopened");
        rule("POST /cases/{id}/protected-viewers", Rule.CASE_LEAD, form("account", ""),
                "no account named: refused after the lead check");
        rule("POST /cases/{id}/protected-viewers/{account}/remove", Rule.CASE_LEAD,
                "{account}: jour2, who was never named, so nothing is removed");
        rule("GET /cases/{id}/steps/{key}", Rule.CASE_READ, "access.read: the step with its guidance");
        rule("POST /cases/{id}/steps/{key}", Rule.CASE_WRITE, form(), "no status: refused");
        rule("POST /cases/{id}/steps/reservnummer/assign", Rule.CASE_WRITE, form(),
                "performs the step: a reservnummer for the person without one; a second press is refused (200)");
        rule("POST /cases/{id}/journal", Rule.CASE_WRITE, form(), "no text: refused");
        rule("GET /cases/{id}/journal/new", Rule.CASE_WRITE, "a form to change the case");
        rule("GET /cases/{id}/person", Rule.CASE_WRITE, "a form to change the case");
        rule("POST /cases/{id}/person", Rule.CASE_WRITE, form("version", STALE_VERSION),
                "no name (and a stale version): refused");
        rule("GET /cases/{id}/decisions/new", Rule.CASE_WRITE, "a form to change the case");
        rule("POST /cases/{id}/decisions/new", Rule.CASE_WRITE, form(), "no type: refused");
        rule("GET /cases/{id}/decisions/{decisionId}", Rule.CASE_READ);
        rule("POST /cases/{id}/decisions/{decisionId}/execution", Rule.CASE_WRITE, form(),
                "already carried out / no time: refused");
        rule("POST /cases/{id}/decisions/{decisionId}/end", Rule.CASE_WRITE, form(), "no reason: refused");
        rule("POST /cases/{id}/decisions/{decisionId}/court-rulings", Rule.CASE_WRITE, form(),
                "no kind, no day: refused");
        rule("GET /cases/{id}/deadlines/{deadlineId}", Rule.CASE_READ);
        rule("POST /cases/{id}/deadlines/{deadlineId}/met", Rule.CASE_WRITE, form(), "no day: refused");
        rule("POST /cases/{id}/deadlines/{deadlineId}/extension-requested", Rule.CASE_WRITE, form(),
                "no day: refused");
        rule("GET /cases/{id}/contacts/new", Rule.CASE_WRITE, "a form to change the case");
        rule("POST /cases/{id}/contacts/new", Rule.CASE_WRITE, form(), "empty form: refused");
        rule("GET /cases/{id}/contacts/{contactId}/status", Rule.CASE_WRITE, "a form to change the case");
        rule("POST /cases/{id}/contacts/{contactId}/status", Rule.CASE_WRITE, form(), "no status: refused");
        rule("GET /cases/{id}/handover", Rule.CASE_READ);
        rule("POST /cases/{id}/handover/acknowledge", Rule.HANDOVER_RECEIPT,
                "acknowledges HANDED_OVER once (the holder and its status stay); the second time is refused");
        rule("POST /cases/{id}/handover/assign", Rule.HANDOVER_ASSIGN, form("caseWorker", ""),
                "a lead-only action on an incoming handover: the lead is checked first (403 for the unit's other "
                        + "handlers and the follow-up reader), then that the case came by a handover (404 for a case "
                        + "that did not); no worker chosen: refused after the checks");
        rule("GET /cases/{id}/handover/new", Rule.CASE_WRITE, "a form to change the case");
        rule("POST /cases/{id}/handover/new", Rule.CASE_WRITE, form("toUnit", "", "reason", ""),
                "no unit, no reason: refused, nothing handed over");
        rule("GET /cases/{id}/handover/package", Rule.CASE_READ);
        rule("GET /cases/{id}/handover/package.pdf", Rule.CASE_READ);
        rule("GET /questions/new", Rule.QUESTION_ABOUT_CASE, query("caseId={caseId}"),
                "asked about a case: asking writes into the case (QuestionApiController), so the form needs write; "
                        + "a role that may not ask is refused before the case is looked at");
        rule("POST /questions/new", Rule.QUESTION_ABOUT_CASE, form("caseId", "{caseId}", "text", ""),
                "about the case, no text: refused after the access check");

        // -- a case: API ---------------------------------------------------------------------------------------
        rule("GET /api/v1/cases/{id}", Rule.CASE_READ);
        rule("POST /api/v1/cases/{id}/checklist/{key}", Rule.CASE_WRITE, json("{\"status\":\"NOT_APPLICABLE\"}"),
                "not applicable without a reason: refused by the checklist after the access check");
        rule("POST /api/v1/cases/{id}/close", Rule.CASE_WRITE,
                json("{\"reason\":\"\",\"version\":" + STALE_VERSION + "}"), "stale version: 409, nothing closed");
        rule("POST /api/v1/cases/{id}/decisions", Rule.CASE_WRITE, json("{\"type\":\"LVU_6\",\"decidedAt\":\"" + FUTURE
                        + "\",\"decidedBy\":{\"name\":\"Anna Ordförande\",\"mandate\":\"CHAIR\"},"
                        + "\"committee\":\"rinkeby-kista\",\"grounds\":[\"LVU_2\"],\"urgencyReason\":\"Prov\"}"),
                "decided in the future (and a custody exists): refused after the access check");
        rule("GET /api/v1/cases/{id}/decisions", Rule.CASE_READ);
        rule("POST /api/v1/cases/{id}/decisions/{decisionId}/execution", Rule.CASE_WRITE,
                json("{\"executedAt\":\"" + PAST + "\"}"), "already carried out, before the decision: refused");
        rule("POST /api/v1/cases/{id}/decisions/{decisionId}/end", Rule.CASE_WRITE,
                json("{\"reason\":\"OTHER\",\"endedAt\":\"" + PAST + "\"}"),
                "ended before the decision, OTHER without a note: refused, the custody stays");
        rule("POST /api/v1/cases/{id}/decisions/{decisionId}/court-rulings", Rule.CASE_WRITE,
                json("{\"kind\":\"CUSTODY_CONFIRMED\",\"decidedOn\":\"2100-01-01\"}"),
                "a ruling in the future: refused, nothing recorded");
        rule("GET /api/v1/cases/{id}/deadlines", Rule.CASE_READ);
        rule("POST /api/v1/cases/{id}/deadlines/{deadlineId}/met", Rule.CASE_WRITE, json("{\"on\":\"2100-01-01\"}"),
                "met in the future: refused");
        rule("POST /api/v1/cases/{id}/deadlines/{deadlineId}/extend", Rule.CASE_WRITE,
                json("{\"newDate\":\"2000-01-01\",\"note\":\"\"}"), "earlier day, no note: refused");
        rule("POST /api/v1/cases/{id}/deadlines/{deadlineId}/extension-requested", Rule.CASE_WRITE,
                json("{\"requestedOn\":\"2100-01-01\"}"), "requested in the future: refused");
        rule("POST /api/v1/cases/{id}/handover", Rule.CASE_WRITE,
                json("{\"toUnit\":\"ingen-sadan-enhet\",\"reason\":\"Matrisprov\"}"), "unknown unit: refused");
        rule("GET /api/v1/cases/{id}/handover/package.pdf", Rule.CASE_READ);
        rule("POST /api/v1/cases/{id}/handover/acknowledge", Rule.HANDOVER_RECEIPT, json("{}"),
                "acknowledges HANDED_OVER once; the second time is refused (400)");
        rule("POST /api/v1/cases/{id}/contacts", Rule.CASE_WRITE, json("{\"type\":\"NO_SUCH_TYPE\"}"),
                "unknown type: refused after the access check (ContactApiController checks access first)");
        rule("GET /api/v1/cases/{id}/contacts", Rule.CASE_READ);
        rule("GET /api/v1/cases/{id}/contacts/{contactId}", Rule.CASE_READ);
        rule("POST /api/v1/cases/{id}/questions", Rule.CASE_WRITE, json("{\"text\":\"\",\"urgent\":false}"),
                "no text: refused after the access check");

        // -- questions to the method developer -----------------------------------------------------------------
        rule("GET /questions/{id}", Rule.QUESTION, "{id}: the scenario's question");
        rule("GET /questions/{id}/delivery", Rule.QUESTION, "part of the question page (polled by the asker)");
        rule("POST /questions/{id}/answer", Rule.QUESTION_ANSWER, form(),
                "empty answer: refused; the asker sees the question but may not answer it (403), for everyone "
                        + "else it does not exist (404)");

        // -- routines --------------------------------------------------------------------------------------------
        rule("GET /routines", Rule.ROUTINE_READER, "RoutineAccess.READERS: the case roles and the method developer");
        rule("GET /routines/versions/{id}", Rule.ROUTINE_READER, "{id}: the published version");
        rule("GET /routines/versions/{id}/print", Rule.ROUTINE_READER);
        rule("GET /routines/versions/{id}.pdf", Rule.ROUTINE_READER);
        rule("GET /routines/versions/{id}/pdf", Rule.ROUTINE_READER);
        rule("GET /routines/usage", Rule.METHOD_DEVELOPER, "how many open cases per unit run which version: method "
                + "developer only; no case is named, and like every answer it is leak-checked");
        rule("POST /routines/{key}/draft", Rule.METHOD_DEVELOPER, "creates the draft the other draft probes use");
        rule("GET /routines/{key}/draft", Rule.METHOD_DEVELOPER);
        rule("GET /routines/{key}/draft/steps/new", Rule.METHOD_DEVELOPER, query("phase=" + ROUTINE_PHASE), "");
        rule("POST /routines/{key}/draft/steps/new", Rule.METHOD_DEVELOPER, queryAndForm("phase=" + ROUTINE_PHASE),
                "empty form: refused");
        rule("GET /routines/{key}/draft/steps/{stepKey}", Rule.METHOD_DEVELOPER);
        rule("POST /routines/{key}/draft/steps/{stepKey}", Rule.METHOD_DEVELOPER, form(), "empty form: refused");
        rule("POST /routines/{key}/draft/steps/{stepKey}/move", Rule.METHOD_DEVELOPER, form("direction", "up"),
                "moves a step of the draft (the draft is discarded at the end)");
        rule("GET /routines/{key}/draft/steps/{stepKey}/remove", Rule.METHOD_DEVELOPER);
        rule("POST /routines/{key}/draft/steps/{stepKey}/remove", Rule.METHOD_DEVELOPER,
                "a step linked to the handover: refused with a redirect, nothing removed");
        rule("GET /routines/{key}/draft/preview", Rule.METHOD_DEVELOPER);
        rule("POST /routines/{key}/draft/publish", Rule.METHOD_DEVELOPER, form(), "no change note: refused");
        rule("GET /routines/{key}/draft/discard", Rule.METHOD_DEVELOPER);

        // -- knowledge: events, materials, the knowledge base (no personal data) ----------------------------------
        rule("GET /knowledge/events", Rule.KNOWLEDGE_READER, "KnowledgeAccess.READERS: the case roles, the method "
                + "developer and the auditors; not the administrator (accounts and units, not content)");
        rule("GET /knowledge/events/calendar", Rule.KNOWLEDGE_READER);
        rule("GET /knowledge/events/new", Rule.METHOD_DEVELOPER);
        rule("POST /knowledge/events/new", Rule.METHOD_DEVELOPER, form(), "empty form: refused by the rules");
        rule("GET /knowledge/events/{id}", Rule.KNOWLEDGE_READER, "{id}: the demo seminar (held, with a material)");
        rule("GET /knowledge/events/{id}/edit", Rule.METHOD_DEVELOPER);
        rule("POST /knowledge/events/{id}/edit", Rule.METHOD_DEVELOPER, form(),
                "empty form without the version read: refused as a concurrent change, nothing saved");
        rule("POST /knowledge/events/{id}/materials", Rule.METHOD_DEVELOPER, form(),
                "not a multipart request, so no file: refused with the form's message, nothing saved");
        rule("GET /knowledge/events/{id}/materials/{materialId}", Rule.KNOWLEDGE_READER,
                "{materialId}: the demo seminar's programme; always an attachment");
        rule("POST /knowledge/events/{id}/materials/{materialId}/remove", Rule.METHOD_DEVELOPER,
                "after the download probe: the method developer removes the demo material (the editor is checked "
                        + "before the material is looked up, so the users after get 403, not 404)");
        rule("GET /knowledge/articles", Rule.KNOWLEDGE_READER, query("q=utredningar"), "a Swedish full-text search");
        rule("GET /knowledge/articles/new", Rule.METHOD_DEVELOPER);
        rule("POST /knowledge/articles/new", Rule.METHOD_DEVELOPER, form(), "empty form: refused by the rules");
        rule("GET /knowledge/articles/{id}", Rule.KNOWLEDGE_READER, "{id}: the demo article on home investigations");
        rule("GET /knowledge/articles/{id}/edit", Rule.METHOD_DEVELOPER);
        rule("POST /knowledge/articles/{id}/edit", Rule.METHOD_DEVELOPER, form(),
                "empty form without the version read: refused as a concurrent change, no new version");
        rule("GET /knowledge/articles/{id}/versions/{number}", Rule.KNOWLEDGE_READER, "{number}: 1");
        rule("GET /knowledge/articles/{id}/steps", Rule.METHOD_DEVELOPER);
        rule("POST /knowledge/articles/{id}/steps", Rule.METHOD_DEVELOPER,
                form("step", "akut-manniskohandel/riskbedomning-hemland"),
                "links the demo article to the step it is already linked to: nothing changes");
        // -- statistics ------------------------------------------------------------------------------------------
        rule("GET /statistics", Rule.STATISTICS, "figures without names; small counts suppressed");
        rule("GET /statistics/export.xlsx", Rule.STATISTICS, "the same figures as XLSX");
        rule("GET /statistics/export.csv", Rule.STATISTICS, "the same figures as CSV");
        rule("POST /statistics/rebuild", Rule.METHOD_DEVELOPER, "rebuilds the read model from its own log: the "
                + "figures stay the same");
        rule("GET /api/v1/statistics", Rule.STATISTICS, "the same figures as JSON");

        // -- audit and administration --------------------------------------------------------------------------
        rule("GET /audit", Rule.AUDITOR);
        rule("POST /audit/verify", Rule.AUDITOR, "verifies the chain; changes nothing");
        rule("GET /audit/export.csv", Rule.AUDITOR, "the log as CSV, with case numbers and names (auditors only)");
        rule("GET /audit/reviews", Rule.AUDITOR);
        rule("GET /audit/reviews/new", Rule.AUDITOR);
        rule("POST /audit/reviews", Rule.AUDITOR, form(), "empty form: refused");
        rule("GET /api/v1/audit", Rule.AUDITOR, "the log over the API (auditors only)");
        rule("POST /audit/checkpoints", Rule.AUDITOR, "writes a checkpoint of the chain outside the database");
        rule("GET /audit/retention", Rule.AUDITOR, "the gallring rules and runs: counts and case numbers only");
        rule("GET /audit/retention/{id}", Rule.AUDITOR, "{id}: a report run made for the matrix (nothing is due)");
        rule("POST /api/v1/audit/checkpoints", Rule.AUDITOR, "writes a checkpoint of the chain outside the database");
        rule("GET /api/v1/audit/verification", Rule.AUDITOR, "verifies the chain; changes nothing");
        rule("GET /admin/accounts", Rule.ADMIN);
        rule("GET /admin/accounts/new", Rule.ADMIN);
        rule("POST /admin/accounts", Rule.ADMIN, form(), "empty form: refused");
        rule("GET /admin/accounts/{id}", Rule.ADMIN, "{id}: jour2's account");
        rule("POST /admin/accounts/{id}", Rule.ADMIN, form(), "empty form: refused");
        rule("POST /admin/accounts/{id}/unlock", Rule.ADMIN, "jour2 is not locked: no change");
        rule("POST /admin/accounts/{id}/revoke-tokens", Rule.ADMIN, "jour2's tokens");
        rule("DELETE /api/v1/admin/accounts/{username}/tokens", Rule.ADMIN, "jour2's tokens");
        rule("POST /admin/accounts/{id}/sign-out-everywhere", Rule.ADMIN,
                "jour2 (not a probing user): sessions and tokens end");
        rule("DELETE /api/v1/admin/accounts/{username}/sessions", Rule.ADMIN,
                "jour2 (not a probing user): sessions and tokens end");
        rule("POST /api/v1/admin/accounts", Rule.ADMIN, json("{}"), "empty request: refused by validation");
        rule("PATCH /api/v1/admin/accounts/{username}", Rule.ADMIN, json("{}"),
                "jour2, nothing asked to change: no change");
        rule("GET /admin/units", Rule.ADMIN);
        rule("GET /admin/units/new", Rule.ADMIN);
        rule("POST /admin/units", Rule.ADMIN, form(), "empty form: refused");
        rule("GET /admin/units/{code}", Rule.ADMIN);
        rule("POST /admin/units/{code}", Rule.ADMIN, form(), "empty form: refused");
        rule("POST /admin/units/{code}/meetings", Rule.ADMIN, form(), "no date: refused");
        rule("POST /admin/units/{code}/meetings/{meetingId}/delete", Rule.ADMIN,
                "removes Södermalm's last meeting date (only the administrator gets that far)");

        // -- case reviews ----------------------------------------------------------------------------------------
        rule("GET /reviews", Rule.REVIEW_LIST, query("q=Matris"), "searched by name");
        rule("GET /reviews/new", Rule.METHOD_DEVELOPER);
        rule("POST /reviews/new", Rule.METHOD_DEVELOPER, form("name", ""), "no name, no dates: refused");
        rule("GET /reviews/{id}", Rule.REVIEW_READ, "{id}: a started review of OWN with the method developer as "
                + "its reviewer; only a reviewer sees its cases");
        rule("GET /reviews/{id}/edit", Rule.METHOD_DEVELOPER);
        rule("POST /reviews/{id}/edit", Rule.METHOD_DEVELOPER, form("name", ""), "started: refused");
        rule("POST /reviews/{id}/questions", Rule.METHOD_DEVELOPER, form("area", "", "text", ""),
                "started, and empty: refused");
        rule("POST /reviews/{id}/questions/{questionId}", Rule.METHOD_DEVELOPER, form("area", "", "text", ""),
                "started: refused");
        rule("POST /reviews/{id}/questions/{questionId}/remove", Rule.METHOD_DEVELOPER, "started: refused");
        rule("POST /reviews/{id}/start", Rule.METHOD_DEVELOPER, "already started: refused");
        rule("GET /reviews/{id}/results", Rule.REVIEW_READ);
        rule("POST /reviews/{id}/findings", Rule.METHOD_DEVELOPER, form("area", "", "text", ""), "empty: refused");
        rule("GET /reviews/{id}/cases/{caseId}", Rule.REVIEW_CASE, "the review grant (pseudonymised)");
        rule("POST /reviews/{id}/cases/{caseId}/answers", Rule.REVIEW_CASE, form("questionId", "", "value", ""),
                "no question: refused");
        rule("POST /reviews/{id}/cases/{caseId}/confirm", Rule.REVIEW_CASE,
                "confirms the pre-filled answers of the review's case (the case itself does not change)");
        rule("POST /reviews/{id}/cases/{caseId}/identity", Rule.REVIEW_CASE, form("reason", ""),
                "no reason: refused, nothing revealed");

        // -- last: discarding the draft the routine probes worked on --------------------------------------------
        rule("POST /routines/{key}/draft/discard", Rule.METHOD_DEVELOPER, "last: discards the probes' draft");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The running application
    // ------------------------------------------------------------------------------------------------------------

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    se.lotsen.grants.Grants grants;

    @Autowired
    se.lotsen.retention.RetentionJob retentionJob;

    @Autowired
    se.lotsen.grants.GrantReports grantReports;

    private final Map<User, Agent> agents = new EnumMap<>(User.class);
    private final Map<Scenario, CaseData> cases = new EnumMap<>(Scenario.class);
    private final List<String> setupFindings = new ArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String address = "Hemliggatan " + (1000 + (int) (Math.random() * 8000)) + ", 113 99 Stockholm";
    private final String shelter = "Matris skyddsboende " + suffix;
    private final String placementNote = "Placeringsdetalj " + suffix;
    private UUID jour2;
    private UUID policePartner;
    private UUID routineVersion;
    private UUID meeting;
    private UUID review;
    private UUID reviewQuestion;
    private UUID demoEvent;
    private UUID demoMaterial;
    private UUID demoArticle;
    /** The matrix's own grant, with a deliverable, a payment and a drafted final report. */
    private UUID grant;
    private UUID retentionRun;
    private UUID grantDeliverable;
    private UUID grantPayment;
    private final Map<User, UUID> registerPerson = new EnumMap<>(User.class);
    /** How often a secret was seen by someone who may see it: proof that the leak checks look at real answers. */
    private final Map<String, Integer> seen = new LinkedHashMap<>();

    @BeforeAll
    void signInAndCreateScenarios() {
        for (User u : User.values()) {
            Agent a = new Agent(port, u.username);
            if (u.signedIn()) {
                a.signIn(DEMO_PASSWORD);
                a.bearer = issueToken(a, u.username);
                JsonNode me = LotsenHttp.json(a.api("GET", "/api/v1/me", null).text());
                assertThat(me.get("roles").values().stream().map(JsonNode::asString).toList())
                        .as("roles of %s", u.username).containsExactly(u.role.name());
                JsonNode unit = me.get("unit");
                assertThat(unit == null || unit.isNull() ? null : unit.get("code").asString())
                        .as("unit of %s", u.username).isEqualTo(u.unit);
            } else {
                a.anonymousSession();
            }
            agents.put(u, a);
        }
        createShelter();
        createScenarios();
        createGrant();
        // A gallring run in report mode (the default) under today's rules: nothing here is five years old.
        retentionRun = retentionJob.runOnce().orElseThrow().id();
        jour2 = jdbc.sql("SELECT id FROM account WHERE username = 'jour2'").query(UUID.class).single();
        policePartner = jdbc.sql("SELECT id FROM partner WHERE name = :n").param("n", POLICE).query(UUID.class).single();
        routineVersion = jdbc.sql("""
                        SELECT v.id FROM routine_version v JOIN routine r ON r.id = v.routine_id
                        WHERE r.key = :k AND v.status = 'PUBLISHED' ORDER BY v.number DESC LIMIT 1""")
                .param("k", ROUTINE).query(UUID.class).single();
        meeting = jdbc.sql("""
                        SELECT m.id FROM committee_meeting m JOIN committee c ON c.id = m.committee_id
                        JOIN unit u ON u.id = c.unit_id WHERE u.code = 'sodermalm'
                        ORDER BY m.meeting_date DESC LIMIT 1""")
                .query(UUID.class).single();
        createReview();
        demoMaterial = jdbc.sql("SELECT id FROM knowledge_material ORDER BY uploaded_at LIMIT 1").query(UUID.class)
                .single();
        demoEvent = jdbc.sql("SELECT event_id FROM knowledge_material WHERE id = :id").param("id", demoMaterial)
                .query(UUID.class).single();
        demoArticle = jdbc.sql("SELECT id FROM knowledge_article WHERE title = 'Hemlandsutredning i de nordiska länderna'")
                .query(UUID.class).single();
        for (User u : User.values()) {
            Scenario inRegister = u.unit == null ? null : switch (u.unit) {
                case "socialjouren" -> Scenario.OWN;
                case "rinkeby-kista" -> Scenario.HANDED_OVER;
                case "sodermalm" -> Scenario.OTHER_UNIT;
                default -> null;
            };
            registerPerson.put(u, inRegister == null ? UUID.randomUUID() : jdbc.sql(
                            "SELECT person_id FROM case_file WHERE id = :id").param("id", cases.get(inRegister).id())
                    .query(UUID.class).single());
        }
    }

    private static String issueToken(Agent a, String username) {
        Resp r = a.api("POST", "/api/v1/auth/token", LotsenHttp.toJson(Map.of("username", username,
                "password", DEMO_PASSWORD)), null);
        assertThat(r.status()).as("token for %s: %s", username, r.text()).isEqualTo(200);
        return LotsenHttp.json(r.text()).get("token").asString();
    }

    /** A grant of the matrix's own (the demo grant stays as it is), its report drafted. */
    private void createGrant() {
        java.time.LocalDate today = java.time.LocalDate.now(SWEDEN);
        se.lotsen.grants.Grant g = grants.create(new se.lotsen.grants.Grants.GrantForm("Matris bidragsgivare " + suffix,
                null, 100_000L, today.minusMonths(6), today.plusMonths(6), "Fiktivt bidrag för behörighetsmatrisen.",
                null, today.plusMonths(7), se.lotsen.grants.Grant.HeldBackKind.PERCENT, 20L), "Matris");
        grant = g.id();
        grantDeliverable = grants.addDeliverable(grant, new se.lotsen.grants.Grants.DeliverableForm(
                se.lotsen.grants.Deliverable.Kind.OTHER, "Matrisinsats", se.lotsen.grants.Deliverable.Status.PLANNED,
                null), "Matris").id();
        grantPayment = grants.addPayment(grant, new se.lotsen.grants.Grants.PaymentForm(today.minusMonths(1), 10_000L,
                null), "Matris").id();
        grantReports.draft(grant, "Matris");
    }

    /** A shelter of its own for the placement, added to the partner directory by the administrator. */
    private void createShelter() {
        Agent admin = agents.get(User.ADMIN);
        Resp r = admin.postPageForm("/partners/new", Map.of("name", shelter, "kind", "SHELTER", "country", "SE",
                "phone", "(demo) 08-000 00 99", "email", "", "notes", "Fiktivt boende för behörighetsmatrisen.",
                "hours", "ALWAYS", "opens", "", "closes", "", "active", "true"));
        assertThat(r.status()).as("shelter: %s", MatrixFixtures.excerpt(r, 400)).isEqualTo(302);
    }

    /** A started case review of OWN only, with the method developer as its one reviewer. */
    private void createReview() {
        se.lotsen.review.ReviewFixture.Ids ids = se.lotsen.review.ReviewFixture.startedReview(jdbc,
                cases.get(Scenario.OWN).id(), "metod");
        review = ids.review();
        reviewQuestion = ids.question();
    }

    private void createScenarios() {
        Agent jour1 = agents.get(User.JOUR1);
        Agent sodermalm1 = agents.get(User.SODERMALM1);
        cases.put(Scenario.OWN, scenario(jour1, "Matris Egen " + suffix, false, "rinkeby-kista"));
        cases.put(Scenario.PROTECTED, scenario(jour1, "Matris Skyddad " + suffix, true, "rinkeby-kista"));
        cases.put(Scenario.HANDED_OVER, scenario(jour1, "Matris Overlamnad " + suffix, false, "rinkeby-kista"));
        Resp handover = jour1.api("POST", "/api/v1/cases/" + cases.get(Scenario.HANDED_OVER).id() + "/handover",
                "{\"toUnit\":\"rinkeby-kista\",\"reason\":\"Folkbokförd i Rinkeby-Kista.\"}");
        assertThat(handover.status()).as("handover: %s", handover.text()).isEqualTo(201);
        cases.put(Scenario.OTHER_UNIT, scenario(sodermalm1, "Matris Annan " + suffix, false, "sodermalm"));

        // The scenarios are what they should be before the matrix runs.
        assertThat(agents.get(User.RINKEBY1).api("GET", "/api/v1/cases/" + cases.get(Scenario.HANDED_OVER).id(),
                null).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT u.code FROM case_file c JOIN unit u ON u.id = c.unit_id WHERE c.id = :id")
                .param("id", cases.get(Scenario.HANDED_OVER).id()).query(String.class).single())
                .isEqualTo("rinkeby-kista");
    }

    /** Opens a child's case through the API, records a custody decision, a police contact and a question. */
    private CaseData scenario(Agent by, String name, boolean protectedIdentity, String committee) {
        OffsetDateTime now = OffsetDateTime.now(SWEDEN).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("nationality", "RO");
        subject.put("statedAge", 15);
        if (protectedIdentity) {
            subject.put("protectedIdentity", "SKYDDAD_FOLKBOKFORING");
            subject.put("address", address);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", now.minusHours(4).toString());
        body.put("channel", "POLICE_OTHER");
        body.put("summary", "Påträffad av polisen vid en kontroll (fiktivt matrisärende).");
        Resp opened = by.api("POST", "/api/v1/cases", LotsenHttp.toJson(body));
        assertThat(opened.status()).as("open %s: %s", name, opened.text()).isEqualTo(201);
        if (protectedIdentity) {
            setupLeak("POST /api/v1/cases (opening PROTECTED)", by.username, opened, address, "address");
        }
        JsonNode c = LotsenHttp.json(opened.text());
        UUID id = UUID.fromString(c.get("id").asString());
        String number = c.get("caseNumber").asString();

        String decision = """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"%s",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering; rättens beslut kan inte avvaktas."}"""
                .formatted(now.minusHours(3), now.minusHours(2), committee);
        Resp d = by.api("POST", "/api/v1/cases/" + id + "/decisions", decision);
        assertThat(d.status()).as("decision on %s: %s", name, d.text()).isEqualTo(201);
        JsonNode dj = LotsenHttp.json(d.text());
        UUID decisionId = UUID.fromString(dj.get("id").asString());
        assertThat(dj.get("deadlines").values()).as("deadlines of the decision on %s", name).isNotEmpty();
        UUID deadlineId = UUID.fromString(dj.get("deadlines").values().iterator().next().get("id").asString());

        UUID contactId = contact(by, id, Map.of("type", "POLICE", "partner", POLICE,
                "at", now.minusHours(1).toString(), "channel", "PHONE",
                "summary", "Anmälan gjord, förhör planeras (fiktivt).",
                "fields", Map.of("reportMade", "YES", "reportNumber", "5000-K999999-26")), null);
        if (protectedIdentity) {
            // The placement is the contact the protected scenario's {contactId} stands for.
            contactId = contact(by, id, Map.of("type", "PLACEMENT", "partner", shelter,
                    "at", now.minusMinutes(30).toString(), "channel", "PHONE", "summary", placementNote,
                    "placement", true), "PLACEMENT on PROTECTED");
        }
        Resp q = by.api("POST", "/api/v1/cases/" + id + "/questions",
                "{\"text\":\"Matrisfråga: vilken tolk ska vi beställa?\",\"urgent\":false}");
        assertThat(q.status()).as("question on %s: %s", name, q.text()).isEqualTo(201);
        UUID questionId = UUID.fromString(LotsenHttp.json(q.text()).get("id").asString());
        return new CaseData(id, number, name, decisionId, deadlineId, contactId, questionId);
    }

    private UUID contact(Agent by, UUID caseId, Map<String, Object> body, String checkLeak) {
        Resp r = by.api("POST", "/api/v1/cases/" + caseId + "/contacts", LotsenHttp.toJson(body));
        assertThat(r.status()).as("contact: %s", r.text()).isEqualTo(201);
        if (checkLeak != null) {
            setupLeak("POST /api/v1/cases/{id}/contacts (" + checkLeak + ")", by.username, r, shelter,
                    "placement partner");
            setupLeak("POST /api/v1/cases/{id}/contacts (" + checkLeak + ")", by.username, r, placementNote,
                    "placement summary");
        }
        return UUID.fromString(LotsenHttp.json(r.text()).get("id").asString());
    }

    private void setupLeak(String what, String user, Resp r, String secret, String kind) {
        if (!"jourchef".equals(user) && r.readable().contains(secret)) {
            setupFindings.add("LEAK in setup: " + what + " as " + user + " answered the " + kind + " (\"" + secret
                    + "\"): " + MatrixFixtures.excerpt(r, 300));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Discovery
    // ------------------------------------------------------------------------------------------------------------

    /** Every handler of Lotsen's own controllers, as "METHOD pattern". */
    private Set<String> discoveredKeys() {
        Set<String> keys = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("se.lotsen.")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> verbs = methods.isEmpty() ? Set.of("GET")
                    : methods.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (String verb : verbs) {
                    keys.add(verb + " " + pattern);
                }
            }
        });
        return keys;
    }

    @Test
    @Order(1)
    void everyHandlerHasADecisionAndEveryDecisionAHandler() {
        Set<String> discovered = discoveredKeys();
        assertThat(discovered).as("the discovery is not vacuous").hasSizeGreaterThan(100)
                .contains("GET /cases/{id}", "POST /api/v1/cases/{id}/close", "GET /login");
        Set<String> withoutRule = new TreeSet<>(discovered);
        withoutRule.removeAll(TABLE.keySet());
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(discovered);
        assertThat(withoutRule).as("handlers without a decision in AuthorisationMatrixIT.TABLE (decide who may use "
                + "them and add a rule)").isEmpty();
        assertThat(stale).as("rules in AuthorisationMatrixIT.TABLE that match no handler (stale)").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The matrix
    // ------------------------------------------------------------------------------------------------------------

    /** One asked question and its answer. */
    record Row(String key, Scenario scenario, User user, Outcome expected, Outcome actual, int status, String note) {
        boolean ok() {
            return expected == actual;
        }
    }

    @Test
    @Order(2)
    void everyHandlerAnswersEveryUserAboutEveryCaseAsThePolicySays() throws IOException {
        long started = System.nanoTime();
        Set<String> discovered = discoveredKeys();
        List<Row> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>(setupFindings);
        List<String> leaks = new ArrayList<>();

        List<String> order = new ArrayList<>();
        TABLE.keySet().stream().filter(discovered::contains).forEach(order::add);
        for (String key : discovered) {
            if (!TABLE.containsKey(key)) {
                failures.add(key + ": no rule in the table (see everyHandlerHasADecisionAndEveryDecisionAHandler)");
            }
        }

        for (String key : order) {
            Decision decision = TABLE.get(key);
            List<Scenario> scenarios = decision.rule().perCase ? List.of(Scenario.values())
                    : java.util.Collections.singletonList(null);
            for (Scenario s : scenarios) {
                // Those who are refused first, those who get through last: a probe that does change something
                // (acknowledging a receipt, removing a meeting) then comes after everyone else's.
                List<User> users = new ArrayList<>(List.of(User.values()));
                users.sort(Comparator.comparing((User u) -> expected(decision.rule(), u, s) == Outcome.ALLOW));
                for (User u : users) {
                    Outcome want = expected(decision.rule(), u, s);
                    Resp r;
                    String path = null;
                    try {
                        path = path(key, decision.probe(), s, u);
                        r = send(key, path, decision.probe(), s, u);
                    } catch (RuntimeException e) {
                        rows.add(new Row(key, s, u, want, Outcome.UNEXPECTED, -1, e.toString()));
                        failures.add(describe(key, s, u) + ": the probe could not be sent: " + e);
                        continue;
                    }
                    Outcome got = classify(r);
                    String note = got == want ? "" : MatrixFixtures.excerpt(r, 400);
                    rows.add(new Row(key, s, u, want, got, r.status(), note));
                    if (got != want) {
                        failures.add(describe(key, s, u) + " " + path + ": expected " + want + ", got " + got + " ("
                                + r.status() + (r.location() == null ? "" : " → " + r.location()) + "): " + note);
                    }
                    try {
                        leaks.addAll(leaks(key, s, u, r));
                    } catch (RuntimeException e) {
                        failures.add(describe(key, s, u) + ": the answer could not be read for the leak checks: " + e);
                    }
                }
            }
        }
        failures.addAll(leaks);
        failures.addAll(scenariosUnchanged());
        for (String secret : List.of("protected address by jourchef", "placement note by jourchef",
                "placement shelter by jourchef", "a case number in a PDF, by a reader")) {
            if (!seen.containsKey(secret)) {
                failures.add("the leak checks are vacuous: nobody allowed ever saw the " + secret);
            }
        }
        for (Scenario s : Scenario.values()) {
            for (String what : List.of("case number of " + s + " by a reader", "person's name of " + s + " by a reader")) {
                if (!seen.containsKey(what)) {
                    failures.add("the leak checks are vacuous: no reader ever saw the " + what);
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        writeMatrix(rows, failures, order.size(), seconds);
        assertThat(failures).as("authorisation matrix: %d requests over %d handler keys; every contradiction of the "
                + "policy (full matrix in %s)", rows.size(), order.size(), MATRIX_FILE.toAbsolutePath()).isEmpty();
    }

    /** The probes left every case what it was: same holder and status, custody in force, nothing handed on. */
    private List<String> scenariosUnchanged() {
        List<String> changed = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            CaseData c = cases.get(s);
            Map<String, Object> now = jdbc.sql("""
                            SELECT u.code AS unit, c.status, p.name, p.protected_identity, p.address,
                                   (SELECT count(*) FROM decision d WHERE d.case_id = c.id) AS decisions,
                                   (SELECT count(*) FROM decision d WHERE d.case_id = c.id AND d.ended_at IS NULL)
                                       AS active_decisions,
                                   (SELECT count(*) FROM handover h WHERE h.case_id = c.id) AS handovers
                            FROM case_file c JOIN unit u ON u.id = c.unit_id JOIN person p ON p.id = c.person_id
                            WHERE c.id = :id""").param("id", c.id()).query().singleRow();
            Map<String, Object> want = new LinkedHashMap<>();
            want.put("unit", s.holder);
            want.put("status", s == Scenario.HANDED_OVER ? "HANDED_OVER" : "OPEN");
            want.put("name", c.personName());
            want.put("protected_identity", s == Scenario.PROTECTED ? "SKYDDAD_FOLKBOKFORING" : "NONE");
            want.put("address", s == Scenario.PROTECTED ? address : null);
            want.put("decisions", 1L);
            want.put("active_decisions", 1L);
            want.put("handovers", s == Scenario.HANDED_OVER ? 1L : 0L);
            want.forEach((k, v) -> {
                Object actual = now.get(k) instanceof Number n ? (Object) n.longValue() : now.get(k);
                if (v == null ? actual != null && !actual.toString().isBlank() : !v.equals(actual)) {
                    changed.add("the probes changed " + s + ": " + k + " is " + actual + ", was " + v);
                }
            });
        }
        return changed;
    }

    private static String describe(String key, Scenario s, User u) {
        return key + (s == null ? "" : " [" + s + "]") + " as " + u.label();
    }

    static Outcome classify(Resp r) {
        return switch (r.status()) {
            case 200, 201, 204, 400, 409 -> Outcome.ALLOW;
            case 301, 302, 303, 307 -> r.location() != null && "/login".equals(URI.create(r.location()).getPath())
                    ? Outcome.LOGIN : Outcome.ALLOW;
            case 401 -> Outcome.LOGIN;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            default -> Outcome.UNEXPECTED;
        };
    }

    private String path(String key, Probe probe, Scenario s, User u) {
        String pattern = key.substring(key.indexOf(' ') + 1);
        String path = fill(pattern, pattern, s, u);
        if (probe.query() != null) {
            path += "?" + fill(probe.query(), pattern, s, u);
        }
        return path;
    }

    private Resp send(String key, String path, Probe probe, Scenario s, User u) {
        String method = key.substring(0, key.indexOf(' '));
        String pattern = key.substring(key.indexOf(' ') + 1);
        Agent a = agents.get(u);
        if (pattern.startsWith("/api/")) {
            String token = a.bearer;
            if (probe.freshToken() && u.signedIn()) {
                token = issueToken(a, u.username);
            }
            String body = probe.json() == null ? null : fill(probe.json(), pattern, s, u);
            return a.api(method, path, body, token);
        }
        return switch (method) {
            case "GET" -> a.get(path);
            case "POST" -> {
                Map<String, String> form = new LinkedHashMap<>();
                probe.form().forEach((k, v) -> form.put(k, fill(v, pattern, s, u)));
                yield a.postPageForm(path, form);
            }
            default -> throw new IllegalStateException("no page probe for " + key);
        };
    }

    /** Fills the placeholders of a path, query, form value or body for a scenario and a user. */
    private String fill(String template, String pattern, Scenario s, User u) {
        return MatrixRoutes.fill(template, name -> value(name, pattern, s, u));
    }

    private String value(String name, String pattern, Scenario s, User u) {
        CaseData c = s == null ? null : cases.get(s);
        String v = switch (name) {
            case "id" -> idFor(pattern, c);
            case "caseId" -> c == null ? null : c.id().toString();
            case "decisionId" -> c == null ? null : c.decisionId().toString();
            case "deadlineId" -> c == null ? null : c.deadlineId().toString();
            case "contactId" -> c == null ? null : c.contactId().toString();
            case "key" -> pattern.startsWith("/routines/") ? ROUTINE : pattern.startsWith("/grants/") ? "summary"
                    : CASE_STEP;
            case "deliverableId" -> grantDeliverable.toString();
            case "paymentId" -> grantPayment.toString();
            case "stepKey" -> ROUTINE_STEP;
            case "account" -> jour2.toString();
            case "code" -> "sodermalm";
            case "meetingId" -> meeting.toString();
            case "materialId" -> demoMaterial.toString();
            case "number" -> "1";
            case "username" -> "jour2";
            case "personId" -> registerPerson.get(u).toString();
            case "self" -> u.signedIn() ? u.username : "jour2";
            case "questionId" -> reviewQuestion.toString();
            default -> null;
        };
        if (v == null) {
            throw new IllegalStateException("no value for {" + name + "} in " + pattern + " (scenario " + s + ")");
        }
        return v;
    }

    private String idFor(String pattern, CaseData c) {
        if (pattern.startsWith("/cases/{id}") || pattern.startsWith("/api/v1/cases/{id}")
                || pattern.startsWith("/questions/{id}")) {
            if (c == null) {
                return null;
            }
            return pattern.startsWith("/questions/") ? c.questionId().toString() : c.id().toString();
        }
        if (pattern.startsWith("/reviews/{id}")) {
            return review.toString();
        }
        if (pattern.startsWith("/admin/accounts/{id}")) {
            return jour2.toString();
        }
        if (pattern.startsWith("/partners/{id}")) {
            return policePartner.toString();
        }
        if (pattern.startsWith("/grants/{id}")) {
            return grant.toString();
        }
        if (pattern.startsWith("/routines/versions/{id}")) {
            return routineVersion.toString();
        }
        if (pattern.startsWith("/knowledge/events/{id}")) {
            return demoEvent.toString();
        }
        if (pattern.startsWith("/knowledge/articles/{id}")) {
            return demoArticle.toString();
        }
        if (pattern.startsWith("/audit/retention/{id}")) {
            return retentionRun.toString();
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Leak checks
    // ------------------------------------------------------------------------------------------------------------

    /**
     * What an answer must not hold. For a user who may not read a scenario's case: its case number and its person's
     * name, whatever the status. For everyone but the duty lead of Socialjouren (the only user who may see the
     * protected data of PROTECTED): its address, the shelter it was placed at, and the placement's note.
     *
     * <p>Two readings of the policy, both from the design ({@code CaseRight}): the method developer may see the case
     * number (never the name) of a case a question was asked about, on the consultation pages and in their
     * notifications ({@code CaseRight.CONSULTATION}: "the case's number and unit when answering a question"); and the
     * shelter's name in the partner directory, or among the options of a form's partner list, says nothing about
     * where anyone is placed.
     */
    private List<String> leaks(String key, Scenario probed, User u, Resp r) {
        List<String> found = new ArrayList<>();
        String text = flat(r.readable());
        String pattern = key.substring(key.indexOf(' ') + 1);
        boolean consultation = u.role == Role.METHOD_DEVELOPER && (pattern.startsWith("/questions")
                || pattern.startsWith("/notifications") || pattern.startsWith("/api/v1/notifications"));
        // Log review: the auditor sees what each entry is about (case number, person), never the protected data.
        boolean logReview = u.role == Role.AUDITOR && (pattern.startsWith("/audit")
                || pattern.startsWith("/api/v1/audit"));
        // Case reviews: the reviewer (the method developer) sees the reviewed case's number, never the person's name.
        boolean reviewing = u.role == Role.METHOD_DEVELOPER && pattern.startsWith("/reviews");
        for (Scenario s : Scenario.values()) {
            CaseData c = cases.get(s);
            if (s.mayRead(u)) {
                if (text.contains(c.number())) {
                    seen.merge("case number of " + s + " by a reader", 1, Integer::sum);
                    if (r.pdf()) {
                        seen.merge("a case number in a PDF, by a reader", 1, Integer::sum);
                    }
                }
                if (text.contains(flat(c.personName()))) {
                    seen.merge("person's name of " + s + " by a reader", 1, Integer::sum);
                }
                continue;
            }
            if (logReview) {
                if (text.contains(c.number())) {
                    seen.merge("a case number in the log, by the auditor", 1, Integer::sum);
                }
                continue;
            }
            if (reviewing && s == Scenario.OWN && text.contains(c.number())) {
                seen.merge("the reviewed case's number, by its reviewer", 1, Integer::sum);
            }
            if (text.contains(c.number()) && !consultation && !(reviewing && s == Scenario.OWN)) {
                found.add(leak(key, probed, u, r, "the case number of " + s + " (" + c.number() + ")"));
            }
            if (text.contains(flat(c.personName()))) {
                found.add(leak(key, probed, u, r, "the person's name of " + s + " (" + c.personName() + ")"));
            }
        }
        if (u == User.JOURCHEF) {
            if (text.contains(flat(address))) {
                seen.merge("protected address by jourchef", 1, Integer::sum);
            }
            if (text.contains(flat(placementNote))) {
                seen.merge("placement note by jourchef", 1, Integer::sum);
            }
            if (!pattern.startsWith("/partners") && flat(r.readableWithoutOptions()).contains(flat(shelter))) {
                seen.merge("placement shelter by jourchef", 1, Integer::sum);
            }
        } else {
            if (text.contains(flat(address))) {
                found.add(leak(key, probed, u, r, "the protected address of PROTECTED (" + address + ")"));
            }
            if (text.contains(flat(placementNote))) {
                found.add(leak(key, probed, u, r, "the placement note of PROTECTED (" + placementNote + ")"));
            }
            if (!pattern.startsWith("/partners") && flat(r.readableWithoutOptions()).contains(flat(shelter))) {
                found.add(leak(key, probed, u, r, "the shelter PROTECTED is placed at (" + shelter + ")"));
            }
        }
        return found;
    }

    private static String leak(String key, Scenario probed, User u, Resp r, String what) {
        return "LEAK " + describe(key, probed, u) + " (" + r.status() + "): the answer holds " + what;
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The report
    // ------------------------------------------------------------------------------------------------------------

    private void writeMatrix(List<Row> rows, List<String> failures, int handlers, long seconds) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Lotsen authorisation matrix\n");
        out.append("===========================\n\n");
        out.append(String.format("%d handler keys, %d requests, %d s; %d contradictions of the policy%n%n", handlers,
                rows.size(), seconds, failures.size()));
        out.append("Scenarios:\n");
        for (Scenario s : Scenario.values()) {
            CaseData c = cases.get(s);
            out.append(String.format("  %-12s %s  %s  held by %s%s%n", s, c.number(), c.id(), s.holder,
                    s.followUp == null ? "" : ", follow-up read by " + s.followUp));
        }
        out.append("\nWhat the allowed saw (the leak checks look at real answers):\n");
        seen.forEach((k, v) -> out.append(String.format("  %-55s %d answers%n", k, v)));
        out.append("\nRules (handler key → rule; why):\n");
        TABLE.forEach((k, d) -> out.append(String.format("  %-62s %-17s %s%n", k, d.rule(), d.why())));
        out.append("\nOutcomes: ALLOW = 200/201/204, 400/409, or a redirect to a page other than /login; FORBIDDEN = "
                + "403; NOT_FOUND = 404; LOGIN = redirect to /login or 401.\n");
        out.append("\nMatrix (handler, scenario, user: expected / actual (status)):\n");
        String last = null;
        for (Row row : rows) {
            String head = row.key() + (row.scenario() == null ? "" : "  [" + row.scenario() + "]");
            if (!head.equals(last)) {
                out.append("\n").append(head).append("   (").append(TABLE.get(row.key()).rule()).append(")\n");
                last = head;
            }
            out.append(String.format("    %-13s %-9s / %-10s (%3d) %s%n", row.user().label(), row.expected(),
                    row.actual(), row.status(), row.ok() ? "" : "  <-- MISMATCH: " + row.note()));
        }
        out.append("\nContradictions of the policy (").append(failures.size()).append("):\n");
        Set<String> unique = new LinkedHashSet<>(failures);
        unique.forEach(f -> out.append("  - ").append(f).append("\n"));
        Files.createDirectories(MATRIX_FILE.getParent());
        try {
            Files.writeString(MATRIX_FILE, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
