package se.lotsen.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A fictional child's case at the jour with an immediate custody (6 § LVU) in force, made over the API. */
public final class CustodyCases {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private CustodyCases() {
    }

    /** Opens the case (received six hours ago) and records the custody (decided five hours ago); returns its id. */
    public static UUID childWithCustody(LotsenHttp http, String token, String name) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "CHILD");
        subject.put("name", name);
        subject.put("nationality", "RO");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("receivedAt", OffsetDateTime.now(SWEDEN).minusHours(6).truncatedTo(ChronoUnit.MINUTES).toString());
        LotsenHttp.Response r = http.postJson("/api/v1/cases", LotsenHttp.toJson(body), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asString());
        OffsetDateTime decided = OffsetDateTime.now(SWEDEN).minusHours(5).truncatedTo(ChronoUnit.MINUTES);
        r = http.postJson("/api/v1/cases/" + id + "/decisions", """
                {"type":"LVU_6","decidedAt":"%s","executedAt":"%s",
                 "decidedBy":{"name":"Anna Ordförande","mandate":"CHAIR"},"committee":"rinkeby-kista",
                 "grounds":["LVU_2"],"urgencyReason":"Risk för fortsatt exploatering."}"""
                .formatted(decided, decided.plusHours(1)), token);
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        return id;
    }
}
