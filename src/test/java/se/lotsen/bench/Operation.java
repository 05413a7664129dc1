package se.lotsen.bench;

/**
 * What a virtual user does, with its weight in the mixed workload (reads favoured, every operation present) and the
 * issue's target for it. {@link #CEILING_PING} and {@link #CEILING_CASE_PAGE} are the two ceiling phases: only the
 * trivial endpoint, then only the case page, at the same concurrency.
 */
enum Operation {
    CASE_LIST("case list", 14, Target.P95_100_MS),
    SEARCH("search", 14, Target.P95_100_MS),
    CASE_PAGE("case page", 24, Target.P95_100_MS),
    STEP_PAGE("checklist step page", 0, Target.NONE),
    CHECKLIST_UPDATE("checklist update (POST)", 8, Target.NONE),
    DECISION_FORM("decision form", 0, Target.NONE),
    DECISION("decision (POST)", 4, Target.NONE),
    DEADLINE_BOARD("deadline board", 12, Target.P95_100_MS),
    STATISTICS("statistics page", 4, Target.P95_1_S),
    HANDOVER_PDF("handover PDF", 4, Target.P95_1_S),
    XLSX_EXPORT("statistics XLSX export", 2, Target.P95_10_S),
    PING("trivial endpoint (/ping)", 6, Target.NONE),
    CEILING_PING("ceiling: trivial endpoint only", 0, Target.NONE),
    CEILING_CASE_PAGE("ceiling: case page only", 0, Target.HALF_OF_TRIVIAL);

    /** The targets (at 1,000,000 cases and 50 users on the 2-core machine). */
    enum Target {
        NONE("–"),
        P95_100_MS("p95 < 100 ms"),
        P95_1_S("p95 < 1 s"),
        P95_10_S("p95 < 10 s"),
        HALF_OF_TRIVIAL("≥ ½ of trivial req/s");

        final String text;

        Target(String text) {
            this.text = text;
        }
    }

    final String label;
    /** Relative weight in the mixed phase; 0 for operations done only as part of another (the form before a POST). */
    final int weight;
    final Target target;

    Operation(String label, int weight, Target target) {
        this.label = label;
        this.weight = weight;
        this.target = target;
    }

    boolean write() {
        return this == CHECKLIST_UPDATE || this == DECISION;
    }
}
