package org.passerelle.channels.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A webhook delivery as the platform sent it, kept until processed (and for replay). */
@Entity
public class InboxDelivery {

    public enum Status { RECEIVED, PROCESSED, IGNORED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Platform platform;
    @Column(nullable = false)
    private Instant receivedAt;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private int attempts;
    private Instant processedAt;
    private String note;
    /** The intake job applying this delivery, and until when its claim holds (a dead node's claim expires). */
    private String claimedBy;
    private Instant claimedUntil;

    protected InboxDelivery() {
    }

    private InboxDelivery(Platform platform, String body, Status status, String note, Instant at) {
        this.platform = platform;
        this.body = body;
        this.status = status;
        this.note = note;
        this.receivedAt = at;
    }

    public static InboxDelivery received(Platform platform, String body, Instant at) {
        return new InboxDelivery(platform, body, Status.RECEIVED, null, at);
    }

    /** Counted, not kept: an ignored delivery's body is dropped (it may hold personal data). */
    public static InboxDelivery ignored(Platform platform, String why, Instant at) {
        return new InboxDelivery(platform, "", Status.IGNORED, why, at);
    }

    public Long getId() { return id; }
    public Platform getPlatform() { return platform; }
    public String getBody() { return body; }
    public Status getStatus() { return status; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getNote() { return note; }
    public int getAttempts() { return attempts; }
    public String getClaimedBy() { return claimedBy; }
    public Instant getClaimedUntil() { return claimedUntil; }

    /** Taken out of the batches for good: its own webhookDelivery process retries it (and shows its incident). */
    public void handedToOwnJob() {
        this.claimedBy = HANDED_OFF;
        this.claimedUntil = Instant.parse("9999-12-31T00:00:00Z");
    }

    public static final String HANDED_OFF = "webhookDelivery";

    public void attempted() {
        this.attempts++;
    }

    /** Applied as far as it can be: what could not be read is named in the note (never personal data). */
    public void processed(Instant at, String note) {
        processed(at);
        this.note = note;
    }

    /** The payload without an erased person's events (the others' stay to be applied). */
    void replaceBody(String body) {
        this.body = body;
    }

    /** Once applied, the raw body is no longer needed (redeliveries are recognised by their event ids). */
    public void processed(Instant at) {
        this.status = Status.PROCESSED;
        this.processedAt = at;
        this.body = "";
    }
}
