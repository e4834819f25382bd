package org.passerelle.modelguard;

import java.util.Set;

/**
 * Processes only Passerelle itself deploys (its technical jobs): a person's deployment (a lead's, from Modeler or
 * REST) that holds one of their ids is refused, and the leads' pages leave them alone. Capabilities declare theirs
 * as Spring beans.
 */
public interface ApplicationProcesses {

    Set<String> processIds();

    /** Every process id these declarations name. */
    static Set<String> idsOf(java.util.Collection<? extends ApplicationProcesses> declared) {
        return declared.stream().flatMap(d -> d.processIds().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
