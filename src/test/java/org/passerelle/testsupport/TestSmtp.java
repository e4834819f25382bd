package org.passerelle.testsupport;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server (GreenMail) on the port the test JVM mails to ({@link FreeSmtpPort}), patient on a busy machine. */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static GreenMailExtension server() {
        ServerSetup smtp = ServerSetupTest.SMTP.port(Integer.getInteger(FreeSmtpPort.PROPERTY, ServerSetupTest.SMTP.getPort()));
        smtp.setServerStartupTimeout(15_000);
        return new GreenMailExtension(smtp);
    }
}
