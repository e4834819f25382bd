package org.passerelle.testsupport;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** A real SMTP server (GreenMail) on the port the test profile mails to, patient on a busy machine. */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static GreenMailExtension server() {
        ServerSetup smtp = ServerSetupTest.SMTP.createCopy();
        smtp.setServerStartupTimeout(15_000);
        return new GreenMailExtension(smtp);
    }
}
