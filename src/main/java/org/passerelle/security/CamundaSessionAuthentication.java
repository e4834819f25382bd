package org.passerelle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for Tasklist, Cockpit, Admin and Passerelle's pages: someone logged in to a Camunda webapp is
 * logged in to the directory and the figures in the same browser session (same groups, same roles).
 */
class CamundaSessionAuthentication extends OncePerRequestFilter {

    private final String engineName;

    CamundaSessionAuthentication(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
                List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
                var authentication = new UsernamePasswordAuthenticationToken(user.getName(), null,
                        groups.stream().map(Roles::authorityOf).toList());
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }
}
