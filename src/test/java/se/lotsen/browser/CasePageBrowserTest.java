package se.lotsen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import se.lotsen.access.LotsenHttp;

/** The case page at desktop and phone width (before screenshots). */
class CasePageBrowserTest extends BrowserTestSupport {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private UUID demoCase() {
        LotsenHttp http = new LotsenHttp(port);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", "Elena Demo");
        subject.put("nationality", "RO");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(6).truncatedTo(ChronoUnit.MINUTES).toString());
        LotsenHttp.Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), jour1);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asString());
        OffsetDateTime decided = OffsetDateTime.now(SWEDEN).minusHours(5).truncatedTo(ChronoUnit.MINUTES);
        r = http.postJson("/api/v1/cases/" + id + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                .formatted(decided, decided.plusHours(1)), jour1);
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        JsonNode checklist = http.get("/api/v1/cases/" + id, jour1).json().get("checklist");
        int done = 0;
        for (JsonNode item : checklist) {
            if (done >= 6) {
                break;
            }
            LotsenHttp.Response s = http.postJson("/api/v1/cases/" + id + "/checklist/" + item.get("key").asString(),
                    "{\"status\":\"DONE\"}", jour1);
            if (s.status() / 100 == 2) {
                done++;
            }
        }
        return id;
    }

    @Test
    void casePageScreenshots() throws Exception {
        UUID id = demoCase();
        signIn("jour1");
        open("/cases/" + id);
        Path desktop = screenshot("case-page-desktop");
        System.out.printf("case page height at 1280 px: %s px%n", page.evaluate("document.documentElement.scrollHeight"));
        page.setViewportSize(390, 844);
        open("/cases/" + id);
        Path phone = screenshot("case-page-phone");
        System.out.printf("case page height at 390 px: %s px%n", page.evaluate("document.documentElement.scrollHeight"));
        String stage = Optional.ofNullable(System.getenv("CASEPAGE_STAGE")).orElse("after");
        Files.copy(desktop, Path.of("docs", "case-page-" + stage + "-desktop.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(phone, Path.of("docs", "case-page-" + stage + "-phone.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
