package org.passerelle.mentoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A mentor proposed to a youth, and the mentor's answer. */
@Entity
public class MentorMatch {

    public enum Status { PROPOSED, ACCEPTED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long journeyId;
    @Column(nullable = false)
    private Long mentorId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String comment;
    @Column(nullable = false)
    private Instant proposedAt;
    private Instant answeredAt;

    protected MentorMatch() {
    }

    public MentorMatch(Long journeyId, Long mentorId, Instant proposedAt) {
        this.journeyId = journeyId;
        this.mentorId = mentorId;
        this.status = Status.PROPOSED;
        this.proposedAt = proposedAt;
    }

    public Long getId() { return id; }
    public Long getJourneyId() { return journeyId; }
    public Long getMentorId() { return mentorId; }
    public Status getStatus() { return status; }
    public String getComment() { return comment; }
    public Instant getAnsweredAt() { return answeredAt; }

    public void answer(boolean accepted, String comment, Instant at) {
        this.status = accepted ? Status.ACCEPTED : Status.REFUSED;
        this.comment = comment;
        this.answeredAt = at;
    }
}
