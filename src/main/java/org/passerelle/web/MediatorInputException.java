package org.passerelle.web;

import org.camunda.bpm.engine.BadUserRequestException;

/** Something a person typed cannot be accepted: the request is refused with this French message, nothing changes. */
public class MediatorInputException extends BadUserRequestException {

    public MediatorInputException(String message) {
        super(message);
    }
}
