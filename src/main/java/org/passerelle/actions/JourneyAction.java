package org.passerelle.actions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One action run with a youth (CV, cover letter, job fair…), with its due date and outcome. */
@Entity
@Table(name = "journey_action")
public class JourneyAction {

    public enum Status { PLANNED, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long journeyId;
    /** The action type's code; its label as it was when planned (a later table may rename it). */
    @Column(nullable = false)
    private String type;
    private String label;
    @Column(nullable = false)
    private Instant dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String outcome;
    private String note;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant completedAt;

    protected JourneyAction() {
    }

    public JourneyAction(Long journeyId, ActionType type, Instant dueDate, Instant createdAt) {
        this.journeyId = journeyId;
        this.type = type.code();
        this.label = type.label();
        this.dueDate = dueDate;
        this.status = Status.PLANNED;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getJourneyId() { return journeyId; }
    public String getType() { return type; }
    public String getLabel() { return label; }
    public Instant getDueDate() { return dueDate; }
    public Status getStatus() { return status; }
    public String getOutcome() { return outcome; }
    public String getNote() { return note; }
    public Instant getCompletedAt() { return completedAt; }

    public void eraseNote() {
        this.note = null;
    }

    public void complete(String outcome, String note, Instant at) {
        this.status = Status.DONE;
        this.outcome = outcome;
        this.note = note;
        this.completedAt = at;
    }
}
