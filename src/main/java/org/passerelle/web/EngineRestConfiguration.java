package org.passerelle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API, plus one rule: a check on what a mediator typed (thrown from a task listener, which the
 * engine wraps) answers 400 with the check's French message, so Tasklist shows it and the task stays open.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(MediatorInputMapper.class);
        register(MediatorInputInRestMapper.class);
    }

    /** The French answer when a mediator's input is the cause, or null. */
    static Response mediatorInput(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MediatorInputException input) {
                try {
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(JSON.writeValueAsString(Map.of("type", "InvalidRequestException",
                                    "message", input.getMessage()))).build();
                } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return null;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Submitting a task form wraps the engine's exception in a RestException. */
    @Priority(1000)
    public static class MediatorInputInRestMapper implements ExceptionMapper<org.camunda.bpm.engine.rest.exception.RestException> {

        private final org.camunda.bpm.engine.rest.exception.RestExceptionHandler camunda =
                new org.camunda.bpm.engine.rest.exception.RestExceptionHandler();

        @Override
        public Response toResponse(org.camunda.bpm.engine.rest.exception.RestException exception) {
            Response input = mediatorInput(exception);
            return input != null ? input : camunda.toResponse(exception);
        }
    }

    @Priority(1000)
    public static class MediatorInputMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response input = mediatorInput(exception);
            return input != null ? input : camunda.toResponse(exception);
        }
    }
}
