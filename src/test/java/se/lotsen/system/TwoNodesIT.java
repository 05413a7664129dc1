package se.lotsen.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import se.lotsen.FreePort;
import se.lotsen.access.Account;
import se.lotsen.access.AccountForm;
import se.lotsen.access.Accounts;
import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Browser;
import se.lotsen.access.LotsenHttp.Response;
import se.lotsen.access.Role;
import se.lotsen.audit.AuditLog;
import se.lotsen.organisation.MeetingForm;
import se.lotsen.organisation.Organisation;
import se.lotsen.organisation.Unit;
import se.lotsen.organisation.UnitForm;
import se.lotsen.organisation.UnitKind;
import se.lotsen.routines.RoutineVersion;
import se.lotsen.routines.Routines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Lotsen app nodes in production mode on one PostgreSQL, as behind a load balancer without sticky sessions: both
 * start at once (Flyway's lock lets one migrate), a user signed in on one continues on the other, the scheduled jobs
 * (reminders, handover escalation, audit checkpoints, event retries and gallring; every second on both nodes here) run on one node at a time and about once per interval between them, a reminder
 * and its e-mail go out once although both nodes retry the failed e-mail, both nodes append to one audit chain, and a
 * routine version published on one node is the one a case opened on the other starts with.
 */
class TwoNodesIT {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Path DIR = Path.of("target", "two-nodes");
    private static final String PASSWORD = "natt-och-dag-2026";
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Set<String> JOBS = Set.of("deadline-reminders", "handover-escalation", "audit-checkpoints",
            "event-retries", "retention");

    /** One job's run under its lock, as seen by the node's lock provider (System.nanoTime of this JVM). */
    record Run(String node, String job, long acquired, long released) {
    }

    /** Every attempt of a node to take a job's lock (taken or not). */
    record Attempt(String node, String job, boolean taken) {
    }

    private static final List<Run> RUNS = new CopyOnWriteArrayList<>();
    private static final List<Attempt> ATTEMPTS = new CopyOnWriteArrayList<>();

    private static EmbeddedPostgres postgres;
    private static GreenMail mail;
    private static int smtpPort;
    private static List<CompletableFuture<LotsenNode>> starting = List.of();
    private static LotsenNode a;
    private static LotsenNode b;
    private static JdbcClient db;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        FileSystemUtils.deleteRecursively(DIR);
        postgres = EmbeddedPostgres.builder().setDataDirectory(DIR.resolve("postgres")).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "60").start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        db = JdbcClient.create(postgres.getPostgresDatabase());
        smtpPort = FreePort.find();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Map<String, String> settings = Map.ofEntries(
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("spring.mail.port", Integer.toString(smtpPort)),
                Map.entry("lotsen.reminders.interval", "PT1S"),
                Map.entry("lotsen.reminders.initial-delay", "PT1S"),
                Map.entry("lotsen.reminders.lead-working-days", "30,0"),
                Map.entry("lotsen.handover.escalation-interval", "PT1S"),
                Map.entry("lotsen.handover.escalation-initial-delay", "PT1S"),
                Map.entry("lotsen.audit.checkpoint-interval", "PT1S"),
                Map.entry("lotsen.audit.checkpoint-initial-delay", "PT1S"),
                Map.entry("lotsen.events.retry-interval", "PT1S"),
                Map.entry("lotsen.events.retry-initial-delay", "PT1S"),
                Map.entry("lotsen.retention.enabled", "true"),
                Map.entry("lotsen.retention.interval", "PT1S"),
                Map.entry("lotsen.retention.initial-delay", "PT1S"));
        Path checkpoints = DIR.resolve("audit-checkpoints");
        // Both at once: the first takes Flyway's lock and migrates, the other waits and finds the schema migrated.
        // Node B's start waits for node A's logging set-up only (Logback's is not safe in two threads of one JVM).
        CountDownLatch aPrepared = new CountDownLatch(1);
        starting = List.of(
                CompletableFuture.supplyAsync(() -> LotsenNode.start("A", url, checkpoints, settings,
                        observingLocks("A"), aPrepared::countDown)),
                CompletableFuture.supplyAsync(() -> {
                    try {
                        aPrepared.await(3, java.util.concurrent.TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return LotsenNode.start("B", url, checkpoints, settings, observingLocks("B"));
                }));
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        a = starting.get(0).get();
        b = starting.get(1).get();

        Organisation organisation = a.bean(Organisation.class);
        organisation.createUnit(new UnitForm("nattjouren", "Nattjouren (test)", UnitKind.JOUR, true, ""));
        Unit district = organisation.createUnit(new UnitForm("norrby", "Norrby stadsdelsförvaltning (test)",
                UnitKind.DISTRICT, true, "Norrby stadsdelsnämnd, sociala delegationen"));
        for (int week = 1; week <= 8; week++) {
            organisation.addMeeting(district.id(), new MeetingForm(LocalDate.now(SWEDEN).plusWeeks(week), null));
        }
        Accounts accounts = a.bean(Accounts.class);
        account(accounts, "natt1", "Tove Nattlund", "nattjouren", Role.DUTY_WORKER);
        account(accounts, "nattchef", "Rami Chefsson", "nattjouren", Role.DUTY_LEAD);
        account(accounts, "metod", "Siv Metodsson", "nattjouren", Role.METHOD_DEVELOPER);
    }

    @AfterAll
    static void stop() throws IOException {
        for (CompletableFuture<LotsenNode> node : starting) {
            if (!node.isCompletedExceptionally()) {
                node.join().close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aUserSignedInOnOneNodeContinuesOnTheOtherAndSigningOutThereEndsItEverywhere() {
        String caseId = openChild(a.http, "Lina Exempel");
        Browser onA = a.http.browser();
        assertThat(onA.signIn("natt1", PASSWORD).status()).isEqualTo(302);
        String cookie = onA.cookie(LotsenHttp.SESSION_COOKIE);
        assertThat(cookie).as("the session cookie from node A").isNotBlank();
        Response journalPageOnA = onA.get("/cases/" + caseId + "/journal/new");
        assertThat(journalPageOnA.status()).isEqualTo(200);

        // Node B knows the session: the same cookie, a page, and a form with the CSRF token of node A's page.
        Browser onB = b.http.browser();
        onB.setCookie(LotsenHttp.SESSION_COOKIE, cookie);
        Response page = onB.get("/cases/" + caseId);
        assertThat(page.status()).as("the case page on node B").isEqualTo(200);
        assertThat(page.body()).contains("Lina Exempel");
        String text = "Samtal med gode mannen, skrivet på nod B (" + UUID.randomUUID() + ").";
        Response saved = onB.postForm("/cases/" + caseId + "/journal", Map.of(
                "_csrf", LotsenHttp.csrfToken(journalPageOnA.body()),
                "occurredAt", LocalDateTime.now(SWEDEN).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString(),
                "text", text));
        assertThat(saved.status()).as("the journal form posted on node B: %s", saved.body()).isIn(302, 303);
        assertThat(db.sql("SELECT count(*) FROM journal_entry WHERE case_id = :c AND text = :t")
                .param("c", UUID.fromString(caseId)).param("t", text).query(Long.class).single()).isEqualTo(1);
        assertThat(onA.get("/cases/" + caseId + "/journal/new").status()).isEqualTo(200);

        // Signed out on node B: node A sends the cookie's owner to sign in.
        assertThat(onB.signOut("/cases/" + caseId).status()).isEqualTo(302);
        onA.setCookie(LotsenHttp.SESSION_COOKIE, cookie);
        Response after = onA.get("/cases/" + caseId);
        assertThat(after.status()).as("node A after signing out on node B").isEqualTo(302);
        assertThat(after.location()).contains("/login");
    }

    @Test
    void wrongPasswordsOnEitherNodeCountTowardsOneLimitAndAnUnlockOnOneEndsItOnBoth() {
        Accounts accounts = a.bean(Accounts.class);
        account(accounts, "gissad", "Greta Gissad", "nattjouren", Role.DUTY_WORKER);
        // Five wrong passwords (the default limit for one account from one address), taken in turn by the two nodes:
        // each node has seen only two or three of them, and both stop the address.
        for (int i = 0; i < 5; i++) {
            LotsenNode node = i % 2 == 0 ? a : b;
            assertThat(node.http.requestToken("gissad", "fel-losenord-" + i).status()).as("wrong password %s", i)
                    .isEqualTo(401);
        }
        for (LotsenNode node : List.of(a, b)) {
            Response refused = node.http.requestToken("gissad", PASSWORD);
            assertThat(refused.status()).as("the right password on node %s after five wrong ones", node.name)
                    .isEqualTo(429);
            assertThat(refused.header("Retry-After")).isPresent();
        }
        // An administrator unlocks the account through node A: node B lets its owner in.
        Account gissad = accounts.findByUsername("gissad").orElseThrow();
        accounts.unlock(gissad.id());
        assertThat(b.http.requestToken("gissad", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void scheduledJobsRunOnOneNodeAtATimeAndAReminderAndItsEmailGoOutOnce() throws Exception {
        // The mail server is down when the reminders go out: their e-mails fail and are retried by both nodes.
        mail.stop();
        String token = a.http.token("natt1", PASSWORD);
        String caseId = openChild(b.http, "Mira Exempel");
        String caseNumber = db.sql("SELECT case_number FROM case_file WHERE id = :id")
                .param("id", UUID.fromString(caseId)).query(String.class).single();
        Response decision = b.http.postJson("/api/v1/cases/" + caseId + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"norrby",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                .formatted(hoursAgo(3), hoursAgo(2)), token);
        assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        List<UUID> deadlines = db.sql("""
                        SELECT id FROM deadline WHERE case_id = :c AND status = 'PENDING' AND due_date IS NOT NULL""")
                .param("c", UUID.fromString(caseId)).query(UUID.class).list();
        assertThat(deadlines).as("the decision's open deadlines").isNotEmpty();

        // The reminders are claimed and the in-app notifications made; the e-mails fail (no mail server yet).
        await("a reminder for each open deadline").atMost(Duration.ofSeconds(30)).until(() ->
                db.sql("SELECT count(DISTINCT deadline_id) FROM reminder WHERE deadline_id IN (:d)")
                        .param("d", deadlines).query(Long.class).single() == deadlines.size());
        await("the reminders' notifications").atMost(Duration.ofSeconds(30)).until(() ->
                db.sql("SELECT count(*) FROM notification WHERE deadline_id IN (:d)").param("d", deadlines)
                        .query(Long.class).single() >= deadlines.size());
        long retriesBefore = taken("event-retries");
        await("both nodes try to retry the failed e-mails").atMost(Duration.ofSeconds(30)).until(() ->
                attempts("A", "event-retries") > 2 && attempts("B", "event-retries") > 2
                        && taken("event-retries") > retriesBefore + 1);

        // The mail server comes back: each reminder e-mail arrives once, however often both nodes retry.
        mail.start();
        await("the reminder e-mails sent").atMost(Duration.ofSeconds(30)).until(() ->
                db.sql("SELECT count(*) FROM notification WHERE deadline_id IN (:d) AND emailed_at IS NULL")
                        .param("d", deadlines).query(Long.class).single() == 0);
        long retriesAfterDelivery = taken("event-retries");
        await("more retry runs after the delivery").atMost(Duration.ofSeconds(30)).until(() ->
                taken("event-retries") >= retriesAfterDelivery + 3);

        List<String> mails = reminderMails(caseNumber);
        assertThat(mails).as("reminder e-mails (recipient and subject)").doesNotHaveDuplicates();
        Map<String, Long> notifications = db.sql("""
                        SELECT account_id || ' ' || deadline_id || ' ' || message_key AS k, count(*) AS n
                        FROM notification WHERE deadline_id IN (:d) GROUP BY 1""")
                .param("d", deadlines).query((rs, i) -> Map.entry(rs.getString("k"), rs.getLong("n"))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(notifications.values()).as("notifications per recipient and deadline: %s", notifications)
                .allMatch(n -> n == 1);
        assertThat(mails).as("one e-mail per reminder notification with an address").hasSize(notifications.size());

        // Every job: both nodes tried, the runs never overlapped, and they were about an interval apart.
        for (String job : JOBS) {
            assertThat(attempts("A", job)).as("attempts of node A at %s", job).isPositive();
            assertThat(attempts("B", job)).as("attempts of node B at %s", job).isPositive();
            List<Run> runs = RUNS.stream().filter(r -> r.job().equals(job))
                    .sorted(Comparator.comparingLong(Run::acquired)).toList();
            assertThat(runs).as("runs of %s", job).hasSizeGreaterThan(2);
            for (int i = 1; i < runs.size(); i++) {
                Run before = runs.get(i - 1);
                Run next = runs.get(i);
                assertThat(next.acquired()).as("%s: a run started before the previous one ended: %s, %s", job,
                        before, next).isGreaterThanOrEqualTo(before.released());
                assertThat(next.acquired() - before.acquired()).as("%s: two runs within one interval: %s, %s",
                        job, before, next).isGreaterThanOrEqualTo(INTERVAL.toNanos() / 2);
            }
        }
        // Gallring's own record agrees: a row per run, none overlapping another, whichever node ran it.
        List<java.time.OffsetDateTime[]> retentionRuns = db.sql(
                        "SELECT started_at, finished_at FROM retention_run WHERE finished_at IS NOT NULL "
                                + "ORDER BY started_at")
                .query((rs, i) -> new java.time.OffsetDateTime[] {rs.getObject(1, java.time.OffsetDateTime.class),
                        rs.getObject(2, java.time.OffsetDateTime.class)}).list();
        assertThat(retentionRuns).as("recorded retention runs").hasSizeGreaterThan(2);
        for (int i = 1; i < retentionRuns.size(); i++) {
            assertThat(retentionRuns.get(i)[0]).as("retention run %s started before the previous one ended", i)
                    .isAfterOrEqualTo(retentionRuns.get(i - 1)[1]);
        }
        // The shedlock table has one row per job, held by whichever node ran it last.
        assertThat(db.sql("SELECT name FROM shedlock").query(String.class).set()).containsAll(JOBS);
    }

    @Test
    void bothNodesAppendToOneAuditChainThatVerifies() {
        String caseId = openChild(a.http, "Noa Exempel");
        long before = entries(caseId);
        Browser onA = a.http.browser();
        onA.signIn("nattchef", PASSWORD);
        assertThat(onA.get("/cases/" + caseId).status()).isEqualTo(200);
        long afterA = entries(caseId);
        Browser onB = b.http.browser();
        onB.signIn("nattchef", PASSWORD);
        assertThat(onB.get("/cases/" + caseId).status()).isEqualTo(200);
        long afterB = entries(caseId);
        assertThat(afterA).as("an entry of the read on node A").isGreaterThan(before);
        assertThat(afterB).as("an entry of the read on node B").isGreaterThan(afterA);

        assertThat(db.sql("SELECT count(*) - count(DISTINCT seq) FROM audit_entry").query(Long.class).single())
                .as("sequence numbers given twice").isZero();
        AuditLog.ChainVerification onNodeA = a.bean(AuditLog.class).verifyChain();
        assertThat(onNodeA.intact()).as("the chain as node A verifies it: %s", onNodeA).isTrue();
        AuditLog.ChainVerification onNodeB = b.bean(AuditLog.class).verifyChain();
        assertThat(onNodeB.intact()).as("the chain as node B verifies it: %s", onNodeB).isTrue();
        assertThat(onNodeB.checkpoints()).as("checkpoints written by the nodes' job").isPositive();
    }

    @Test
    void aRoutineVersionPublishedOnOneNodeIsTheOneACaseOpenedOnTheOtherStartsWith() {
        // Node B has read (and keeps in memory) the version published so far.
        String first = openChild(b.http, "Ada Exempel");
        UUID firstVersion = versionOf(first);
        assertThat(b.bean(Routines.class).version(firstVersion)).isPresent();

        Routines onA = a.bean(Routines.class);
        UUID metod = a.bean(Accounts.class).findByUsername("metod").orElseThrow().id().value();
        onA.createDraft(Routines.ACUTE, metod);
        RoutineVersion published = onA.publish(Routines.ACUTE, "Ny version publicerad på nod A.", metod,
                "Siv Metodsson");

        String second = openChild(b.http, "Bea Exempel");
        assertThat(versionOf(second)).as("the version of a case opened on node B").isEqualTo(published.id())
                .isNotEqualTo(firstVersion);
        assertThat(b.bean(Routines.class).currentPublished(Routines.ACUTE).orElseThrow().number())
                .isEqualTo(published.number());
        Browser onB = b.http.browser();
        onB.signIn("natt1", PASSWORD);
        assertThat(onB.get("/cases/" + second).status()).isEqualTo(200);
        assertThat(onB.get("/cases/" + first).status()).as("the older case keeps its version").isEqualTo(200);
    }

    // -- helpers

    private static BeanPostProcessor observingLocks(String node) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof LockProvider provider)) {
                    return bean;
                }
                return (LockProvider) config -> {
                    var lock = provider.lock(config);
                    boolean observed = JOBS.contains(config.getName());
                    if (observed) {
                        ATTEMPTS.add(new Attempt(node, config.getName(), lock.isPresent()));
                    }
                    if (lock.isEmpty() || !observed) {
                        return lock;
                    }
                    long acquired = System.nanoTime();
                    SimpleLock taken = lock.get();
                    return java.util.Optional.of((SimpleLock) () -> {
                        // Noted before the release, so that a next run noted after its acquisition starts later.
                        RUNS.add(new Run(node, config.getName(), acquired, System.nanoTime()));
                        taken.unlock();
                    });
                };
            }
        };
    }

    private static long attempts(String node, String job) {
        return ATTEMPTS.stream().filter(t -> t.node().equals(node) && t.job().equals(job)).count();
    }

    private static long taken(String job) {
        return RUNS.stream().filter(r -> r.job().equals(job)).count();
    }

    private static List<String> reminderMails(String caseNumber) throws Exception {
        List<String> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String subject = m.getSubject();
            // The reminder's subject: "<task> senast <date> (ärende <number>)", or "Försenat: <task> (ärende <number>)"
            // for a deadline already past (the decision three hours ago, run after midnight: a same-day deadline).
            if (subject != null && (subject.contains("senast") || subject.contains("Försenat:"))
                    && subject.contains("(ärende " + caseNumber + ")")) {
                found.add(Arrays.toString(m.getAllRecipients()) + " " + subject);
            }
        }
        return found;
    }

    private static long entries(String caseId) {
        return db.sql("SELECT count(*) FROM audit_entry WHERE record_id = :id").param("id", caseId)
                .query(Long.class).single();
    }

    private static UUID versionOf(String caseId) {
        return db.sql("SELECT routine_version_id FROM checklist WHERE case_id = :c")
                .param("c", UUID.fromString(caseId)).query(UUID.class).single();
    }

    private static void account(Accounts accounts, String username, String name, String unit, Role role) {
        accounts.create(new AccountForm(username, name, username + "@lotsen.example", unit, Set.of(role), true,
                PASSWORD));
    }

    private static String hoursAgo(int hours) {
        return OffsetDateTime.now(SWEDEN).minusHours(hours).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** Opens a child's case through the API of the node, as the jour's worker; returns its id. */
    private static String openChild(LotsenHttp http, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("statedAge", 16);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", hoursAgo(4));
        body.put("channel", "POLICE_PL12");
        Response opened = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), http.token("natt1", PASSWORD));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }
}
