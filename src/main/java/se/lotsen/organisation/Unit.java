package se.lotsen.organisation;

import java.io.Serializable;

/**
 * A unit: a jour or a district office. The {@code code} is stable and used in URLs and the API.
 */
public record Unit(UnitId id, String code, String name, UnitKind kind, boolean active) implements Serializable {
}
