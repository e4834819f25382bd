package org.passerelle.operations;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Hibernate builds its model in a thread of its own while Camunda reads its mappings: both take several seconds of a
 * core at start. Spring Boot would do this with its task executor, which the Camunda starter's executor replaces.
 * Repositories wait for it on first use (spring.data.jpa.repositories.bootstrap-mode: deferred).
 */
@Component
public class BackgroundJpaStart implements EntityManagerFactoryBuilderCustomizer {

    @Override
    public void customize(org.springframework.boot.orm.jpa.EntityManagerFactoryBuilder builder) {
        builder.setBootstrapExecutor(new SimpleAsyncTaskExecutor("jpa-start-"));
    }
}
