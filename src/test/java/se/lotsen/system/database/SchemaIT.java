package se.lotsen.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The schema as the migrations leave it. */
@SpringBootTest
class SchemaIT {

    @Autowired
    JdbcClient jdbc;

    /**
     * No index is another's twin (same table, kind, columns or expressions in the same order, uniqueness and
     * predicate): each is written on every insert and update of its table and holds its own copy on disk.
     */
    @Test
    void noTwoIndexesAreTheSame() {
        List<String> twins = jdbc.sql("""
                        SELECT a.indexrelid::regclass || ' = ' || b.indexrelid::regclass
                        FROM pg_index a
                        JOIN pg_index b ON a.indrelid = b.indrelid AND a.indexrelid < b.indexrelid
                        JOIN pg_class ca ON ca.oid = a.indexrelid
                        JOIN pg_class cb ON cb.oid = b.indexrelid
                        JOIN pg_namespace n ON n.oid = ca.relnamespace
                        WHERE n.nspname = current_schema()
                          AND ca.relam = cb.relam
                          AND a.indkey::text = b.indkey::text
                          AND a.indclass::text = b.indclass::text
                          AND a.indoption::text = b.indoption::text
                          AND a.indisunique = b.indisunique
                          AND coalesce(pg_get_expr(a.indexprs, a.indrelid), '') = coalesce(pg_get_expr(b.indexprs, b.indrelid), '')
                          AND coalesce(pg_get_expr(a.indpred, a.indrelid), '') = coalesce(pg_get_expr(b.indpred, b.indrelid), '')
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(twins).isEmpty();
    }
}
