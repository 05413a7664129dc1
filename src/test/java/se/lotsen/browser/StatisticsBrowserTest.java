package se.lotsen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import se.lotsen.access.LotsenHttp;

/**
 * The method developer's statistics: from the start page to the statistics, a filter with a mistake (the error
 * summary and the field's error), the charts with the numbers behind them, and the XLSX downloaded by its link and
 * opened. Every page passes axe.
 */
class StatisticsBrowserTest extends BrowserTestSupport {

    @Test
    void theMethodDeveloperReadsTheStatisticsAndDownloadsTheXlsx() throws Exception {
        // Three cases that came in an hour ago, so that the month's chart has figures.
        LotsenHttp http = new LotsenHttp(port);
        String jour1 = http.token("jour1", DEMO_PASSWORD);
        String receivedAt = OffsetDateTime.now(ZoneId.of("Europe/Stockholm")).minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        for (int i = 0; i < 3; i++) {
            LotsenHttp.Response r = http.postJson("/api/v1/cases", """
                    {"subject":{"type":"CHILD","name":"Statistik Fiktiv %d"},"receivedAt":"%s","channel":"SCHOOL"}"""
                    .formatted(i, receivedAt), jour1);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        awaitSideEffects();
        signIn("metod");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, called("Statistik")).first().click();
        assertThat(page).hasURL(Pattern.compile("/statistics$"));
        assertThat(page.locator("h1")).hasText("Statistik");
        assertThat(page.locator("figure.chart").first()).isVisible();
        assertThat(page.locator("figcaption").first()).hasText("Ärenden per månad");
        screenshot("statistics");
        assertNoAxeViolations(page);

        // The numbers behind a chart, by keyboard.
        page.locator("details.chart__numbers summary").first().focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("details.chart__numbers table").first()).isVisible();
        assertThat(page.locator("body")).not().containsText("Statistik Fiktiv");

        // A period the wrong way round: the summary and the field say so.
        page.locator("#from").fill("2026-03-31");
        page.locator("#to").fill("2026-03-01");
        page.getByRole(AriaRole.BUTTON, named("Visa statistik")).click();
        page.waitForLoadState();
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator("#to-error")).containsText("Slutdatumet måste vara samma dag som eller efter");
        assertThat(page.locator("#from")).hasValue("2026-03-31");
        assertNoAxeViolations(page);

        open("/statistics");
        Download download = page.waitForDownload(() -> page.locator("#download-xlsx").click());
        assertThat(download.suggestedFilename()).startsWith("lotsen-statistik-").endsWith(".xlsx");
        List<String> measures = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook wb = new ReadableWorkbook(in);
             var rows = wb.getFirstSheet().openStream()) {
            rows.forEach(r -> measures.add(r.getCellText(2)));
        }
        assertThat(measures.get(0)).isEqualTo("Mått");
        assertThat(measures).contains("cases.total", "decisions.byType", "deadlines.keptRate");
    }
}
