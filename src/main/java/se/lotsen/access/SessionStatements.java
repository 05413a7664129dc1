package se.lotsen.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Spring Session's statements for PostgreSQL: a session attribute is written with {@code INSERT … ON CONFLICT DO
 * UPDATE}. With the portable statements, two requests of a session that both set a new attribute at once (the pages a
 * user opens in several tabs right after signing in, each creating the form token) both inserted it, and the second
 * answered 500 with a duplicate key (found by the load benchmark; {@code ConcurrentFirstPagesIT}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStatements {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionStatements() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
