package org.passerelle.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pages drawn from Thymeleaf templates (src/main/resources/templates): one layout, every value escaped unless a
 * template says otherwise, sent with the headers below (no script at all). The team's pages get the navigation of
 * the signed-in person's roles.
 */
@Component
public class TemplatePages {

    /** One link of the team's navigation; its label is a key of messages.properties. */
    public record Link(String href, String labelKey) {
    }

    /** What the navigation shows: the links the person's roles open, and who is signed in. */
    public record Navigation(List<Link> links, String user) {
    }

    /** No script at all on our pages: whatever text slipped through escaping could not run. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ITemplateEngine templates;

    public TemplatePages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A page for the programme's team: the layout, the navigation by role, then the template's content. */
    public ResponseEntity<String> staffPage(HttpStatus status, String template, String title, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("navigation", navigation());
        all.putIfAbsent("csrf", currentCsrfToken());
        return page(status, template, title, all);
    }

    public ResponseEntity<String> page(HttpStatus status, String template, String title, Map<String, Object> values) {
        Context context = new Context(Locale.FRENCH);
        context.setVariables(values);
        context.setVariable("title", title);
        return withHeaders(status, templates.process(template, context));
    }

    /** What every page of ours is sent with: no caching, no referrer, no script, no sniffing. */
    private static ResponseEntity<String> withHeaders(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    /** The request's anti-forgery token, for the forms of the team's pages (none outside a request). */
    private static Object currentCsrfToken() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getAttribute(CsrfToken.class.getName()) : null;
    }

    private static Navigation navigation() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        authentication.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
        java.util.function.Predicate<String> has = group -> roles.contains(Roles.authorityOf(group).getAuthority())
                || roles.contains(Roles.authorityOf(Roles.ADMINS).getAuthority());
        List<Link> links = new ArrayList<>(List.of(new Link("/camunda/app/tasklist/", "nav.tasks")));
        if (has.test(Roles.PROGRAMME_LEADS) || has.test(Roles.SUPERVISORS)) {
            links.addAll(List.of(new Link("/camunda/app/cockpit/", "nav.cockpit"), new Link("/tableau-de-bord", "nav.figures"),
                    new Link("/tableau-de-bord/campagnes", "nav.campaigns")));
        }
        if (has.test(Roles.PROGRAMME_LEADS)) {
            links.addAll(List.of(new Link("/annuaire/partenaires", "nav.directory"),
                    new Link("/programme/textes", "nav.texts"), new Link("/programme/mentors", "nav.mentors")));
        }
        return new Navigation(links, authentication.getName());
    }
}
