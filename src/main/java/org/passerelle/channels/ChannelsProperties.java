package org.passerelle.channels;

import org.passerelle.conversation.Template;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A programme's messaging accounts. Leave a token empty and that channel only records its messages.
 *
 * @param maxBodyBytes largest webhook body accepted (the platforms send at most a few MB)
 * @param meta the Meta app (WhatsApp Cloud API, Messenger, Lead Ads)
 * @param webSites API key of each programme site allowed to post from its own form or chatbot
 */
@ConfigurationProperties("passerelle.channels")
public record ChannelsProperties(int maxBodyBytes, Meta meta, Map<String, String> webSites) {

    public ChannelsProperties {
        if (maxBodyBytes <= 0) {
            maxBodyBytes = 3 * 1024 * 1024;
        }
        meta = meta == null ? new Meta(null, null, null, null, null, null, null, null, null, null) : meta;
        webSites = webSites == null ? Map.of() : webSites;
    }

    /**
     * @param appSecret signs every webhook (X-Hub-Signature-256)
     * @param verifyToken answers the subscription handshake
     * @param graphBaseUrl the Graph API host (a local stub in tests)
     * @param graphVersion e.g. v23.0
     * @param whatsappPhoneNumberId the programme's WhatsApp sender
     * @param whatsappToken system-user token for the WhatsApp Cloud API
     * @param pageToken page token for Messenger and Lead Ads
     * @param nudgeTemplate approved WhatsApp template used outside the 24-hour window
     * @param leadConsentField the lead form question by which a youth accepts to be contacted on WhatsApp
     * @param templates approved WhatsApp template of each other automated message, by purpose (see {@code Template})
     */
    public record Meta(String appSecret, String verifyToken, String graphBaseUrl, String graphVersion,
            String whatsappPhoneNumberId, String whatsappToken, String pageToken, String nudgeTemplate,
            String leadConsentField, Map<String, String> templates) {

        public Meta {
            graphBaseUrl = graphBaseUrl == null || graphBaseUrl.isBlank() ? "https://graph.facebook.com" : graphBaseUrl;
            graphVersion = graphVersion == null || graphVersion.isBlank() ? "v23.0" : graphVersion;
            nudgeTemplate = nudgeTemplate == null || nudgeTemplate.isBlank() ? "relance_passerelle" : nudgeTemplate;
            leadConsentField = leadConsentField == null || leadConsentField.isBlank() ? "consentement_whatsapp" : leadConsentField;
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }

        /** The approved template for a purpose: the nudge one for nudges and for a mediator's own answer. */
        public String templateFor(String purpose) {
            if (purpose == null || org.passerelle.conversation.Template.NUDGE.equals(purpose)) {
                return nudgeTemplate;
            }
            String name = templates.get(purpose);
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("No approved WhatsApp template configured for '" + purpose
                        + "' (passerelle.channels.meta.templates)");
            }
            return name;
        }
    }
}
