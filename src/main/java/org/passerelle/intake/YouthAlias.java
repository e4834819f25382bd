package org.passerelle.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;

/** One more identifier of a youth on a channel (e.g. a WhatsApp business-scoped user id beside the phone). */
@Entity
public class YouthAlias {

    @Embeddable
    public record Key(String channel, String alias) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(nullable = false)
    private String externalId;
    @Column(nullable = false)
    private Instant createdAt;

    protected YouthAlias() {
    }

    public YouthAlias(String channel, String alias, String externalId, Instant createdAt) {
        this.key = new Key(channel, alias);
        this.externalId = externalId;
        this.createdAt = createdAt;
    }

    public String getExternalId() {
        return externalId;
    }
}
