package org.passerelle.mentoring;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.passerelle.referral.ReferralLinks;
import org.springframework.stereotype.Component;

/** The signed links a mentor answers through, without an account: one purpose per page, so none opens another. */
@Component
public class MentorLinks {

    /** What a link is for, its page and how long it stays valid. */
    public enum Purpose {
        CONFIRM("mentor-confirm", "/mentors/confirmation", Duration.ofDays(7)),
        SPACE("mentor-space", "/mentors/espace", Duration.ofDays(365)),
        PROPOSAL("mentor-proposal", "/mentors/proposition", Duration.ofDays(30)),
        CHECK_IN("mentor-checkin", "/mentors/point", Duration.ofDays(30));

        final String code;
        final String path;
        final Duration validity;

        Purpose(String code, String path, Duration validity) {
            this.code = code;
            this.path = path;
            this.validity = validity;
        }

        public String path() {
            return path;
        }
    }

    private final ReferralLinks links;

    public MentorLinks(ReferralLinks links) {
        this.links = links;
    }

    public static String newNonce() {
        return ReferralLinks.newNonce();
    }

    public String token(Purpose purpose, Long id, String nonce) {
        return links.token(purpose.code, id, nonce, purpose.validity);
    }

    /** A link valid for its purpose's duration from a given moment (a confirmation sent again: the same link). */
    public String url(Purpose purpose, Long id, String nonce, java.time.Instant from) {
        return links.publicUrl(purpose.path + "?t=" + URLEncoder.encode(links.token(purpose.code, id, nonce,
                from.plus(purpose.validity)), StandardCharsets.UTF_8));
    }

    public String url(Purpose purpose, Long id, String nonce) {
        return links.publicUrl(purpose.path + "?t=" + URLEncoder.encode(token(purpose, id, nonce), StandardCharsets.UTF_8));
    }

    public ReferralLinks.Verified verify(Purpose purpose, String token) {
        return links.verify(purpose.code, token);
    }
}
