package se.lotsen.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.lotsen.common.StartupProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the audit key comes from: configured, generated once in embedded mode, refused when missing or short. */
class AuditKeyTest {

    private static final String CONTENT = "lotsen-audit-entry/1|1:1";

    @TempDir
    Path dataDir;

    private static String base64(int bytes, int seed) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (seed + i);
        }
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void aConfiguredKeyIsUsedInEitherMode() {
        String key = base64(32, 1);
        AuditKey external = AuditKey.load(key, List.of(), false, null);
        AuditKey embedded = AuditKey.load(key, List.of(), true, dataDir.resolve("audit.key"));

        assertThat(external.mac(CONTENT)).isEqualTo(embedded.mac(CONTENT)).matches("[0-9a-f]{64}");
        // Embedded mode with a configured key writes no key file.
        assertThat(dataDir.resolve("audit.key")).doesNotExist();
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> AuditKey.load(missing, List.of(), false, null))
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("LOTSEN_AUDIT_KEY is missing")
                    .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("openssl rand -base64 32"));
        }
    }

    @Test
    void aShortOrMalformedKeyIsRefusedInEitherMode() {
        for (boolean embedded : new boolean[] {false, true}) {
            assertThatThrownBy(() -> AuditKey.load(base64(31, 1), List.of(), embedded, dataDir.resolve("k")))
                    .isInstanceOf(StartupProblem.class).hasMessageContaining("too short: 31 bytes");
            assertThatThrownBy(() -> AuditKey.load("not base64 at all!", List.of(), embedded, dataDir.resolve("k")))
                    .isInstanceOf(StartupProblem.class).hasMessageContaining("not valid base64");
        }
        assertThatThrownBy(() -> AuditKey.load(base64(32, 1), List.of(base64(16, 2)), false, null))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("LOTSEN_AUDIT_PREVIOUS_KEYS");
    }

    @Test
    void embeddedModeGeneratesAKeyFileOnceAndReusesIt() throws Exception {
        Path file = dataDir.resolve("sub").resolve("audit.key");

        AuditKey first = AuditKey.load(null, List.of(), true, file);
        assertThat(file).exists();
        byte[] stored = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(32);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }

        AuditKey again = AuditKey.load("", List.of(), true, file);
        assertThat(again.mac(CONTENT)).isEqualTo(first.mac(CONTENT));
        assertThat(AuditKey.of(stored).mac(CONTENT)).isEqualTo(first.mac(CONTENT));

        // Another data directory gets another key.
        AuditKey other = AuditKey.load(null, List.of(), true, dataDir.resolve("other").resolve("audit.key"));
        assertThat(other.mac(CONTENT)).isNotEqualTo(first.mac(CONTENT));
    }

    @Test
    void aDamagedKeyFileStopsStartUp() throws Exception {
        Path file = dataDir.resolve("audit.key");
        Files.writeString(file, base64(8, 3));
        assertThatThrownBy(() -> AuditKey.load(null, List.of(), true, file))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("too short");
    }

    @Test
    void theKeyIsNeverPrinted() {
        String key = base64(32, 5);
        AuditKey k = AuditKey.load(key, List.of(), false, null);
        assertThat(k.toString()).doesNotContain(key).isEqualTo("AuditKey[***]");
        AuditProperties properties = new AuditProperties(key, List.of(base64(32, 6)), null, null, true);
        assertThat(properties.toString()).doesNotContain(key).doesNotContain(base64(32, 6));
    }

    @Test
    void previousKeysVerifyButNeverSign() {
        String old = base64(32, 1);
        String current = base64(32, 2);
        AuditKey rotated = AuditKey.load(current, List.of(old), false, null);
        AuditKey oldOnly = AuditKey.load(old, List.of(), false, null);
        AuditKey currentOnly = AuditKey.load(current, List.of(), false, null);

        assertThat(rotated.mac(CONTENT)).isEqualTo(currentOnly.mac(CONTENT));
        assertThat(rotated.matchingKey(0, CONTENT, oldOnly.mac(CONTENT))).isZero();
        assertThat(rotated.matchingKey(0, CONTENT, currentOnly.mac(CONTENT))).isEqualTo(1);
        // Once the current key was seen, the old one no longer counts.
        assertThat(rotated.matchingKey(1, CONTENT, oldOnly.mac(CONTENT))).isEqualTo(-1);
        assertThat(rotated.matchingKey(0, CONTENT, "0".repeat(64))).isEqualTo(-1);
    }
}
