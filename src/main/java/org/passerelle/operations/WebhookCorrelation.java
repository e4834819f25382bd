package org.passerelle.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every webhook request gets a correlation id in the logs' MDC ("requestId"), also sent back in X-Request-Id. */
@Configuration
public class WebhookCorrelation {

    static final String KEY = "requestId";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webhookRequestId() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String id = UUID.randomUUID().toString();
                MDC.put(KEY, id);
                response.setHeader("X-Request-Id", id);
                try {
                    chain.doFilter(request, response);
                } finally {
                    MDC.remove(KEY);
                }
            }
        });
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
