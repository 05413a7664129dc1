package se.lotsen.decisions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lotsen.access.Account;
import se.lotsen.access.Accounts;
import se.lotsen.access.ApiTokens;
import se.lotsen.access.CurrentUser;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.cases.CaseAccess;
import se.lotsen.cases.CaseId;
import se.lotsen.cases.Cases;
import se.lotsen.cases.ExploitationForm;
import se.lotsen.cases.Intake;
import se.lotsen.cases.IntakeChannel;
import se.lotsen.cases.SubjectType;
import se.lotsen.common.Paging;
import se.lotsen.persons.IdentityKind;
import se.lotsen.persons.PersonDetails;
import se.lotsen.persons.ProtectedIdentity;
import se.lotsen.persons.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The deadline board is paged and ordered in SQL and searchable by case number: 30 open deadlines of one case (put in
 * directly, with passed, coming and missing last days) fill more than one page; the pages together hold each once,
 * urgent first and then by last day; the urgent count covers all pages; a search narrows to the case; another unit
 * never sees them; odd input over HTTP still answers with the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineBoardIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern BOARD_ROW = Pattern.compile("<tr\\b([^>]*)>(.*?)</tr>", Pattern.DOTALL);
    private static final int INSERTED = 30;

    @LocalServerPort
    int port;

    @Autowired
    Cases cases;

    @Autowired
    CaseAccess access;

    @Autowired
    Deadlines deadlines;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final List<UUID> inserted = new ArrayList<>();

    @AfterEach
    void closeInserted() {
        // The shared database keeps them: closed, they leave the other tests' boards as they were.
        if (!inserted.isEmpty()) {
            jdbc.sql("UPDATE deadline SET status = 'CLOSED', closed_reason = 'test' WHERE id IN (:ids)")
                    .param("ids", inserted).update();
        }
    }

    @Test
    void theBoardIsPagedInTheBoardsOrderSearchableAndScoped() {
        CurrentUser jour1 = user("jour1");
        CaseId caseId = openChild(jour1);
        String caseNumber = cases.view(access.read(caseId, jour1)).caseNumber();
        Deadlines.Board before = board(jour1, caseNumber, 0);
        long urgentBefore = before.urgent();
        long totalBefore = before.rows().total();

        // 30 open deadlines of the case: from 12 days ago to 16 days ahead, every tenth without a date; some extended,
        // some with an extension requested (never urgent); one met and one beyond the window, neither listed.
        LocalDate today = LocalDate.now(clock.withZone(SWEDEN));
        Map<String, UUID> rules = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (kind) kind, id FROM deadline_rule ORDER BY kind, valid_from DESC")
                .query((rs, n) -> rules.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
        List<DeadlineKind> kinds = java.util.Arrays.stream(DeadlineKind.values())
                .filter(k -> rules.containsKey(k.name())).toList();
        int urgentInserted = 0;
        for (int i = 0; i < INSERTED; i++) {
            LocalDate due = i % 10 == 9 ? null : today.minusDays(12).plusDays(i);
            String status = i % 7 == 0 ? "EXTENSION_REQUESTED" : i % 3 == 0 ? "EXTENDED" : "PENDING";
            if (due != null && due.isBefore(today) && !"EXTENSION_REQUESTED".equals(status)) {
                urgentInserted++;
            }
            inserted.add(insert(caseId, kinds.get(i % kinds.size()), rules, due, status));
        }
        UUID met = insert(caseId, kinds.get(0), rules, today.minusDays(1), "MET");
        UUID far = insert(caseId, kinds.get(0), rules, today.plusDays(45), "PENDING");
        inserted.add(far);
        assertThat(urgentInserted).as("the data has urgent deadlines").isGreaterThan(5);

        Deadlines.Board first = board(jour1, caseNumber, 0);
        Deadlines.Board second = board(jour1, caseNumber, 1);
        long total = totalBefore + INSERTED;
        assertThat(first.rows().total()).isEqualTo(total);
        assertThat(first.rows().items()).hasSize(25);
        assertThat(second.rows().items()).hasSize((int) total - 25);
        assertThat(first.urgent()).as("urgent over all pages").isEqualTo(urgentBefore + urgentInserted)
                .isEqualTo(second.urgent());
        List<Deadlines.BoardRow> rows = new ArrayList<>(first.rows().items());
        rows.addAll(second.rows().items());
        List<UUID> ids = rows.stream().map(r -> r.deadline().id()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsAll(inserted.subList(0, INSERTED))
                .doesNotContain(met, far);
        Deadlines.Board past = board(jour1, caseNumber, 2);
        assertThat(past.rows().items()).isEmpty();
        assertThat(past.rows().total()).as("a page past the last still counts all").isEqualTo(total);
        assertThat(past.urgent()).isEqualTo(first.urgent());
        // The order: urgent (overdue, lapsed) first, then by last day with no date first, then by kind.
        Comparator<Deadlines.BoardRow> order = Comparator
                .comparingInt((Deadlines.BoardRow r) -> urgent(r) ? 0 : 1)
                .thenComparing(r -> r.deadline().dueDate(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> r.deadline().kind());
        assertThat(rows).isSortedAccordingTo(order);
        assertThat(rows.stream().filter(this::urgent).count()).isEqualTo(first.urgent());
        assertThat(rows).allSatisfy(r -> assertThat(r.caseNumber()).isEqualTo(caseNumber));

        // Part of the number, in lower case, finds the case; the rows found all have it.
        String part = caseNumber.substring(caseNumber.indexOf('-') + 1).toLowerCase(Locale.ROOT);
        Deadlines.Board byPart = deadlines.board(access.scope(jour1), 30, "  " + part + " ", Paging.of(0, 100));
        assertThat(byPart.rows().items()).extracting(r -> r.deadline().id()).containsAll(inserted.subList(0, INSERTED));
        assertThat(byPart.rows().items()).allSatisfy(r -> assertThat(r.caseNumber().toLowerCase(Locale.ROOT))
                .contains(part));
        assertThat(board(jour1, caseNumber + "-ingen-sådan", 0).rows().total()).isZero();
        // Control characters and LIKE's own characters are text, never an error.
        assertThat(board(jour1, "\u0000\u0007", 0).rows().total()).isEqualTo(board(jour1, "", 0).rows().total());
        assertThat(board(jour1, "%_\\", 0).rows().total()).isZero();

        // Another unit, and someone who handles no cases, never see them.
        assertThat(board(user("rinkeby1"), caseNumber, 0).rows().total()).isZero();
        assertThat(board(user("admin"), "", 0).rows().items()).isEmpty();

        // Over HTTP: 25 rows, a link to the next page that keeps the days and the search, the rest there.
        Browser browser = new LotsenHttp(port).browser();
        assertThat(browser.signIn("jour1", DEMO_PASSWORD).status()).isEqualTo(302);
        String q = URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
        String page0 = get(browser, "/deadlines?days=30&q=" + q);
        assertThat(rowsOf(page0)).hasSize(25);
        assertThat(page0).contains("href=\"/deadlines?days=30&amp;q=" + q + "&amp;page=1\"")
                .contains("Sök ärendenummer").contains("value=\"" + caseNumber + "\"")
                .contains("href=\"/deadlines?days=7&amp;q=" + q + "\"")
                .contains(first.urgent() + " tidsfrister är försenade");
        assertThat(rowsOf(get(browser, "/deadlines?days=30&q=" + q + "&page=1"))).hasSize((int) total - 25);
        assertThat(get(browser, "/deadlines?days=30&q=" + q + "-ingen"))
                .contains("Inga tidsfrister matchar sökningen.");
        for (String odd : List.of("?page=-1", "?page=abc", "?page=99999999999", "?days=x&q=%25", "?q=%20%20")) {
            assertThat(get(browser, "/deadlines" + odd)).as(odd).contains("<h1>Tidsfrister</h1>");
        }
        // A control character in a request parameter is refused by the application's one guard
        // (system.web.ControlCharacterGuard) with its 400 page, as every list's search is: never a server error.
        for (String odd : List.of("?q=%07", "?q=a%00b")) {
            LotsenHttp.Response r = browser.get("/deadlines" + odd);
            assertThat(r.status()).as(odd).isEqualTo(400);
            assertThat(r.body()).as(odd).contains("Begäran kunde inte hanteras").doesNotContain("Exception");
        }
    }

    private Deadlines.Board board(CurrentUser user, String query, int page) {
        return deadlines.board(access.scope(user), 30, query, Paging.of(page, null));
    }

    private boolean urgent(Deadlines.BoardRow r) {
        DeadlineStatus s = r.deadline().status();
        return s == DeadlineStatus.OVERDUE || s == DeadlineStatus.LAPSED;
    }

    private UUID insert(CaseId caseId, DeadlineKind kind, Map<String, UUID> rules, LocalDate due, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO deadline (id, case_id, kind, rule_id, anchor_date, nominal_date, due_date, status,
                                              extension_requested_on)
                        VALUES (:id, :c, :k, :r, :a, :due, :due, :s, :req)""")
                .param("id", id).param("c", caseId.value()).param("k", kind.name()).param("r", rules.get(kind.name()))
                .param("a", LocalDate.now(clock.withZone(SWEDEN)).minusDays(20)).param("due", due)
                .param("s", status)
                .param("req", "EXTENSION_REQUESTED".equals(status) ? LocalDate.now(clock.withZone(SWEDEN)) : null)
                .update();
        return id;
    }

    private static String get(Browser browser, String path) {
        LotsenHttp.Response r = browser.get(path);
        assertThat(r.status()).as("GET " + path + ":\n" + r.body()).isEqualTo(200);
        return r.body();
    }

    private static List<String> rowsOf(String html) {
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        List<String> rows = new ArrayList<>();
        Matcher m = BOARD_ROW.matcher(body);
        while (m.find()) {
            rows.add(m.group(2));
        }
        return rows;
    }

    private CurrentUser user(String username) {
        Account a = accounts.findByUsername(username).orElseThrow();
        return apiTokens.authenticate(apiTokens.issue(a.id()).token()).orElseThrow();
    }

    private CaseId openChild(CurrentUser user) {
        PersonDetails person = new PersonDetails(IdentityKind.UNKNOWN, "", "Tavlan " + UUID.randomUUID()
                .toString().substring(0, 8), "", null, 15, false, Sex.UNKNOWN, "RO", "", false, "", "",
                ProtectedIdentity.NONE, "");
        return cases.open(new Intake(SubjectType.CHILD, Instant.now(clock).minusSeconds(3600),
                IntakeChannel.POLICE_PL12, "Polisen", "114 14", "Ung person påträffad",
                Set.of(ExploitationForm.SEXUAL), null, null, person, null), user);
    }
}
