package se.lotsen.reporting;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends generated facts to the reporting read model's log ({@code reporting_fact}) by COPY, keyed and serialised
 * exactly as {@link ReadModel#receive} would log them, so that a rebuild of the read model from its log gives the
 * projections the data generator wrote. Lives in the reporting package for {@link ReadModel#key}.
 */
public final class ReportingFactWriter implements AutoCloseable {

    private static final String COPY = "COPY reporting_fact (event_key, kind, payload) FROM STDIN";
    private static final int FLUSH_CHARS = 1 << 20;

    private final Connection connection;
    private final JsonMapper json;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private CopyIn copy;
    private long written;

    public ReportingFactWriter(ApplicationContext context, Connection connection) {
        this.connection = connection;
        this.json = context.getBean(JsonMapper.class);
    }

    /** Logs one event (one of the read model's kinds). */
    public void add(Object event) throws SQLException {
        value(ReadModel.key(event));
        value(event.getClass().getSimpleName());
        String payload = json.writeValueAsString(event);
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        buffer.append('\n');
        written++;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    public long written() {
        return written;
    }

    private void value(String v) {
        buffer.append(v.replace("\\", "\\\\").replace("\t", "\\t")).append('\t');
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        if (copy == null) {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        if (copy != null) {
            copy.endCopy();
            copy = null;
        }
    }
}
