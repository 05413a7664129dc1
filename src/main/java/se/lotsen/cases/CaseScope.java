package se.lotsen.cases;

import java.util.Map;

/**
 * The one SQL definition of which cases a user may see, from {@link CaseAccess#scope}, as predicates on
 * {@code case_file} aliased {@code c} with their named parameters. Every list, search and board of case data adds one
 * of them to its WHERE clause, so lists can never show a case that {@link CaseAccess} would refuse to open.
 *
 * @param readable cases the user may read (the holding unit; a handing unit in its follow-up period)
 * @param held     cases the user's unit holds and the user may work on
 * @param params   the parameters both predicates use
 */
public record CaseScope(String readable, String held, Map<String, Object> params) {

    public CaseScope {
        // Map.copyOf refuses nulls, and a user without a unit has none.
        params = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(params));
    }

    /** Whether the user may see any case at all (a role that handles cases, at a unit). */
    public boolean any() {
        return Boolean.TRUE.equals(params.get("accessHandler"));
    }
}
