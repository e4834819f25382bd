package org.passerelle.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes Passerelle adds to Camunda's tables on PostgreSQL, each for a query the benchmarks showed reading a whole
 * table (BENCHMARKS.md). Created once, after Camunda created its tables; nodes start one at a time (StartupLock).
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

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

    static final List<String[]> INDEXES = List.of(
            new String[] {JOB_RUNNING, "act_ru_job (process_instance_id_) where lock_owner_ is not null"},
            new String[] {TASK_DUE, "act_ru_task (due_date_)"},
            new String[] {TASK_CREATED, "act_ru_task (create_time_)"});

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        for (String[] index : INDEXES) {
            create(configuration, index[0], index[1]);
        }
    }

    private static void create(ProcessEngineConfigurationImpl configuration, String name, String definition) {
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            // Creating an index locks the table against writes, even when it exists: look first, and wait for
            // running nodes' writes a few seconds at most (a rolling restart must not queue their jobs behind us).
            try (ResultSet existing = statement.executeQuery("select to_regclass('" + name + "')")) {
                if (existing.next() && existing.getString(1) != null) {
                    return;
                }
            }
            statement.execute("set lock_timeout = '5s'");
            try {
                statement.execute("create index if not exists " + name + " on " + definition);
            } finally {
                statement.execute("reset lock_timeout");
            }
        } catch (SQLException e) {
            // A slower query, not a broken one: the node starts anyway.
            log.warn("Index {} not created: {}", name, e.getMessage());
        }
    }
}
