package org.passerelle.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** Passerelle's own small pages (partners' answers, the directory): one layout, escaped text. */
public final class HtmlPages {

    private HtmlPages() {
    }

    /** No script at all on our pages: whatever text slipped through escaping could not run. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                .body("""
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%1$s — Passerelle</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
                fieldset{margin:1rem 0;padding:1rem}label{display:block;margin:.5rem 0 .2rem}button{display:block;margin-top:.8rem;padding:.5rem 1rem}
                table{border-collapse:collapse;width:100%%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}
                .errors{color:#a00}input,select,textarea{max-width:100%%;box-sizing:border-box}fieldset{min-width:0}</style>
                </head><body><h1>%1$s</h1>%2$s</body></html>""".formatted(escape(title), body));
    }

    /** A page for the programme's team: the same layout with a navigation by role and a logout link. */
    public static ResponseEntity<String> staffPage(HttpStatus status, String title, String body) {
        return page(status, title, navigation() + body);
    }

    private static String navigation() {
        TemplatePages.Navigation navigation = TemplatePages.navigation();
        if (navigation == null) {
            return "";
        }
        return "<nav aria-label=\"Passerelle\">" + navigation.links().stream()
                .map(link -> "<a href=\"" + link.href() + "\">" + escape(link.label()) + "</a>")
                .collect(java.util.stream.Collectors.joining(" · "))
                + " · " + escape(navigation.user()) + " · <a href=\"/deconnexion\">Se déconnecter</a></nav>";
    }

    public static String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
