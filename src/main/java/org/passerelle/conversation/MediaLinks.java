package org.passerelle.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a youth sent on WhatsApp as the mediator reads it: a photo, a document or a voice message becomes a link
 * the team opens in Passerelle (fetched from WhatsApp when opened, never stored).
 */
@Component
public class MediaLinks {

    private static final Pattern WHATSAPP_MEDIA = Pattern.compile("^\\[(image|video|audio|document|sticker) (\\d{1,40})\\]");

    /** Where Passerelle serves a WhatsApp media to the team. */
    public static final String PATH = "/medias/whatsapp/";

    private final String publicUrl;

    public MediaLinks(@Value("${passerelle.referral.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The text of a message the youth sent on this channel, media as links. */
    public String readable(String channel, String body) {
        if (body == null || !"whatsapp".equals(channel)) {
            return body;
        }
        Matcher media = WHATSAPP_MEDIA.matcher(body);
        if (!media.find()) {
            return body;
        }
        String kind = switch (media.group(1)) {
            case "image" -> "photo";
            case "video" -> "vidéo";
            case "audio" -> "message vocal";
            case "document" -> "document";
            default -> "autocollant";
        };
        return "[" + kind + " à ouvrir : " + publicUrl.replaceAll("/+$", "") + PATH + media.group(2) + "]" + body.substring(media.end());
    }
}
