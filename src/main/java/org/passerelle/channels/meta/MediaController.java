package org.passerelle.channels.meta;

import org.passerelle.channels.ChannelsProperties;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.channels.meta.GraphApi;
import org.passerelle.conversation.MediaLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens an image or document a youth sent on WhatsApp, for the programme's team (the link is in the conversation
 * the mediator reads): fetched from the Graph API when opened, never stored, never cached, never run in the page.
 * Only a media a youth actually sent can be opened.
 */
@RestController
public class MediaController {

    static final String PATH = MediaLinks.PATH;
    private static final java.util.Set<String> SHOWN_INLINE = java.util.Set.of("image/jpeg", "image/png", "image/webp",
            "application/pdf", "audio/ogg", "audio/mpeg", "audio/aac", "video/mp4");

    private final GraphApi graph;
    private final ChannelsProperties properties;
    private final ConversationMessageRepository messages;

    public MediaController(GraphApi graph, ChannelsProperties properties, ConversationMessageRepository messages) {
        this.graph = graph;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping(PATH + "{mediaId}")
    public ResponseEntity<byte[]> open(@PathVariable String mediaId) {
        if (!mediaId.matches("\\d{1,40}") || !messages.existsByDirectionAndChannelAndBodyContaining(
                ConversationMessage.Direction.IN, "whatsapp", " " + mediaId + "]")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Média introuvable dans les conversations.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var media = graph.whatsAppMedia(mediaId, properties.meta().whatsappToken());
        if (media.isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_PLAIN)
                    .body("WhatsApp ne fournit plus ce média (les médias expirent après quelques semaines)."
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String type = media.get().mimeType().split(";")[0].strip().toLowerCase();
        boolean inline = SHOWN_INLINE.contains(type);
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment") + "; filename=\"media-" + mediaId + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
                .cacheControl(CacheControl.noStore())
                .body(media.get().bytes());
    }

}
