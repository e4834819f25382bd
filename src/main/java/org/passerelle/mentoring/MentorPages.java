package org.passerelle.mentoring;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.passerelle.referral.ReferralSettings;
import org.passerelle.web.TemplatePages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What every page a mentor opens from an email shares: whom to ask, and the same answer to a bad link. */
@Component
class MentorPages {

    private final String teamContact;
    private final TemplatePages templates;

    MentorPages(ReferralSettings settings, TemplatePages templates) {
        this.teamContact = settings.getTeamContact();
        this.templates = templates;
    }

    /** A mentor's page (templates/mentor/…): the template shows the part named by its "view". */
    ResponseEntity<String> page(HttpStatus status, String template, String title, String view, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("view", view);
        all.put("teamContact", teamContact);
        return templates.page(status, "mentor/" + template, title, all);
    }

    ResponseEntity<String> invalid() {
        return page(HttpStatus.BAD_REQUEST, "link-state", "Lien invalide", "invalid", Map.of());
    }

    ResponseEntity<String> expired() {
        return page(HttpStatus.GONE, "link-state", "Lien expiré", "expired", Map.of());
    }

    ResponseEntity<String> alreadyAnswered() {
        return page(HttpStatus.CONFLICT, "link-state", "Réponse déjà enregistrée", "alreadyAnswered", Map.of());
    }

    ResponseEntity<String> notSaved() {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "link-state", "Réponse non enregistrée", "notSaved", Map.of());
    }

    static String encoded(String token) {
        return URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
    }

    /** What a person typed, kept within a column's length and without control characters. */
    static String note(String typed) {
        if (typed == null) {
            return null;
        }
        String clean = typed.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").strip();
        return clean.isEmpty() ? null : clean;
    }
}
