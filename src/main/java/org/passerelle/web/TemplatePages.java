package org.passerelle.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pages drawn from Thymeleaf templates (src/main/resources/templates): one layout, every value escaped unless a
 * template says otherwise, the same security headers as {@link HtmlPages}. The team's pages get the navigation of
 * the signed-in person's roles.
 */
@Component
public class TemplatePages {

    /** One link of the team's navigation. */
    public record Link(String href, String label) {
    }

    /** What the navigation shows: the links the person's roles open, and who is signed in. */
    public record Navigation(List<Link> links, String user) {
    }

    private final ITemplateEngine templates;

    public TemplatePages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A page for the programme's team: the layout, the navigation by role, then the template's content. */
    public ResponseEntity<String> staffPage(HttpStatus status, String template, String title, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("navigation", navigation());
        return page(status, template, title, all);
    }

    public ResponseEntity<String> page(HttpStatus status, String template, String title, Map<String, Object> values) {
        Context context = new Context(Locale.FRENCH);
        context.setVariables(values);
        context.setVariable("title", title);
        return HtmlPages.withHeaders(status, templates.process(template, context));
    }

    static Navigation navigation() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        authentication.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
        java.util.function.Predicate<String> has = group -> roles.contains(Roles.authorityOf(group).getAuthority())
                || roles.contains(Roles.authorityOf(Roles.ADMINS).getAuthority());
        List<Link> links = new ArrayList<>(List.of(new Link("/camunda/app/tasklist/", "Tâches")));
        if (has.test(Roles.PROGRAMME_LEADS) || has.test(Roles.SUPERVISORS)) {
            links.addAll(List.of(new Link("/camunda/app/cockpit/", "Suivi des parcours"), new Link("/tableau-de-bord", "Chiffres du programme"),
                    new Link("/tableau-de-bord/campagnes", "Campagnes")));
        }
        if (has.test(Roles.PROGRAMME_LEADS)) {
            links.addAll(List.of(new Link("/annuaire/partenaires", "Annuaire des partenaires"),
                    new Link("/programme/textes", "Textes du programme"), new Link("/programme/mentors", "Mentors")));
        }
        return new Navigation(links, authentication.getName());
    }
}
