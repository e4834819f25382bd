package org.passerelle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dpasserelle.test.database=postgres} (Maven profile {@code postgres}), every Spring test context gets
 * its own database in one embedded PostgreSQL server instead of its in-memory H2 database: the same suite on the
 * production database.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"postgres".equals(System.getProperty("passerelle.test.database"))) {
            return;
        }
        String database = "passerelle_" + CONTEXTS.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException("Could not create the test database " + database, failed);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", database),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "camunda.bpm.database.type", "postgres")));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                System.err.println("Spring test contexts run on an embedded PostgreSQL, port " + server.getPort());
            } catch (java.io.IOException failed) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL", failed);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (java.io.IOException ignored) {
                    // the JVM ends anyway
                }
            }));
        }
        return server;
    }
}
