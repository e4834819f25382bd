package org.passerelle.journey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.passerelle.intake.Youth;

/** One youth's journey with a programme, from first contact to its outcome. */
@Entity
public class Journey {

    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Youth youth;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String outcome;
    @Column(nullable = false)
    private Instant openedAt;
    private Instant closedAt;
    /** Last time the youth wrote or was reached: the follow-up cadence counts from here. */
    @Column(nullable = false)
    private Instant lastContactAt;
    private int nudgesSent;
    private int unansweredNudges;

    protected Journey() {
    }

    public Journey(Youth youth, Instant openedAt) {
        this.youth = youth;
        this.status = Status.OPEN;
        this.openedAt = openedAt;
        this.lastContactAt = openedAt;
    }

    public Long getId() { return id; }
    public Youth getYouth() { return youth; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Status getStatus() { return status; }
    public String getOutcome() { return outcome; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getLastContactAt() { return lastContactAt; }
    public int getNudgesSent() { return nudgesSent; }
    public int getUnansweredNudges() { return unansweredNudges; }

    public void youthReached(Instant at) {
        this.lastContactAt = at;
        this.unansweredNudges = 0;
    }

    public void nudgeSent() {
        this.nudgesSent++;
        this.unansweredNudges++;
    }

    /** A phone call that did not reach the youth counts as one more unanswered attempt. */
    public void callUnanswered() {
        this.unansweredNudges++;
    }

    public void close(String outcome, Instant at) {
        this.status = Status.CLOSED;
        this.outcome = outcome;
        this.closedAt = at;
    }
}
