package org.passerelle.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Anonymous endpoints (webhooks, partners' answer pages) may hold only a share of the server's threads,
 * and one source only a few: connections that trickle a body cannot starve the mediators' requests.
 */
public class AnonymousRequestLimit extends OncePerRequestFilter {

    private final Semaphore overall;
    private final int perSource;
    private final Cache<String, Semaphore> sources = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    public AnonymousRequestLimit(int overall, int perSource) {
        this.overall = new Semaphore(overall);
        this.perSource = perSource;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Semaphore source = sources.get(request.getRemoteAddr(), address -> new Semaphore(perSource));
        if (!source.tryAcquire()) {
            busy(response);
            return;
        }
        try {
            if (!overall.tryAcquire()) {
                busy(response);
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                overall.release();
            }
        } finally {
            source.release();
        }
    }

    private static void busy(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Connection", "close");
    }
}
