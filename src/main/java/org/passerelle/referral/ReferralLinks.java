package org.passerelle.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The link a partner answers through, without an account: referral id, expiry and a single-use
 * nonce, signed with HMAC-SHA256 and the server's secret.
 */
@Component
public class ReferralLinks {

    public enum Check { VALID, TAMPERED, EXPIRED }

    /** What a presented token says, once its signature is checked. */
    public record Verified(Check check, Long referralId, String nonce) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReferralSettings settings;
    private final Clock clock;

    public ReferralLinks(ReferralSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public static String newNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Valid until the referral expires, plus a day's grace for a partner answering at the last minute. */
    public String token(Long referralId, String nonce, Duration validity) {
        String payload = referralId + "." + clock.instant().plus(validity).getEpochSecond() + "." + nonce;
        return payload + "." + sign(payload);
    }

    public String url(String token) {
        return settings.getPublicUrl() + "/partenaires/orientation?t=" + token;
    }

    public Verified verify(String token) {
        return token == null ? new Verified(Check.TAMPERED, null, null) : verifySigned(token, "");
    }

    /**
     * Any other link answered without an account (a mentor's): the same secret, and a purpose in the signed payload
     * so that a link made for one page is refused by every other.
     */
    public String token(String purpose, Long id, String nonce, Duration validity) {
        return token(purpose, id, nonce, clock.instant().plus(validity));
    }

    /** The same, valid until a given instant: a link sent again is the very same link. */
    public String token(String purpose, Long id, String nonce, java.time.Instant expiry) {
        String payload = purpose + "." + id + "." + expiry.getEpochSecond() + "." + nonce;
        return payload + "." + sign(payload);
    }

    public Verified verify(String purpose, String token) {
        if (token == null || !token.startsWith(purpose + ".")) {
            return new Verified(Check.TAMPERED, null, null);
        }
        return verifySigned(token.substring(purpose.length() + 1), purpose + ".");
    }

    private Verified verifySigned(String rest, String signedPrefix) {
        int lastDot = rest.lastIndexOf('.');
        String[] parts = lastDot < 0 ? new String[0] : rest.substring(0, lastDot).split("\\.");
        if (parts.length != 3 || !MessageDigest.isEqual(sign(signedPrefix + rest.substring(0, lastDot)).getBytes(StandardCharsets.US_ASCII),
                rest.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return new Verified(Check.TAMPERED, null, null);
        }
        try {
            Long id = Long.valueOf(parts[0]);
            Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            return new Verified(clock.instant().isAfter(expiry) ? Check.EXPIRED : Check.VALID, id, parts[2]);
        } catch (NumberFormatException e) {
            return new Verified(Check.TAMPERED, null, null);
        }
    }

    public String publicUrl(String pathAndQuery) {
        return settings.getPublicUrl() + pathAndQuery;
    }

    private String sign(String payload) {
        String secret = settings.getLinkSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("passerelle.referral.link-secret (PASSERELLE_LINK_SECRET) is not set");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
