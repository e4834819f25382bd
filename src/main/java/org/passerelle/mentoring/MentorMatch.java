package org.passerelle.mentoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A mentor proposed to a youth, and the mentor's answer through a signed link. */
@Entity
public class MentorMatch {

    /** EXPIRED: no answer after the reminder; WITHDRAWN: the mentor left the programme before answering. */
    public enum Status { PROPOSED, ACCEPTED, REFUSED, EXPIRED, WITHDRAWN }

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
    private String linkNonce;
    /** The first meeting the mentor proposes, as typed ("mardi 18 h, en visio"). */
    private String firstMeeting;
    private String declineReason;
    private Instant remindedAt;
    private boolean youthConsent;

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
    public Instant getProposedAt() { return proposedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public String getLinkNonce() { return linkNonce; }
    public String getFirstMeeting() { return firstMeeting; }
    public String getDeclineReason() { return declineReason; }
    public Instant getRemindedAt() { return remindedAt; }
    public boolean isYouthConsent() { return youthConsent; }

    public void sendWith(String nonce, boolean consent) {
        this.linkNonce = nonce;
        this.youthConsent = consent;
    }

    public void reminded(Instant at) {
        this.remindedAt = at;
    }

    /** The mentor's answer; the link is used up at once. */
    public void answer(boolean accepted, String firstMeeting, String declineReason, Instant at) {
        this.status = accepted ? Status.ACCEPTED : Status.REFUSED;
        this.firstMeeting = firstMeeting;
        this.declineReason = declineReason;
        this.answeredAt = at;
        this.linkNonce = null;
    }

    /** Closed without an answer: expired, or the mentor left. */
    public void close(Status status, Instant at) {
        if (this.status == Status.PROPOSED) {
            this.status = status;
            this.answeredAt = at;
            this.linkNonce = null;
        }
    }

    /** The mentor's erasure: what they typed (a meeting place, a phone) goes too. */
    public void forgetMentor() {
        this.firstMeeting = null;
        this.comment = null;
    }

    /** The youth's erasure: what was typed about them goes. */
    public void forgetYouth() {
        this.comment = null;
        this.firstMeeting = null;
    }
}
