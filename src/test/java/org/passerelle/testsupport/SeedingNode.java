package org.passerelle.testsupport;

import org.passerelle.PasserelleApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Passerelle node ({@link ChildApplication}) that, once started, creates {@code --seed.nudge-timers} journeys
 * waiting at their nudge timer, their youths' ids starting with {@code --seed.prefix}: the timers the cluster tests
 * and benchmarks make due at once.
 */
public final class SeedingNode {

    private SeedingNode() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class, args);
        int count = context.getEnvironment().getProperty("seed.nudge-timers", Integer.class, 0);
        if (count > 0) {
            NudgeTimers.seed(context, context.getEnvironment().getRequiredProperty("seed.prefix"), count);
        }
    }
}
