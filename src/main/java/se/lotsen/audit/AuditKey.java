package se.lotsen.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

import se.lotsen.common.StartupProblem;

/**
 * The HMAC key of the audit chain, kept outside the database: a configured secret, or in embedded mode a key
 * generated once into a file beside the embedded data. It can also hold the keys used before a rotation, so that
 * entries and checkpoints written under them still verify; new values are always computed with the current key.
 * The key is never logged or printed.
 */
final class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    static final int MIN_BYTES = 32;
    static final String FILE_NAME = "audit.key";

    /** Oldest first; the last is the current key. */
    private final List<SecretKeySpec> keys;

    private AuditKey(List<byte[]> keys) {
        List<SecretKeySpec> specs = new ArrayList<>();
        for (byte[] k : keys) {
            specs.add(new SecretKeySpec(k, "HmacSHA256"));
        }
        this.keys = List.copyOf(specs);
    }

    /** A key from raw bytes (tests). */
    static AuditKey of(byte[] current, byte[]... previous) {
        List<byte[]> all = new ArrayList<>(List.of(previous));
        all.add(current);
        return new AuditKey(all);
    }

    /**
     * Loads the key: the configured one when set; otherwise in embedded mode the key file (created with a new random
     * key the first time); otherwise start-up stops.
     */
    static AuditKey load(String configured, List<String> previous, boolean embedded, Path keyFile) {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            all.add(decode(previous.get(i), "LOTSEN_AUDIT_PREVIOUS_KEYS (key " + (i + 1) + ")"));
        }
        if (StringUtils.hasText(configured)) {
            all.add(decode(configured, "LOTSEN_AUDIT_KEY"));
        } else if (embedded) {
            all.add(fromFile(keyFile));
        } else {
            throw new StartupProblem("the required setting LOTSEN_AUDIT_KEY is missing (the secret key that seals "
                    + "the audit trail, so that nobody with access to the database alone can rewrite it).",
                    "Generate a key with 'openssl rand -base64 32', keep it in your secret store and a backup, and "
                            + "set LOTSEN_AUDIT_KEY to it. See the README, section 'Production configuration'.");
        }
        return new AuditKey(all);
    }

    private static byte[] decode(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new StartupProblem(setting + " is not valid base64.",
                    "Set it to at least 32 random bytes in base64, e.g. the output of 'openssl rand -base64 32'.");
        }
        if (key.length < MIN_BYTES) {
            throw new StartupProblem(setting + " is too short: " + key.length + " bytes, at least " + MIN_BYTES
                    + " are needed.",
                    "Set it to at least 32 random bytes in base64, e.g. the output of 'openssl rand -base64 32'.");
        }
        return key;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(key);
                try {
                    create(file, Base64.getEncoder().encodeToString(key) + "\n");
                    log.info("Generated a new audit key in {}; back it up together with the data directory", file);
                    return key;
                } catch (FileAlreadyExistsException e) {
                    // Another process created it a moment ago: use that one.
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the audit key file " + file);
        } catch (IOException e) {
            throw new StartupProblem("the audit key file " + file + " cannot be read or created (" + e.getMessage()
                    + ").", "Check that the data directory is writable, or set LOTSEN_AUDIT_KEY.", e);
        }
    }

    /** Creates the file readable by its owner only where the file system has POSIX permissions. */
    private static void create(Path file, String content) throws IOException {
        boolean posix = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews()
                .contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
    }

    /** HMAC-SHA256 of the text under the current key, as 64 hex digits. */
    String mac(String content) {
        return mac(keys.size() - 1, content);
    }

    /** How many keys there are (the current one is number {@code size() - 1}). */
    int size() {
        return keys.size();
    }

    /** HMAC-SHA256 of the text under key number {@code index} (0 is the oldest). */
    String mac(int index, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.get(index));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The number of the oldest key at or after {@code fromIndex} under which the value matches, or -1. Values are
     * compared in constant time.
     */
    int matchingKey(int fromIndex, String content, String value) {
        byte[] expected = value == null ? new byte[0] : value.getBytes(StandardCharsets.US_ASCII);
        for (int i = Math.max(0, fromIndex); i < keys.size(); i++) {
            if (MessageDigest.isEqual(mac(i, content).getBytes(StandardCharsets.US_ASCII), expected)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "AuditKey[***]";
    }
}
