package se.lotsen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the data generator wrote to {@code <dataDir>/bench-fixtures.json} (the contract is described in the README, "Benchmarks"): the
 * generated users and, per user, cases, checklist steps, handed-over cases and search terms the load driver may use.
 */
record BenchFixtures(long cases, long auditEntries, String password, long seed, String generatedAt, double seconds,
                     List<User> users) {

    /** One generated account and what it may work on. */
    record User(String username, String role, String unit, List<String> caseIds, List<String> stepKeys,
                List<String> handoverCaseIds, List<String> searchTerms) {

        User {
            caseIds = List.copyOf(caseIds);
            stepKeys = List.copyOf(stepKeys);
            handoverCaseIds = List.copyOf(handoverCaseIds);
            searchTerms = List.copyOf(searchTerms);
        }
    }

    BenchFixtures {
        users = List.copyOf(users);
    }

    static BenchFixtures read(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        List<User> users = new ArrayList<>();
        for (JsonNode u : root.path("users")) {
            users.add(new User(u.path("username").asText(), u.path("role").asText(""), u.path("unit").asText(""),
                    strings(u.path("caseIds")), strings(u.path("stepKeys")), strings(u.path("handoverCaseIds")),
                    strings(u.path("searchTerms"))));
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file + " names no users");
        }
        return new BenchFixtures(root.path("cases").asLong(), root.path("auditEntries").asLong(),
                root.path("password").asText("lotsen-demo"), root.path("seed").asLong(),
                root.path("generatedAt").asText(""), root.path("seconds").asDouble(), users);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
