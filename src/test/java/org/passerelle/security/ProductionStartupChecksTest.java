package org.passerelle.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.passerelle.demo.DemoProperties;
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
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PASSERELLE_ADMIN_PASSWORD");
        }
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
