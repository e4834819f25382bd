package org.passerelle.channels.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.passerelle.channels.ChannelsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks of the WhatsApp Cloud API, Messenger / Lead Ads and programme sites. Checks in order:
 * size (413), signature or API key (401), JSON (400), known object (else 200, ignored and counted);
 * then the delivery is stored and its processing scheduled before we answer 200.
 */
@RestController
@RequestMapping("/webhooks")
public class WebhookController {

    private static final java.time.Duration BODY_READ_TIME = java.time.Duration.ofSeconds(10);

    private final ChannelsProperties properties;
    private final Inbox inbox;
    private final MetaWebhookParser parser;
    private final ObjectMapper json;

    public WebhookController(ChannelsProperties properties, Inbox inbox, MetaWebhookParser parser, ObjectMapper json) {
        this.properties = properties;
        this.inbox = inbox;
        this.parser = parser;
        this.json = json;
    }

    @GetMapping({"/whatsapp", "/messenger"})
    public ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.meta().verifyToken();
        boolean valid = "subscribe".equals(mode) && token != null && expected != null && !expected.isBlank()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        return valid ? ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge)
                : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping("/whatsapp")
    public ResponseEntity<?> whatsApp(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            HttpServletRequest request) throws IOException {
        return meta(Platform.WHATSAPP, signature, request);
    }

    @PostMapping("/messenger")
    public ResponseEntity<?> messenger(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            HttpServletRequest request) throws IOException {
        return meta(Platform.MESSENGER, signature, request);
    }

    @PostMapping("/web/{site}")
    public ResponseEntity<?> web(@PathVariable String site, @RequestHeader(name = "X-Api-Key", required = false) String apiKey,
            HttpServletRequest request) throws IOException {
        byte[] body = readLimited(request);
        if (body == null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + properties.maxBodyBytes() + " bytes");
        }
        String expected = properties.webSites().get(site);
        if (apiKey == null || expected == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
            return problem(HttpStatus.UNAUTHORIZED, "Unknown site or wrong X-Api-Key");
        }
        JsonNode parsed = parse(body);
        if (parsed == null || !WebForm.isValid(parsed)) {
            return problem(HttpStatus.BAD_REQUEST, "Expected JSON with messageId, sessionId (≤160) and message (≤4000)");
        }
        inbox.accept(Platform.WEB, new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.ok().build();
    }

    private ResponseEntity<?> meta(Platform platform, String signature, HttpServletRequest request) throws IOException {
        byte[] body = readLimited(request);
        if (body == null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + properties.maxBodyBytes() + " bytes");
        }
        if (!WebhookSignature.isValid(body, signature, properties.meta().appSecret())) {
            return problem(HttpStatus.UNAUTHORIZED, "Missing or invalid X-Hub-Signature-256");
        }
        JsonNode parsed = parse(body);
        if (parsed == null) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON");
        }
        if (!parser.isKnownObject(platform, parsed)) {
            inbox.ignore(platform, "object " + parsed.path("object").asText("?"));
            return ResponseEntity.ok().build();
        }
        inbox.accept(platform, new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.ok().build();
    }

    /**
     * The raw body, or null when it is over the limit (checked before and while reading). A body that takes
     * longer than {@link #BODY_READ_TIME} to arrive is refused: the platforms send theirs at once.
     */
    private byte[] readLimited(HttpServletRequest request) throws IOException {
        int limit = properties.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        long deadline = System.nanoTime() + BODY_READ_TIME.toNanos();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                body.write(buffer, 0, read);
                if (body.size() > limit) {
                    return null;
                }
                if (System.nanoTime() > deadline) {
                    throw new SlowBodyException();
                }
            }
        }
        return body.toByteArray();
    }

    /**
     * The database is unreachable (restarting, failing over): nothing was stored, so nothing is acknowledged.
     * 503 asks the platform to deliver again later, as Meta does for any answer but 200.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable, deliver again later"));
    }

    /** The body arrived too slowly: 408, and the connection is closed. */
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.REQUEST_TIMEOUT)
    static class SlowBodyException extends RuntimeException {
        SlowBodyException() {
            super("Webhook body too slow", null, false, false);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException malformed) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
