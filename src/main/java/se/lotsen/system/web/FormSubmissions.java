package se.lotsen.system.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.lotsen.common.ClusterJobs;

/**
 * The one-time submission tokens of forms, claimed in the database so that a double click, a resent request or the
 * same form sent to two app nodes runs once. Each statement is its own short transaction (autocommit, outside the
 * handler's transaction): the claim is visible to every node at once and outlives a handler that fails.
 */
@Component
class FormSubmissions {

    /** How long a claim is kept: a form older than this may be sent again (its page was long since left). */
    static final Duration KEPT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Duration cleanupInterval;

    FormSubmissions(JdbcClient jdbc, ClusterJobs jobs,
            @Value("${lotsen.forms.submission-cleanup-interval:PT1H}") Duration cleanupInterval) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.cleanupInterval = cleanupInterval;
    }

    /** The key of a token within a session and for one address: a hash, so that no session id is stored. */
    static String key(String sessionId, String path, String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((sessionId + "\n" + path + "\n" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims the token: true for the first submission, false when it was claimed before (and not released). */
    boolean claim(String key) {
        return jdbc.sql("INSERT INTO form_submission (key) VALUES (:k) ON CONFLICT (key) DO NOTHING")
                .param("k", key).update() == 1;
    }

    /** The first submission was answered with a redirect: a repeated one is answered with the same. */
    void complete(String key, String location) {
        jdbc.sql("UPDATE form_submission SET location = :l WHERE key = :k").param("l", location).param("k", key)
                .update();
    }

    /** The first submission was not done (a validation error, a failure): the corrected form may be sent. */
    void release(String key) {
        jdbc.sql("DELETE FROM form_submission WHERE key = :k").param("k", key).update();
    }

    /** The claim as it is now: empty when there is none; a claim with no location is still being handled. */
    Optional<Claim> find(String key) {
        return jdbc.sql("SELECT location FROM form_submission WHERE key = :k").param("k", key)
                .query((rs, n) -> new Claim(rs.getString(1))).optional();
    }

    record Claim(String location) {
    }

    /** Removes claims older than {@link #KEPT}, on one node at a time. */
    @Scheduled(fixedDelayString = "${lotsen.forms.submission-cleanup-interval:PT1H}", initialDelayString = "PT2M")
    void removeOld() {
        jobs.runScheduled("form-submission-cleanup", Duration.ofMinutes(10), cleanupInterval,
                () -> removeOlderThan(KEPT));
    }

    int removeOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM form_submission WHERE claimed_at < now() - CAST(:age AS interval)")
                .param("age", age.toSeconds() + " seconds").update();
    }
}
