package org.passerelle.channels.inbox;

/** Where a webhook delivery comes from; the channel code is what journeys record. */
public enum Platform {
    WHATSAPP("whatsapp"), MESSENGER("messenger"), LEAD_ADS("leadAds"), WEB("web");

    private final String channel;

    Platform(String channel) {
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }
}
