package org.passerelle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo profile's switch and the password of its fictitious accounts.
 *
 * @param enabled seed demo users, mentors, partners and journeys
 * @param password password of every demo account
 */
@ConfigurationProperties("passerelle.demo")
public record DemoProperties(boolean enabled, String password) {

    public DemoProperties {
        if (password == null || password.isBlank()) {
            password = "demo";
        }
    }
}
