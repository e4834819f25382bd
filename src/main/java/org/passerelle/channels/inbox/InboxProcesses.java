package org.passerelle.channels.inbox;

import java.util.Set;
import org.passerelle.modelguard.ApplicationProcesses;
import org.springframework.stereotype.Component;

/** The intake jobs are Passerelle's own: a lead's model may not replace them. */
@Component
class InboxProcesses implements ApplicationProcesses {

    @Override
    public Set<String> processIds() {
        return Set.of(WebhookIntake.PROCESS_ID, WebhookDelivery.PROCESS_ID);
    }
}
