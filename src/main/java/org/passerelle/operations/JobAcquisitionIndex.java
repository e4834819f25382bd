package org.passerelle.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job acquisition asks whether another job of the same journey is running ("exclusive" jobs). With tens of
 * thousands of due nudges, PostgreSQL answered that by reading the whole job table each time: about 60 ms of a core
 * per acquisition at 100,000 jobs (BENCHMARKS.md). An index of the jobs being run, a handful at any moment, answers
 * it at once. Created once, after Camunda created its tables; nodes start one at a time (StartupLock).
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);
    static final String NAME = "passerelle_job_running";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            // Creating an index locks the table against writes, even when it exists: look first, and wait for
            // running nodes' writes a few seconds at most (a rolling restart must not queue their jobs behind us).
            try (ResultSet existing = statement.executeQuery("select to_regclass('" + NAME + "')")) {
                if (existing.next() && existing.getString(1) != null) {
                    return;
                }
            }
            statement.execute("set lock_timeout = '5s'");
            try {
                statement.execute("create index if not exists " + NAME + " on act_ru_job (process_instance_id_) "
                        + "where lock_owner_ is not null");
            } finally {
                statement.execute("reset lock_timeout");
            }
        } catch (SQLException e) {
            // A slower acquisition, not a broken one: the node starts anyway.
            log.warn("Index {} not created: {}", NAME, e.getMessage());
        }
    }
}
