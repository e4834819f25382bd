package org.passerelle.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Indexes Passerelle adds to Camunda's tables on PostgreSQL, each for a query the benchmarks showed reading a whole
 * table (BENCHMARKS.md). Built concurrently, in the background once the node is ready: the other nodes keep writing
 * meanwhile, and the start lock is released first (a concurrent build waits for every transaction in progress, and a
 * node waiting for that lock is one: built under the lock, the two would wait for each other).
 */
@Component
public class EngineIndexes {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /**
     * Every job acquisition asks whether another job of the same journey is running ("exclusive" jobs): without this,
     * a read of the whole job table each time (about 60 ms of a core per acquisition at 100,000 jobs). The jobs being
     * run are a handful at any moment.
     */
    static final String JOB_RUNNING = "passerelle_job_running";
    /**
     * Tasklist's page of 50 is a SELECT DISTINCT sorted by due date or creation: with these, PostgreSQL 16 and later
     * read the tasks in that order and stop after the page (incremental sort) instead of sorting every open task
     * (40-50 ms at 50,000 tasks, against about 1 ms).
     */
    static final String TASK_DUE = "passerelle_task_due";
    static final String TASK_CREATED = "passerelle_task_created";

    /** Name, definition, and the first PostgreSQL version (server_version_num) for which it helps. */
    record Index(String name, String definition, int fromVersion) {
    }

    static final List<Index> INDEXES = List.of(
            new Index(JOB_RUNNING, "act_ru_job (process_instance_id_) where lock_owner_ is not null", 0),
            new Index(TASK_DUE, "act_ru_task (due_date_)", 160000),
            new Index(TASK_CREATED, "act_ru_task (create_time_)", 160000));

    private final ProcessEngine engine;

    public EngineIndexes(ProcessEngine engine) {
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void buildInTheBackground() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        Thread builder = new Thread(() -> INDEXES.forEach(index -> create(configuration.getDataSource(), index)),
                "engine-indexes");
        builder.setDaemon(true);
        builder.start();
    }

    private static void create(DataSource dataSource, Index index) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseMajorVersion() * 10000 < index.fromVersion()) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true); // concurrent builds run outside a transaction block
            try {
                build(statement, index);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            // A slower query, not a broken one: the node starts anyway, and the next start tries again.
            log.warn("Index {} not created: {}", index.name(), e.getMessage());
        }
    }

    private static void build(Statement statement, Index index) throws SQLException {
        // Built concurrently: the other nodes keep writing jobs and tasks meanwhile (a rolling restart).
        // A build that was interrupted leaves an invalid index behind: dropped and built again.
        Boolean valid = null;
        try (ResultSet existing = statement.executeQuery("select i.indisvalid from pg_index i join pg_class c "
                + "on c.oid = i.indexrelid where c.relname = '" + index.name() + "'")) {
            if (existing.next()) {
                valid = existing.getBoolean(1);
            }
        }
        if (Boolean.TRUE.equals(valid)) {
            return;
        }
        if (valid != null) {
            statement.execute("drop index concurrently if exists " + index.name());
        }
        statement.execute("set lock_timeout = '60s'");
        try {
            statement.execute("create index concurrently if not exists " + index.name() + " on " + index.definition());
        } finally {
            statement.execute("reset lock_timeout");
        }
    }
}
