package se.lotsen.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a keyed entry's HMAC and a checkpoint's seal cover. */
class AuditChainContentTest {

    private static final Instant AT = Instant.parse("2026-03-27T22:40:00.123456Z");
    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final AuditKey KEY = AuditKey.of(new byte[32]);
    private static final String PREV = "a".repeat(64);

    private static AuditRecord record() {
        return new AuditRecord(AuditAction.READ, "CASE", "42", AuditOutcome.SUCCESS, null, ACCOUNT, "jour1",
                "socialjouren", AuditChannel.PAGE, "127.0.0.1");
    }

    private static String value(long id, long seq, String prev, Instant at, AuditRecord r) {
        return KEY.mac(AuditChain.entryContent(id, seq, prev, at, r));
    }

    @Test
    void everyColumnTheIdTheSequenceAndThePreviousValueMatter() {
        String base = value(10, 7, PREV, AT, record());
        assertThat(base).matches("[0-9a-f]{64}").isEqualTo(value(10, 7, PREV, AT, record()));

        assertThat(value(11, 7, PREV, AT, record())).as("id").isNotEqualTo(base);
        assertThat(value(10, 8, PREV, AT, record())).as("seq").isNotEqualTo(base);
        assertThat(value(10, 7, "b".repeat(64), AT, record())).as("previous value").isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT.plusNanos(1000), record())).as("time").isNotEqualTo(base);
        AuditRecord r = record();
        assertThat(value(10, 7, PREV, AT, r.withReviewFlag("EMERGENCY_ACCESS"))).as("review flag")
                .isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, r.withDetail("x"))).as("detail").isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, r.withOutcome(AuditOutcome.DENIED))).as("outcome").isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, r.withChannel(AuditChannel.API))).as("channel").isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, new AuditRecord(AuditAction.UPDATE, "CASE", "42", AuditOutcome.SUCCESS,
                null, ACCOUNT, "jour1", "socialjouren", AuditChannel.PAGE, "127.0.0.1"))).as("action")
                .isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, new AuditRecord(AuditAction.READ, "PERSON", "42", AuditOutcome.SUCCESS,
                null, ACCOUNT, "jour1", "socialjouren", AuditChannel.PAGE, "127.0.0.1"))).as("record type")
                .isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, new AuditRecord(AuditAction.READ, "CASE", "42", AuditOutcome.SUCCESS,
                null, null, "jour1", "socialjouren", AuditChannel.PAGE, "127.0.0.1"))).as("account")
                .isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, new AuditRecord(AuditAction.READ, "CASE", "42", AuditOutcome.SUCCESS,
                null, ACCOUNT, "jour2", "socialjouren", AuditChannel.PAGE, "127.0.0.1"))).as("username")
                .isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, new AuditRecord(AuditAction.READ, "CASE", "42", AuditOutcome.SUCCESS,
                null, ACCOUNT, "jour1", "sodermalm", AuditChannel.PAGE, "127.0.0.1"))).as("unit")
                .isNotEqualTo(base);
        assertThat(value(10, 7, PREV, AT, new AuditRecord(AuditAction.READ, "CASE", "42", AuditOutcome.SUCCESS,
                null, ACCOUNT, "jour1", "socialjouren", AuditChannel.PAGE, "10.0.0.1"))).as("address")
                .isNotEqualTo(base);
    }

    @Test
    void theValueDependsOnTheKey() {
        String content = AuditChain.entryContent(10, 7, PREV, AT, record());
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(AuditKey.of(other).mac(content)).isNotEqualTo(KEY.mac(content));
        // And it is not the unkeyed hash of the same entry.
        assertThat(KEY.mac(content)).isNotEqualTo(AuditChain.legacyHash(PREV, AT, record()));
    }

    @Test
    void noValueCanPassForTwoAndAMissingValueIsNotAnEmptyOne() {
        AuditRecord joined = record().withDetail("a|b");
        AuditRecord split = new AuditRecord(AuditAction.READ, "CASE", "42", AuditOutcome.SUCCESS, "a", ACCOUNT,
                "jour1", "socialjouren", AuditChannel.PAGE, "127.0.0.1", "b");
        assertThat(AuditChain.entryContent(1, 1, PREV, AT, joined))
                .isNotEqualTo(AuditChain.entryContent(1, 1, PREV, AT, split));
        assertThat(AuditChain.entryContent(1, 1, PREV, AT, record().withDetail("")))
                .isNotEqualTo(AuditChain.entryContent(1, 1, PREV, AT, record().withDetail(null)));
        assertThat(AuditChain.entryContent(1, 1, PREV, AT, record().withReviewFlag("")))
                .isNotEqualTo(AuditChain.entryContent(1, 1, PREV, AT, record()));
    }

    @Test
    void storedValuesAreTruncatedAsTheColumnsAre() {
        String longDetail = "d".repeat(600);
        assertThat(AuditChain.entryContent(1, 1, PREV, AT, record().withDetail(longDetail)))
                .isEqualTo(AuditChain.entryContent(1, 1, PREV, AT, record().withDetail(longDetail.substring(0, 500))));
    }

    @Test
    void aCheckpointSealCoversEachValue() {
        Instant at = Instant.parse("2026-03-28T01:00:00Z");
        String base = KEY.mac(AuditChain.checkpointContent(5, 9, PREV, at));
        assertThat(KEY.mac(AuditChain.checkpointContent(4, 9, PREV, at))).isNotEqualTo(base);
        assertThat(KEY.mac(AuditChain.checkpointContent(5, 8, PREV, at))).isNotEqualTo(base);
        assertThat(KEY.mac(AuditChain.checkpointContent(5, 9, "b".repeat(64), at))).isNotEqualTo(base);
        assertThat(KEY.mac(AuditChain.checkpointContent(5, 9, PREV, at.plusSeconds(1)))).isNotEqualTo(base);
        // A checkpoint seal is never the value of an entry (another prefix).
        assertThat(AuditChain.checkpointContent(5, 9, PREV, at)).startsWith("lotsen-audit-checkpoint/1|");
    }
}
