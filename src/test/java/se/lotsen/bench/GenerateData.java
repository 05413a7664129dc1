package se.lotsen.bench;

import org.junit.jupiter.api.Test;

/**
 * Generates a benchmark database (see {@link DataGenerator}); not part of the test suite. Run it through the bench
 * profile:
 *
 * <pre>
 * ./mvnw -q -Pbench test -Dtest=GenerateData -Dbench.dataDir=target/bench/data-1000000 -Dbench.cases=1000000 \
 *     [-Dbench.audit=50000000] [-Dbench.users=50] [-Dbench.seed=42]
 * </pre>
 * When {@code <dataDir>/bench-fixtures.json} exists with the same cases, audit entries, users and seed, it does
 * nothing: a large database is generated once and reused.
 */
class GenerateData {

    @Test
    void generate() throws Exception {
        DataGenerator.run(DataGenerator.Settings.fromSystemProperties());
    }
}
