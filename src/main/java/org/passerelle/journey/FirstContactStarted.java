package org.passerelle.journey;

/** A journey started from a first contact, published once started: the guided first questions may begin. */
public record FirstContactStarted(Long journeyId, String channel) {
}
