package org.passerelle.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing per source address (after the proxy's X-Forwarded-For, see README) instead of
 * per account: a stranger who tries wrong passwords on a mediator's name is refused with 429, while the
 * mediator, from elsewhere, still logs in. Camunda's own per-account delay is kept short and never permanent.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final String LOGIN_PATH = "/api/admin/auth/user/";

    private final int failures;
    private final Duration window;
    private final Cache<String, Bucket> sources;

    public LoginThrottle(int failures, Duration window) {
        this.failures = failures;
        this.window = window;
        this.sources = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isAuthenticationAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = sources.get(request.getRemoteAddr(), source -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build()).build());
        if (bucket.getAvailableTokens() <= 0) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            bucket.tryConsume(1);
        }
    }

    private static boolean isAuthenticationAttempt(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean login = "POST".equals(request.getMethod()) && request.getRequestURI().contains(LOGIN_PATH)
                && request.getRequestURI().contains("/login/");
        return login || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6));
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"Trop de tentatives de connexion "
                + "échouées depuis cette adresse. Réessayez dans quelques minutes.\"}");
    }
}
