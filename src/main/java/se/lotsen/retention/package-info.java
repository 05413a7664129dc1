/**
 * Gallring: the retention job that, once a day on one app node, finds the personakter whose time is up under the
 * retention rules ({@code retention_rule}, law as data with its sources) and erases them, or in report mode only lists
 * them. A file is a person's record with every case about them; it is judged and erased as a whole, in one transaction,
 * so that nothing half-erased is ever visible. Every run is recorded ({@code retention_run}) with the case numbers of
 * the files it erased, and written to the audit trail.
 *
 * <p>This module deletes rows of other modules' tables ({@code Erasure}), which the module rules
 * otherwise forbid. Gallring is the one place that needs all of a file at once: as events, each module would erase its
 * own rows in a transaction of its own, a file could be half-erased for a while, and the foreign keys between the
 * modules' tables would have to go. The list of tables is checked against the schema by a test, so a new table that
 * holds case data fails the build until gallring knows what to do with it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package se.lotsen.retention;
