package org.passerelle.privacy;

import java.util.Set;
import org.passerelle.modelguard.ApplicationProcesses;
import org.springframework.stereotype.Component;

/** The contract of dataRetention (processes/data-retention.bpmn), Passerelle's own nightly job: no lead replaces it. */
@Component
public class DataRetention implements ApplicationProcesses {

    public static final String PROCESS_ID = "dataRetention";

    @Override
    public Set<String> processIds() {
        return Set.of(PROCESS_ID);
    }
}
