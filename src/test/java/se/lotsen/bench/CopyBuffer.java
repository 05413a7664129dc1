package se.lotsen.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, buffered and sent a megabyte at a time through one {@code COPY … FROM STDIN}
 * (opened on the first send): the data generator's bulk writers append their rows here.
 */
public final class CopyBuffer implements AutoCloseable {

    private static final int FLUSH_CHARS = 1 << 20;

    private final Connection connection;
    private final String copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private CopyIn in;

    /** @param copy the statement, e.g. {@code COPY t (a, b) FROM STDIN} */
    public CopyBuffer(Connection connection, String copy) {
        this.connection = connection;
        this.copy = copy;
    }

    /** Appends a value as it is (a number, a timestamp: nothing to escape) and the column separator. */
    public CopyBuffer raw(Object value) {
        buffer.append(value).append('\t');
        return this;
    }

    /** Appends a text value, escaped ({@code \N} for {@code null}), and the column separator. */
    public CopyBuffer text(String value) {
        if (value == null) {
            buffer.append("\\N");
        } else {
            escaped(value);
        }
        buffer.append('\t');
        return this;
    }

    /** Appends the row's last text value, escaped, and ends the row; sends the buffer when it is large. */
    public void last(String value) throws SQLException {
        escaped(value);
        buffer.append('\n');
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY; the next row starts a new one. */
    public void endCopy() throws SQLException {
        flush();
        if (in != null) {
            in.endCopy();
            in = null;
        }
    }

    @Override
    public void close() throws SQLException {
        endCopy();
    }

    private void escaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        if (in == null) {
            in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
