package se.lotsen.reporting;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import se.lotsen.bench.CopyBuffer;

/**
 * Appends generated facts to the reporting read model's log ({@code reporting_fact}) by COPY, keyed and serialised
 * exactly as {@link ReadModel#receive} would log them, so that a rebuild of the read model from its log gives the
 * projections the data generator wrote. Lives in the reporting package for {@link ReadModel#key}.
 */
public final class ReportingFactWriter implements AutoCloseable {

    private static final String COPY = "COPY reporting_fact (event_key, kind, payload) FROM STDIN";

    private final CopyBuffer rows;
    private final JsonMapper json;
    private long written;

    public ReportingFactWriter(ApplicationContext context, Connection connection) {
        this.rows = new CopyBuffer(connection, COPY);
        this.json = context.getBean(JsonMapper.class);
    }

    /** Logs one event (one of the read model's kinds). */
    public void add(Object event) throws SQLException {
        rows.text(ReadModel.key(event)).text(event.getClass().getSimpleName()).last(json.writeValueAsString(event));
        written++;
    }

    public long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
