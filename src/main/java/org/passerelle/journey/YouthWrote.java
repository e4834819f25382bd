package org.passerelle.journey;

/** A later message of a youth, published once stored: other capabilities (a mentorship's check-in) may read it. */
public record YouthWrote(Long journeyId, String body) {
}
