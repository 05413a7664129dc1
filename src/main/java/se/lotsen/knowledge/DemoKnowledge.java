package se.lotsen.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lotsen.knowledge.KnowledgeEventRecorded.Kind;
import se.lotsen.knowledge.KnowledgeEventRecorded.Status;

/**
 * Fictional demo events and articles for the embedded mode: a seminar held with participants and a material, a
 * training day planned, and articles of the inventory (one of them about the home investigation, "utredning").
 * Only when the knowledge base is empty; never in production mode.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "lotsen.mode", havingValue = "embedded")
class DemoKnowledge implements ApplicationRunner {

    private static final String BY = "Sofia Ek (demo)";

    private final KnowledgeEvents events;
    private final Articles articles;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoKnowledge(KnowledgeEvents events, Articles articles, JdbcClient jdbc, Clock clock) {
        this.events = events;
        this.articles = articles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock);
        if (jdbc.sql("SELECT count(*) FROM knowledge_event").query(Long.class).single() == 0) {
            UUID held = events.create(new EventCommand(Kind.SEMINAR, "Barn i människohandel – signaler och första dygnet",
                    today.minusWeeks(3), LocalTime.of(9, 0), "Stadshuset, Blå salen (demo)", "Socialjouren, metodutvecklare",
                    Set.of(Audience.OWN_STAFF, Audience.DISTRICT_OFFICES, Audience.POLICE), Status.HELD,
                    "Deltagarna efterfrågade mer om hemlandsutredningar. Fiktiv utvärdering.",
                    List.of(new ParticipantCount("Socialjouren Stockholm", Audience.OWN_STAFF, 14),
                            new ParticipantCount("Rinkeby-Kista stadsdelsförvaltning", Audience.DISTRICT_OFFICES, 9),
                            new ParticipantCount("Polisen, Citypolisen", Audience.POLICE, 6))), BY);
            events.addMaterial(held, "program-seminarium.txt", ("Program (fiktivt)\n\n09.00 Inledning\n"
                    + "10.00 Signaler på människohandel\n13.00 Det första dygnet\n").getBytes(StandardCharsets.UTF_8),
                    BY);
            events.create(new EventCommand(Kind.TRAINING_DAY, "Utbildningsdag: handboken och överlämningen",
                    today.plusWeeks(2), LocalTime.of(13, 0), "Socialjourens lokaler (demo)",
                    "Socialjouren, metodutvecklare", Set.of(Audience.DISTRICT_OFFICES, Audience.OTHER_JOURS),
                    Status.PLANNED, null, List.of()), BY);
            events.create(new EventCommand(Kind.INFORMATION_VISIT, "Informationsbesök hos Nordvästjouren",
                    today.plusWeeks(5), null, null, "Socialjouren", Set.of(Audience.OTHER_JOURS), Status.PLANNED,
                    null, List.of()), BY);
        }
        if (jdbc.sql("SELECT count(*) FROM knowledge_article").query(Long.class).single() == 0) {
            UUID a = articles.create(new ArticleCommand(ArticleCategory.INVENTORY_NORDIC,
                    "Hemlandsutredning i de nordiska länderna",
                    "Hur Norge, Danmark och Finland gör utredningen av barnets hemförhållanden (fiktiv sammanfattning).",
                    """
                    I alla tre länderna görs en utredning av barnets förhållanden i hemlandet innan någon kontakt tas \
                    med familjen. Riskbedömningen görs först.

                    Norge låter en nationell enhet göra kontakten med hemlandets myndigheter. Danmark använder \
                    ambassaden som mellanhand. Finland har en särskild samordnare.

                    Lärdom för Lotsen: kontakten med hemlandet ska aldrig föregå riskbedömningen.""",
                    "hemlandsutredning, norden, riskbedömning"), null, BY);
            articles.linkSteps(a, Set.of(new StepLink("akut-manniskohandel", "riskbedomning-hemland")));
            articles.create(new ArticleCommand(ArticleCategory.INVENTORY_EUROPEAN_CITIES,
                    "Amsterdam: skyddat boende för barn",
                    "Studiebesök hos en fiktiv verksamhet med skyddat boende för barn utsatta för människohandel.",
                    """
                    Verksamheten har ett boende med dygnet runt-bemanning och en fast kontaktperson för varje barn.

                    Barnen placeras aldrig tillsammans med vuxna som kan ha kopplingar till exploatörerna.""",
                    "skyddat boende, europa, studiebesök"), null, BY);
            UUID police = articles.create(new ArticleCommand(ArticleCategory.INVENTORY_SOCIAL_SERVICES,
                    "Så arbetar andra socialjourer med polisanmälan",
                    "Inventering av rutiner för polisanmälan vid misstänkt människohandel (fiktiv).",
                    """
                    De flesta jourer gör polisanmälan samma natt. Några väntar till kontorstid, vilket riskerar att \
                    bevis går förlorade.

                    Rekommendation: anmälan görs direkt och noteras i ärendet med diarienummer.""",
                    "polisanmälan, socialjour"), null, BY);
            articles.linkSteps(police, Set.of(new StepLink("akut-manniskohandel", "polisanmalan")));
        }
    }
}
