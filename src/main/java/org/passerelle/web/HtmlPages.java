package org.passerelle.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
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

    /** The templates' engine, outside Spring's context: these pages are built by static calls. */
    private static final SpringTemplateEngine TEMPLATES = templates();

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return render(status, title, body, null);
    }

    /** A page for the programme's team: the same layout with a navigation by role and a logout link. */
    public static ResponseEntity<String> staffPage(HttpStatus status, String title, String body) {
        return render(status, title, body, TemplatePages.navigation());
    }

    /** The layout template (templates/layout.html) around a body written in Java. */
    private static ResponseEntity<String> render(HttpStatus status, String title, String body, TemplatePages.Navigation navigation) {
        Context context = new Context(Locale.FRENCH);
        context.setVariable("title", title);
        context.setVariable("bodyHtml", body);
        context.setVariable("navigation", navigation);
        return withHeaders(status, TEMPLATES.process("java-page", context));
    }

    /** What every page of ours is sent with: no caching, no referrer, no script, no sniffing. */
    static ResponseEntity<String> withHeaders(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    public static String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
