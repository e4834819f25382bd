package org.passerelle.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes started together on one PostgreSQL database start one after the other: the first to get the database's
 * advisory lock creates the schema (Flyway, Camunda), the groups, authorizations and filters, and releases it once
 * ready; the others then find everything in place. Taken as soon as the data source exists, before anything uses
 * it; H2 (one node) takes nothing.
 */
@Component
public class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** An arbitrary key of ours for pg_advisory_lock ("Passerelle start"). */
    static final long KEY = 0x5041535345524CL;

    private Connection holder;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && holder == null) {
            acquire(dataSource);
        }
        return bean;
    }

    private synchronized void acquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            log.info("Waiting for the start lock (another node may be creating the schema)");
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            holder = connection;
            log.info("Start lock held");
        } catch (SQLException e) {
            // No database yet: the data source's own checks fail with a clearer message right after.
            log.warn("Start lock not taken: {}", e.getMessage());
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    private synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Start lock released with its connection: {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
