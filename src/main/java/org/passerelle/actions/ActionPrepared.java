package org.passerelle.actions;

/** An action of a youth's plan begins: published within the step's transaction. */
public record ActionPrepared(Long journeyId, Long actionId, String type) {
}
