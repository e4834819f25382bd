package org.passerelle.testsupport;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A small in-memory engine for model tests: no Spring, delegates registered with
 * {@code Mocks.register(beanName, mock)}, timers fired by the test. Runs in well under a second.
 */
public final class ModelTestEngine {

    private ModelTestEngine() {
    }

    public static ProcessEngineExtension extension() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        String name = "model-" + UUID.randomUUID();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(org.camunda.bpm.engine.ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        ProcessEngine engine = configuration.buildProcessEngine();
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }

}
