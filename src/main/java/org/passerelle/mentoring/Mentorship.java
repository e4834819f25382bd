package org.passerelle.mentoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A youth and a mentor who accepted: from the introduction to its outcome. */
@Entity
public class Mentorship {

    public enum Status { ACTIVE, ENDED }

    /** Who ended it early, or nobody (silence, the programme's duration). */
    public enum EndedBy { MENTOR, YOUTH, MEDIATOR, PASSERELLE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long journeyId;
    @Column(nullable = false)
    private Long mentorId;
    @Column(nullable = false)
    private Long matchId;
    /** The mentor's sector when it started: the figures by sector survive the mentor's erasure. */
    private String sector;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String outcome;
    @Enumerated(EnumType.STRING)
    private EndedBy endedBy;
    @Column(nullable = false)
    private Instant startedAt;
    private Instant endedAt;

    protected Mentorship() {
    }

    public Mentorship(Long journeyId, Long mentorId, Long matchId, String sector, Instant startedAt) {
        this.journeyId = journeyId;
        this.mentorId = mentorId;
        this.matchId = matchId;
        this.sector = sector;
        this.status = Status.ACTIVE;
        this.startedAt = startedAt;
    }

    /** Ends once: a second ending (both sides at once) keeps the first outcome. */
    public boolean end(String outcome, EndedBy by, Instant at) {
        if (status == Status.ENDED) {
            return false;
        }
        this.status = Status.ENDED;
        this.outcome = outcome;
        this.endedBy = by;
        this.endedAt = at;
        return true;
    }

    public Long getId() { return id; }
    public Long getJourneyId() { return journeyId; }
    public Long getMentorId() { return mentorId; }
    public Long getMatchId() { return matchId; }
    public String getSector() { return sector; }
    public Status getStatus() { return status; }
    public String getOutcome() { return outcome; }
    public EndedBy getEndedBy() { return endedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
}
