package se.lotsen.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-03-27T22:40:00.123456Z");
    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static AuditRecord record(String recordId, String detail) {
        return new AuditRecord(AuditAction.READ, "ACCOUNT", recordId, AuditOutcome.SUCCESS, detail, ACCOUNT,
                "jour1", "socialjouren", AuditChannel.PAGE, "127.0.0.1");
    }

    @Test
    void theHashIsDeterministicAndHex() {
        String a = AuditLog.hash(AuditLog.GENESIS, AT, record("42", null));
        String b = AuditLog.hash(AuditLog.GENESIS, AT, record("42", null));
        assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void everyFieldAndThePreviousHashMatter() {
        String base = AuditLog.hash(AuditLog.GENESIS, AT, record("42", null));
        assertThat(AuditLog.hash(AuditLog.GENESIS, AT, record("43", null))).isNotEqualTo(base);
        assertThat(AuditLog.hash(AuditLog.GENESIS, AT, record("42", "x"))).isNotEqualTo(base);
        assertThat(AuditLog.hash("1".repeat(64), AT, record("42", null))).isNotEqualTo(base);
        assertThat(AuditLog.hash(AuditLog.GENESIS, AT.plusNanos(1000), record("42", null))).isNotEqualTo(base);
        assertThat(AuditLog.hash(AuditLog.GENESIS, AT, record("42", null).withOutcome(AuditOutcome.DENIED)))
                .isNotEqualTo(base);
    }

    @Test
    void aSeparatorInAValueCannotForgeAnotherEntry() {
        // "a|b" in one field must not hash like "a" and "b" in two fields.
        String joined = AuditLog.hash(AuditLog.GENESIS, AT, record("a|b", null));
        String split = AuditLog.hash(AuditLog.GENESIS, AT, record("a", "b"));
        assertThat(joined).isNotEqualTo(split);
    }
}
