package org.passerelle.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A wrong Content-Type or Accept is refused before any controller is chosen, so the package-scoped
 * {@link ApiProblems} never sees it: on /api it is answered as a problem too; elsewhere (pages,
 * webapps) Spring's default error handling stays.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiMediaTypeProblems {

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> mediaTypeMismatch(Exception ex, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // Rethrowing the same exception hands it on to the next resolver, as if this advice did not exist.
            throw ex;
        }
        ErrorResponse error = (ErrorResponse) ex;
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
    }
}
