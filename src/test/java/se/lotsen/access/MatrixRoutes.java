package se.lotsen.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.lotsen.access.AuthorisationMatrixIT.Outcome;
import se.lotsen.access.AuthorisationMatrixIT.Scenario;
import se.lotsen.access.AuthorisationMatrixIT.User;

/**
 * The authorisation matrix's table ({@link AuthorisationMatrixIT#TABLE}) read by other tests: every handler of Lotsen,
 * who may use it, and the probe that passes its binding. Tests that must reach every page or endpoint as a user who
 * is allowed there (the hostile-input test) take their routes from here, so that a new handler, which the matrix
 * forces to have a rule, is reached by them too.
 */
public final class MatrixRoutes {

    private MatrixRoutes() {
    }

    /** The matrix's placeholders: {@code {caseId}}, {@code {self}}, … */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}");

    /** Fills each placeholder of a path, query, form value or body with the value the function gives its name. */
    public static String fill(String template, java.util.function.UnaryOperator<String> value) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * One handler. {@code allowed}: for each case scenario ({@code OWN}, {@code HANDED_OVER}, …; {@code ""} for a
     * handler about no case) the usernames the policy lets through, leads first. The probe's values hold the matrix's
     * placeholders ({@code {caseId}}, {@code {personId}}, {@code {self}}).
     */
    public record Route(String method, String pattern, Map<String, List<String>> allowed, String query,
                        Map<String, String> form, String json) {

        public boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    public static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        AuthorisationMatrixIT.TABLE.forEach((key, decision) -> {
            String method = key.substring(0, key.indexOf(' '));
            String pattern = key.substring(key.indexOf(' ') + 1);
            Map<String, List<String>> allowed = new LinkedHashMap<>();
            List<Scenario> scenarios = decision.rule().perCase ? List.of(Scenario.values())
                    : java.util.Collections.singletonList(null);
            for (Scenario s : scenarios) {
                List<String> users = new ArrayList<>();
                for (User u : User.values()) {
                    if (u.signedIn() && AuthorisationMatrixIT.expected(decision.rule(), u, s) == Outcome.ALLOW) {
                        if (u.leads()) {
                            users.add(0, u.username);
                        } else {
                            users.add(u.username);
                        }
                    }
                }
                allowed.put(s == null ? "" : s.name(), users);
            }
            routes.add(new Route(method, pattern, allowed, decision.probe().query(), decision.probe().form(),
                    decision.probe().json()));
        });
        return routes;
    }
}
