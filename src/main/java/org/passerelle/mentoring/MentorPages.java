package org.passerelle.mentoring;

import org.passerelle.referral.ReferralSettings;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What every page a mentor opens from an email shares: whom to ask, and the same answer to a bad link. */
@Component
class MentorPages {

    private final String teamContact;

    MentorPages(ReferralSettings settings) {
        this.teamContact = settings.getTeamContact();
    }

    ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return HtmlPages.page(status, title, body + "<p>Une question ? L'équipe Passerelle : " + HtmlPages.escape(teamContact) + "</p>");
    }

    ResponseEntity<String> invalid() {
        return page(HttpStatus.BAD_REQUEST, "Lien invalide", "<p>Ce lien est incomplet ou a été modifié. "
                + "Utilisez le lien reçu par courriel.</p>");
    }

    ResponseEntity<String> expired() {
        return page(HttpStatus.GONE, "Lien expiré", "<p>Ce lien n'est plus valable. L'équipe de médiation a repris la main : "
                + "contactez-la si besoin.</p>");
    }

    ResponseEntity<String> alreadyAnswered() {
        return page(HttpStatus.CONFLICT, "Réponse déjà enregistrée", "<p>Une réponse a déjà été donnée par ce lien. "
                + "Rien n'a été modifié.</p>");
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + HtmlPages.escape(value) + "\">";
    }

    static String options(java.util.Map<String, String> values) {
        return values.entrySet().stream().map(e -> "<option value=\"" + e.getKey() + "\">" + HtmlPages.escape(e.getValue()) + "</option>")
                .collect(java.util.stream.Collectors.joining());
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
