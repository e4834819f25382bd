package org.passerelle.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Picks a free port for the test SMTP server once per test JVM, before any Spring context reads
 * {@code spring.mail.port}: two builds on one machine no longer fight over GreenMail's fixed 3025.
 */
public class FreeSmtpPort implements LauncherSessionListener {

    static final String PROPERTY = "spring.mail.port";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(freePort()));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
