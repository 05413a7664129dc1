package se.lotsen.calendar;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import se.lotsen.access.LotsenHttp;
import se.lotsen.access.LotsenHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lotsen.access.LotsenHttp.DEMO_PASSWORD;

/**
 * The legal calendar over real HTTP with a bearer token: statutory time by lag (1930:173) (weeks, months, days), the
 * next working day, and the public holidays and eves of a year; its problem details for bad input. The rules
 * themselves are unit-tested in {@code SwedishCalendarTest}; here the expected values are the hand-checked test
 * vectors of the legal reference (§1.7–1.8).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    LotsenHttp http;
    String token;

    @BeforeEach
    void setUp() {
        http = new LotsenHttp(port);
        token = http.token("jour1", DEMO_PASSWORD);
    }

    private Response get(String path) {
        return http.get(path, token);
    }

    private static void assertJson(Response r, String expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json()).as(r.body()).isEqualTo(LotsenHttp.json(expected));
    }

    /** A 400 problem whose {@code errors} name exactly the fields given (in any order), with nothing internal. */
    private static List<String> assertBadRequest(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith(PROBLEM_JSON);
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception", "at se.lotsen", "org.springframework");
        JsonNode errors = body.get("errors");
        assertThat(errors).as("errors in %s", r.body()).isNotNull();
        assertThat(errors.isArray()).isTrue();
        return StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asString()).toList();
    }

    // -- statutory time --

    @Test
    void oneWeekFromTheFridayBeforeEasterEndsOnTheTuesdayAfterEasterMonday() {
        // Test vector: decision Fri 2026-03-27; nominal Fri 2026-04-03 (långfredagen); legal last day Tue 2026-04-07.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-03-27&weeks=1"), """
                {"from":"2026-03-27","nominalLastDay":"2026-04-03","lastDay":"2026-04-07",
                 "closedDays":["2026-04-03","2026-04-04","2026-04-05","2026-04-06"]}""");
    }

    @Test
    void otherWeekVectorsOfTheLegalReference() {
        // 7 §: Fri 2025-12-19 → annandag jul → Mon 2025-12-29.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2025-12-19&weeks=1"), """
                {"from":"2025-12-19","nominalLastDay":"2025-12-26","lastDay":"2025-12-29",
                 "closedDays":["2025-12-26","2025-12-27","2025-12-28"]}""");
        // 7 §: Wed 2025-12-24 → nyårsafton → Fri 2026-01-02 (the last day moves into the next year).
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2025-12-24&weeks=1"), """
                {"from":"2025-12-24","nominalLastDay":"2025-12-31","lastDay":"2026-01-02",
                 "closedDays":["2025-12-31","2026-01-01"]}""");
        // 7 §: Fri 2026-06-12 → midsommarafton → Mon 2026-06-22.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-06-12&weeks=1"), """
                {"from":"2026-06-12","nominalLastDay":"2026-06-19","lastDay":"2026-06-22",
                 "closedDays":["2026-06-19","2026-06-20","2026-06-21"]}""");
        // 7 §: Thu 2026-05-07 → Kristi himmelsfärdsdag → Fri 2026-05-15.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-05-07&weeks=1"), """
                {"from":"2026-05-07","nominalLastDay":"2026-05-14","lastDay":"2026-05-15",
                 "closedDays":["2026-05-14"]}""");
        // 8 §: verkställt Sat 2026-05-16, four weeks → Sat 2026-06-13 → Mon 2026-06-15.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-05-16&weeks=4"), """
                {"from":"2026-05-16","nominalLastDay":"2026-06-13","lastDay":"2026-06-15",
                 "closedDays":["2026-06-13","2026-06-14"]}""");
        // A working day does not move; closedDays is then empty (and present).
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-01-16&weeks=4"), """
                {"from":"2026-01-16","nominalLastDay":"2026-02-13","lastDay":"2026-02-13","closedDays":[]}""");
    }

    @Test
    void monthsEndOnTheSameDateNumberOrTheLastDayOfTheMonth() {
        // 31 January + 1 month: February has no 31st, so its last day (Sat 2026-02-28), moved to Mon 2026-03-02.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-01-31&months=1"), """
                {"from":"2026-01-31","nominalLastDay":"2026-02-28","lastDay":"2026-03-02",
                 "closedDays":["2026-02-28","2026-03-01"]}""");
        // Three months from Fri 2025-12-19: Thu 2026-03-19, a working day.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2025-12-19&months=3"), """
                {"from":"2025-12-19","nominalLastDay":"2026-03-19","lastDay":"2026-03-19","closedDays":[]}""");
        // Two months from 2026-02-06: annandag påsk 2026-04-06, moved to Tue 2026-04-07.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-02-06&months=2"), """
                {"from":"2026-02-06","nominalLastDay":"2026-04-06","lastDay":"2026-04-07",
                 "closedDays":["2026-04-06"]}""");
    }

    @Test
    void daysAreCountedFromTheDayAfterAndMovePastJulaftonAndChristmas() {
        // 7 days from Thu 2026-12-17: julafton (Thu) → juldagen, annandag jul (Sat), Sunday → Mon 2026-12-28.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-12-17&days=7"), """
                {"from":"2026-12-17","nominalLastDay":"2026-12-24","lastDay":"2026-12-28",
                 "closedDays":["2026-12-24","2026-12-25","2026-12-26","2026-12-27"]}""");
        // 14 days from Mon 2026-03-02: Mon 2026-03-16.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-03-02&days=14"), """
                {"from":"2026-03-02","nominalLastDay":"2026-03-16","lastDay":"2026-03-16","closedDays":[]}""");
        // Trettondedagsafton is not closed (RÅ 2004 not 40): 1 day from 2026-01-04 ends Mon 2026-01-05.
        assertJson(get("/api/v1/calendar/statutory-deadline?from=2026-01-04&days=1"), """
                {"from":"2026-01-04","nominalLastDay":"2026-01-05","lastDay":"2026-01-05","closedDays":[]}""");
    }

    @Test
    void exactlyOneOfWeeksMonthsOrDaysMustBeGiven() {
        List<String> none = assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=2026-03-27"));
        assertThat(none).isNotEmpty();
        assertThat(none).allSatisfy(f -> assertThat(f).isIn("weeks", "months", "days"));

        for (String two : new String[] {"weeks=1&months=1", "weeks=1&days=3", "months=2&days=3",
                "weeks=1&months=1&days=1"}) {
            List<String> fields = assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=2026-03-27&" + two));
            assertThat(fields).as(two).isNotEmpty();
            assertThat(fields).as(two).allSatisfy(f -> assertThat(f).isIn("weeks", "months", "days"));
        }
    }

    @Test
    void badLengthsAndDatesAreBadRequestNamingTheField() {
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=2026-03-27&weeks=-1")))
                .containsExactly("weeks");
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=2026-03-27&days=1201")))
                .containsExactly("days");
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=2026-03-27&months=x")))
                .containsExactly("months");
        // Outside the supported years 1990–2100: refused, not guessed.
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=1980-03-27&weeks=1")))
                .containsExactly("from");
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=2100-12-20&weeks=2")))
                .containsExactly("from");
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?from=27-03-2026&weeks=1")))
                .containsExactly("from");
        assertThat(assertBadRequest(get("/api/v1/calendar/statutory-deadline?weeks=1"))).containsExactly("from");
    }

    @Test
    void theCalendarNeedsASignedInCaller() {
        for (String path : new String[] {"/api/v1/calendar/statutory-deadline?from=2026-03-27&weeks=1",
                "/api/v1/calendar/next-working-day?after=2026-12-23", "/api/v1/calendar/holidays?year=2026"}) {
            for (String bearer : new String[] {null, "garbage"}) {
                Response r = http.get(path, bearer);
                assertThat(r.status()).as("%s with %s: %s", path, bearer, r.body()).isEqualTo(401);
                assertThat(r.contentType()).startsWith(PROBLEM_JSON);
                assertThat(r.header("WWW-Authenticate")).hasValue("Bearer");
                assertThat(r.body()).doesNotContain("lastDay", "Långfredagen", "2026-12-28");
            }
        }
    }

    // -- next working day --

    @Test
    void theNextWorkingDayAfterTheDayBeforeJulaftonIsTheMondayAfterChristmas() {
        assertJson(get("/api/v1/calendar/next-working-day?after=2026-12-23"), "{\"date\":\"2026-12-28\"}");
        // Midsommarafton, midsommardagen and the Sunday are skipped.
        assertJson(get("/api/v1/calendar/next-working-day?after=2026-06-18"), "{\"date\":\"2026-06-22\"}");
        // Strictly after: from a working day to the next one.
        assertJson(get("/api/v1/calendar/next-working-day?after=2026-03-02"), "{\"date\":\"2026-03-03\"}");
        // Trettondedagsafton (Mon 2026-01-05) is a working day.
        assertJson(get("/api/v1/calendar/next-working-day?after=2026-01-02"), "{\"date\":\"2026-01-05\"}");
    }

    @Test
    void nextWorkingDayRefusesBadDates() {
        assertThat(assertBadRequest(get("/api/v1/calendar/next-working-day?after=1980-01-01"))).containsExactly("after");
        assertThat(assertBadRequest(get("/api/v1/calendar/next-working-day?after=nonsense"))).containsExactly("after");
        assertThat(assertBadRequest(get("/api/v1/calendar/next-working-day"))).containsExactly("after");
    }

    // -- holidays --

    private List<JsonNode> holidays(int year) {
        Response r = get("/api/v1/calendar/holidays?year=" + year);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().isArray()).isTrue();
        return StreamSupport.stream(r.json().spliterator(), false).toList();
    }

    private static List<String> field(List<JsonNode> list, String name) {
        return list.stream().map(n -> n.get(name).asString()).toList();
    }

    @Test
    void holidaysOf2026AreTheThirteenPublicHolidaysAndTheThreeEvesWithNames() {
        List<JsonNode> all = holidays(2026);

        List<JsonNode> publicHolidays = all.stream().filter(h -> h.get("kind").asString().equals("PUBLIC_HOLIDAY")).toList();
        List<JsonNode> eves = all.stream().filter(h -> h.get("kind").asString().equals("EVE")).toList();
        assertThat(all).hasSize(16);
        assertThat(field(publicHolidays, "date")).containsExactly("2026-01-01", "2026-01-06", "2026-04-03",
                "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-24", "2026-06-06", "2026-06-20",
                "2026-10-31", "2026-12-25", "2026-12-26");
        assertThat(field(eves, "date")).containsExactly("2026-06-19", "2026-12-24", "2026-12-31");
        assertThat(field(all, "date")).as("in date order").isSorted();

        assertThat(all).allSatisfy(h -> {
            assertThat(h.get("name").asString()).isNotBlank();
            assertThat(h.get("nameEn").asString()).isNotBlank();
        });
        assertThat(nameOn(all, "2026-04-03")).isEqualTo("Långfredagen");
        assertThat(nameOn(all, "2026-06-19")).isEqualTo("Midsommarafton");
        assertThat(nameOn(all, "2026-06-20")).isEqualTo("Midsommardagen");
        assertThat(nameOn(all, "2026-06-06")).isEqualTo("Sveriges nationaldag");
        assertThat(nameOn(all, "2026-12-24")).isEqualTo("Julafton");
        assertThat(nameOn(all, "2026-12-31")).isEqualTo("Nyårsafton");
        assertThat(nameOn(all, "2026-05-14")).isEqualTo("Kristi himmelsfärdsdag");
        assertThat(nameOn(all, "2026-10-31")).isEqualTo("Alla helgons dag");
        assertThat(field(all, "name")).doesNotContain("Annandag pingst", "Trettondedagsafton", "Valborgsmässoafton");
        assertThat(field(all, "date")).doesNotContain("2026-01-05", "2026-04-30", "2026-05-25", "2026-10-30");
    }

    private static String nameOn(List<JsonNode> all, String date) {
        return all.stream().filter(h -> h.get("date").asString().equals(date)).map(h -> h.get("name").asString())
                .findFirst().orElseThrow(() -> new AssertionError("no holiday on " + date));
    }

    @Test
    void in2004AnnandagPingstWasAHolidayAndNationaldagenWasNot() {
        List<JsonNode> all = holidays(2004);

        // Easter 2004 was 11 April: pingstdagen 30 May, annandag pingst 31 May.
        assertThat(nameOn(all, "2004-05-31")).isEqualTo("Annandag pingst");
        assertThat(nameOn(all, "2004-05-30")).isEqualTo("Pingstdagen");
        assertThat(nameOn(all, "2004-04-09")).isEqualTo("Långfredagen");
        assertThat(field(all, "name")).doesNotContain("Sveriges nationaldag");
        assertThat(field(all, "date")).doesNotContain("2004-06-06");
        assertThat(all.stream().filter(h -> h.get("kind").asString().equals("PUBLIC_HOLIDAY"))).hasSize(13);
        assertThat(all.stream().filter(h -> h.get("kind").asString().equals("EVE"))).hasSize(3);

        // And from 2005 the other way round.
        List<JsonNode> y2005 = holidays(2005);
        assertThat(field(y2005, "name")).contains("Sveriges nationaldag").doesNotContain("Annandag pingst");
    }

    @Test
    void holidaysOutsideTheSupportedYearsAreBadRequest() {
        assertThat(assertBadRequest(get("/api/v1/calendar/holidays?year=1980"))).containsExactly("year");
        assertThat(assertBadRequest(get("/api/v1/calendar/holidays?year=2101"))).containsExactly("year");
        assertThat(assertBadRequest(get("/api/v1/calendar/holidays?year=twenty"))).containsExactly("year");
        assertThat(assertBadRequest(get("/api/v1/calendar/holidays"))).containsExactly("year");
    }
}
