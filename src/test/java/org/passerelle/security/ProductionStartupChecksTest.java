package org.passerelle.security;

import org.passerelle.security.seeding.IdentitySeeder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.demo.DemoProperties;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo there is no default account: the engine refuses to start without the operator's secrets. */
class ProductionStartupChecksTest {

    private static final String LINK_SECRET = "passerelle.referral.link-secret";
    private static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

    private static void start(boolean demo, MockEnvironment environment) {
        new IdentitySeeder(new DemoProperties(demo, null), environment).preInit(null);
    }

    @Test
    void withoutAnAdministratorPasswordProductionDoesNotStart() {
        var unset = new MockEnvironment().withProperty(LINK_SECRET, "0123456789abcdef");
        var blank = new MockEnvironment().withProperty(LINK_SECRET, "0123456789abcdef").withProperty(ADMIN_PASSWORD, "  ");

        for (var environment : java.util.List.of(unset, blank)) {
            assertThatThrownBy(() -> start(false, environment))
                    .isInstanceOf(MissingProductionSetting.class)
                    .hasMessageContaining("PASSERELLE_ADMIN_PASSWORD");
        }
    }

    @Test
    void withoutALongEnoughLinkSecretProductionDoesNotStart() {
        var environment = new MockEnvironment().withProperty(ADMIN_PASSWORD, "s3cret-from-the-environment").withProperty(LINK_SECRET, "short");

        assertThatThrownBy(() -> start(false, environment))
                .isInstanceOf(MissingProductionSetting.class)
                .hasMessageContaining("PASSERELLE_LINK_SECRET");
    }

    @Test
    void weakSecretsAreRefusedAndTheMessageSaysWhy() {
        var weakPassword = new MockEnvironment().withProperty(ADMIN_PASSWORD, "a").withProperty(LINK_SECRET, "0123456789abcdef");
        var repeatedSecret = new MockEnvironment().withProperty(ADMIN_PASSWORD, "s3cret-from-the-environment")
                .withProperty(LINK_SECRET, "aaaaaaaaaaaaaaaa");

        assertThatThrownBy(() -> start(false, weakPassword)).isInstanceOf(MissingProductionSetting.class)
                .hasMessage("PASSERELLE_ADMIN_PASSWORD is too weak: 10 characters or more, at least 5 different ones");
        assertThatThrownBy(() -> start(false, repeatedSecret)).isInstanceOf(MissingProductionSetting.class)
                .hasMessageStartingWith("PASSERELLE_LINK_SECRET is too weak: 16 characters or more");
    }

    @Test
    void theStartupFailureSaysWhichVariableToSet() {
        // Spring Boot's own analyzers need its context to be built; only ours matters here.
        var analyzers = SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                (type, implementation, failure) -> { });
        var failure = new BeanCreationException("processEngineFactoryBean", "FactoryBean threw exception",
                new MissingProductionSetting("PASSERELLE_ADMIN_PASSWORD", "no default administrator"));

        FailureAnalysis analysis = analyzers.stream().filter(MissingProductionSettingAnalyzer.class::isInstance)
                .findFirst().orElseThrow().analyze(failure);

        assertThat(analysis.getDescription()).startsWith("PASSERELLE_ADMIN_PASSWORD is not set");
        assertThat(analysis.getAction()).contains("environment variable PASSERELLE_ADMIN_PASSWORD");
    }

    @Test
    void withAnAdministratorPasswordAndALinkSecretProductionStarts() {
        var environment = new MockEnvironment().withProperty(LINK_SECRET, "0123456789abcdef")
                .withProperty(ADMIN_PASSWORD, "s3cret-from-the-environment");

        assertThatCode(() -> start(false, environment)).doesNotThrowAnyException();
    }

    @Test
    void theDemoStartsWithItsOwnDefaults() {
        assertThatCode(() -> start(true, new MockEnvironment())).doesNotThrowAnyException();
    }
}
