package org.passerelle.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One message of a journey's conversation. Outbound rows are the outbox: written in the same
 * transaction as the process step that decided to send them, delivered afterwards.
 */
@Entity
public class ConversationMessage {

    public enum Direction { IN, OUT }

    public enum Kind { FIRST_CONTACT, YOUTH_MESSAGE, ANSWER, NUDGE }

    public enum Status { RECEIVED, PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long journeyId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String channel;
    @Column(nullable = false)
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant sentAt;
    /** The platform's id of a sent message, to match its delivery and read statuses. */
    private String providerMessageId;
    private String deliveryStatus;
    /** Outside the 24-hour window: which approved template, with which parameters (JSON array). */
    private String templatePurpose;
    private String templateParameters;
    /** Answers the youth can tap inside the window, "|"-separated; the body still says them for other channels. */
    private String quickReplies;

    protected ConversationMessage() {
    }

    private ConversationMessage(Long journeyId, Direction direction, Kind kind, String channel, String body,
            Status status, Instant createdAt) {
        this.journeyId = journeyId;
        this.direction = direction;
        this.kind = kind;
        this.channel = channel;
        this.body = body;
        this.status = status;
        this.createdAt = createdAt;
    }

    public static ConversationMessage inbound(Long journeyId, Kind kind, String channel, String body, Instant at) {
        return new ConversationMessage(journeyId, Direction.IN, kind, channel, body, Status.RECEIVED, at);
    }

    public static ConversationMessage outbound(Long journeyId, Kind kind, String channel, String body, Instant at) {
        return new ConversationMessage(journeyId, Direction.OUT, kind, channel, body, Status.PENDING, at);
    }

    public static ConversationMessage outbound(Long journeyId, Kind kind, String channel, String body, Template template,
            Instant at) {
        ConversationMessage message = outbound(journeyId, kind, channel, body, at);
        if (template != null) {
            message.templatePurpose = template.purpose();
            message.templateParameters = org.camunda.spin.Spin.JSON(template.parameters()).toString();
        }
        return message;
    }

    /** Short answers to tap (20 characters each, the platforms' limit): up to three as buttons, up to ten as a list. */
    public void offer(java.util.List<String> replies) {
        if (replies == null || replies.isEmpty()) {
            return;
        }
        if (replies.size() > 10 || replies.stream().anyMatch(r -> r.isBlank() || r.length() > 20 || r.contains("|"))) {
            throw new IllegalArgumentException("At most 10 quick replies of 1 to 20 characters");
        }
        this.quickReplies = String.join("|", replies);
    }

    public java.util.List<String> quickReplies() {
        return quickReplies == null ? java.util.List.of() : java.util.List.of(quickReplies.split("\\|"));
    }

    /** The template this message becomes outside the window; null for a mediator's own answer (the nudge one then). */
    public Template template() {
        return templatePurpose == null ? null : new Template(templatePurpose,
                org.camunda.spin.Spin.JSON(templateParameters).elements().stream().map(e -> e.stringValue()).toList());
    }

    public Long getId() { return id; }
    public Long getJourneyId() { return journeyId; }
    public Direction getDirection() { return direction; }
    public Kind getKind() { return kind; }
    public String getChannel() { return channel; }
    public String getBody() { return body; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }

    public String getProviderMessageId() { return providerMessageId; }
    public String getDeliveryStatus() { return deliveryStatus; }

    public void markSent(Instant at) {
        markSent(at, null);
    }

    public void markSent(Instant at, String providerMessageId) {
        this.status = Status.SENT;
        this.sentAt = at;
        this.providerMessageId = providerMessageId;
    }

    /** Platforms deliver statuses out of order: "read" then a late "delivered" keeps "read"; "failed" is final. */
    public void deliveryStatus(String status) {
        if (rank(status) > rank(deliveryStatus)) {
            this.deliveryStatus = status;
        }
    }

    private static int rank(String status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            case "failed" -> 4;
            default -> 0;
        };
    }

    public void markFailed() {
        this.status = Status.FAILED;
    }
}
