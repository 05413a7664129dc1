package se.lotsen.system.web;

/**
 * A work area on a role's start page.
 *
 * @param key  the message key prefix: {@code workarea.<key>.title} and {@code workarea.<key>.description}
 * @param href where it lives, or {@code null} while the capability is not yet part of Lotsen
 */
public record WorkArea(String key, String href) {

    public boolean available() {
        return href != null;
    }
}
