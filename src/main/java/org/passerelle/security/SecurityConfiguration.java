package org.passerelle.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Our /api uses Spring Security against Camunda's users and groups; Camunda's webapps keep their
 * own login, and /engine-rest requires HTTP Basic through Camunda's filter.
 */
@Configuration
public class SecurityConfiguration {

    /** Before every other filter: failed logins are counted per source for the webapps, /engine-rest, /api and pages. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(
            @org.springframework.beans.factory.annotation.Value("${passerelle.security.failed-logins-per-source:10}") int failures,
            @org.springframework.beans.factory.annotation.Value("${passerelle.security.failed-logins-window:PT15M}") java.time.Duration window) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(failures, window));
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Server errors of the engine's REST API: a reference instead of the exception's text (it may quote SQL). */
    @Bean
    FilterRegistrationBean<EngineRestErrors> engineRestErrors() {
        FilterRegistrationBean<EngineRestErrors> registration = new FilterRegistrationBean<>(new EngineRestErrors());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Webhooks and partners' pages answer strangers: they get a bounded share of the server. */
    @Bean
    FilterRegistrationBean<AnonymousRequestLimit> anonymousRequestLimit(
            @org.springframework.beans.factory.annotation.Value("${passerelle.security.anonymous-requests:50}") int overall,
            @org.springframework.beans.factory.annotation.Value("${passerelle.security.anonymous-requests-per-source:10}") int perSource) {
        FilterRegistrationBean<AnonymousRequestLimit> registration = new FilterRegistrationBean<>(
                new AnonymousRequestLimit(overall, perSource));
        registration.addUrlPatterns("/webhooks/*", "/partenaires/*", "/mentors/*", "/jeunes/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Operators' endpoints: the load balancer reads liveness and readiness without credentials (no details);
     * metrics need an operator's (or an administrator's) account; nothing else of the actuator is exposed.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operatorsSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(
                                authority(Roles.OPERATORS), authority(Roles.ADMINS))
                        .anyRequest().denyAll())
                .httpBasic(b -> b.realmName("Passerelle"))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The description of /api, for integrators: readable by anyone (it holds no data), as the roles are in it. */
    @Bean
    @Order(0)
    SecurityFilterChain apiDescriptionSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/contacts").hasAnyAuthority(
                                authority(Roles.MEDIATORS), authority(Roles.PROGRAMME_LEADS), authority(Roles.ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/partners/import").hasAnyAuthority(
                                authority(Roles.PROGRAMME_LEADS), authority(Roles.ADMINS))
                        .requestMatchers(HttpMethod.DELETE, "/api/journeys/*/personal-data").hasAnyAuthority(
                                authority(Roles.PROGRAMME_LEADS), authority(Roles.ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/reporting/**").hasAnyAuthority(authority(Roles.SUPERVISORS),
                                authority(Roles.PROGRAMME_LEADS), authority(Roles.ADMINS))
                        .requestMatchers(HttpMethod.GET, "/api/journeys/**").hasAnyAuthority(
                                authority(Roles.MEDIATORS), authority(Roles.PROGRAMME_LEADS),
                                authority(Roles.SUPERVISORS), authority(Roles.ADMINS))
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static String authority(String group) {
        return Roles.authorityOf(group).getAuthority();
    }

    /** Passerelle's own pages for programme leads: login required, forms protected against CSRF. */
    @Bean
    @Order(2)
    SecurityFilterChain directoryPages(HttpSecurity http, @Value("${camunda.bpm.process-engine-name:default}") String engine)
            throws Exception {
        return pages(http.securityMatcher("/annuaire/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(authority(Roles.PROGRAMME_LEADS),
                        authority(Roles.ADMINS))), engine);
    }

    /** Media youths sent (images, documents): the team that reads conversations. */
    @Bean
    @Order(2)
    SecurityFilterChain mediaPages(HttpSecurity http, @Value("${camunda.bpm.process-engine-name:default}") String engine)
            throws Exception {
        return pages(http.securityMatcher("/medias/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET).hasAnyAuthority(authority(Roles.MEDIATORS),
                        authority(Roles.PROGRAMME_LEADS), authority(Roles.ADMINS)).anyRequest().denyAll()), engine);
    }

    /** The programme's texts (messages youths receive): programme leads and administrators. */
    @Bean
    @Order(2)
    SecurityFilterChain programmePages(HttpSecurity http, @Value("${camunda.bpm.process-engine-name:default}") String engine)
            throws Exception {
        return pages(http.securityMatcher("/programme/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(authority(Roles.PROGRAMME_LEADS),
                        authority(Roles.ADMINS))), engine);
    }

    /** The programme's figures: supervisors, programme leads and administrators. */
    @Bean
    @Order(2)
    SecurityFilterChain figuresPage(HttpSecurity http, @Value("${camunda.bpm.process-engine-name:default}") String engine)
            throws Exception {
        return pages(http.securityMatcher("/tableau-de-bord/**", "/tableau-de-bord")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(authority(Roles.SUPERVISORS),
                        authority(Roles.PROGRAMME_LEADS), authority(Roles.ADMINS))), engine);
    }

    /**
     * Our pages share the Camunda webapps' login (same session); a browser that is not logged in goes to
     * Camunda's French login page, scripts and tools still use HTTP Basic.
     */
    private static SecurityFilterChain pages(HttpSecurity http, String engine) throws Exception {
        var login = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
                "/camunda/app/welcome/" + engine + "/");
        var basic = new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
        basic.setRealmName("Passerelle");
        basic.afterPropertiesSet();
        var script = new org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher("Authorization");
        var browser = new org.springframework.security.web.util.matcher.MediaTypeRequestMatcher(org.springframework.http.MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(java.util.Set.of(org.springframework.http.MediaType.ALL));
        return http.addFilterBefore(new CamundaSessionAuthentication(engine),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .httpBasic(b -> b.realmName("Passerelle").authenticationEntryPoint(basic))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(basic, script)
                        .defaultAuthenticationEntryPointFor(login, browser)
                        .defaultAuthenticationEntryPointFor(basic, org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE))
                .build();
    }

    /** Camunda's webapps and REST API bring their own authentication and CSRF protection. */
    @Bean
    @Order(3)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
