package org.passerelle.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After a demo start, says where to log in and with which accounts. */
@Component
@ConditionalOnProperty(name = "passerelle.demo.enabled", havingValue = "true")
public class WhereToLogIn {

    private static final Logger log = LoggerFactory.getLogger(WhereToLogIn.class);

    private final DemoProperties demo;

    public WhereToLogIn(DemoProperties demo) {
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1000)
    public void tell(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        log.info("""

                ==================================================================
                 Passerelle (demo) is ready.
                 Tasklist and Cockpit: {}/camunda/app/
                 Programme figures:    {}/tableau-de-bord
                 Partner directory:    {}/annuaire/partenaires
                 Accounts (password "{}"): amina, karim (médiateurs), lea (responsable
                 de programme), sophie (superviseure), admin (administrateur)
                ==================================================================""", base, base, base, demo.password());
    }
}
