package org.passerelle.channels.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.Instant;

/** Proof that a platform event (message, status, lead) has had its effect. */
@Entity
public class ProcessedEvent {

    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) Platform platform, String eventId) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Column(nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    public ProcessedEvent(Platform platform, String eventId, Instant at) {
        this.key = new Key(platform, eventId);
        this.processedAt = at;
    }
}
