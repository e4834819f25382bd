package org.passerelle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST API answers a server error with the exception's message, which may quote SQL and the
 * values it held (a youth's phone, a name). Callers get a generic French message and a reference instead;
 * the log keeps the reference and the error's type, not its text.
 */
public class EngineRestErrors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() >= 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            String body = new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8);
            String type = body.replaceAll("(?s).*\"type\"\\s*:\\s*\"([A-Za-z0-9_.$]{1,120})\".*", "$1");
            log.warn("Engine REST {} {} answered {} ({}), reference {}", request.getMethod(), request.getRequestURI()
                    .replaceAll("/[0-9a-f-]{36}", "/{id}"), buffered.getStatus(), type.equals(body) ? "?" : type, reference);
            buffered.resetBuffer();
            buffered.setContentType("application/json");
            buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
            buffered.getWriter().write("{\"type\":\"ServerError\",\"message\":\"L'opération n'a pas abouti (erreur interne). "
                    + "Référence à donner à l'équipe technique : " + reference + "\"}");
            buffered.getWriter().flush();
        }
        buffered.copyBodyToResponse();
    }
}
