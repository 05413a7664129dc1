package se.lotsen.common;

import java.util.Set;

/**
 * A panel that a module adds to the start page of some roles, so that the start page shows it without depending on
 * that module: the start page asks every bean of this type, keeps those for the user's roles, and renders each
 * panel's Thymeleaf fragment with the panel's model as its one parameter ({@code ~{template :: fragment(model)}}).
 */
public interface StartPagePanel {

    /** The names of the roles ({@code se.lotsen.access.Role}) whose start page shows the panel. */
    Set<String> roles();

    /** Where the panel goes among the panels: lower first. */
    int order();

    /** The template that holds the fragment, e.g. {@code knowledge/panels}. */
    String template();

    /** The fragment's name; it takes one parameter, the {@link #model()}. */
    String fragment();

    /** What the fragment shows, read when the start page is rendered. */
    Object model();
}
