/**
 * Statistics and exports. The module keeps a read model of its own ({@code reporting_*} tables): every fact it
 * receives from the other modules' events is appended once to {@code reporting_fact} (a redelivered event is a no-op)
 * and projected into small tables that the statistics read; {@link se.lotsen.reporting.Reporting#rebuild()} rebuilds
 * the projections from the log. It never queries another module's tables. Counts below the configured threshold are
 * suppressed everywhere (pages, exports, the API, the grant report), and nothing here names a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package se.lotsen.reporting;
