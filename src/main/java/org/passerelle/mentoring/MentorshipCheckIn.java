package org.passerelle.mentoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One check-in: the mentor answers through a link, the youth by replying 1, 2 or 3. */
@Entity
@Table(name = "mentorship_check_in")
public class MentorshipCheckIn {

    /** What either side says: it goes well, not met yet, or it is over. */
    public static final String GOING_WELL = "bien";
    public static final String NOT_MET_YET = "pasEncoreVus";
    public static final String OVER = "termine";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long mentorshipId;
    @Column(nullable = false)
    private Instant askedAt;
    private String linkNonce;
    private String mentorAnswer;
    private String mentorNote;
    private Instant mentorAnsweredAt;
    private String youthAnswer;
    private Instant youthAnsweredAt;

    protected MentorshipCheckIn() {
    }

    public MentorshipCheckIn(Long mentorshipId, String linkNonce, Instant askedAt) {
        this.mentorshipId = mentorshipId;
        this.linkNonce = linkNonce;
        this.askedAt = askedAt;
    }

    public boolean answeredByAnyone() {
        return mentorAnswer != null || youthAnswer != null;
    }

    public void mentorAnswered(String answer, String note, Instant at) {
        this.mentorAnswer = answer;
        this.mentorNote = note;
        this.mentorAnsweredAt = at;
        this.linkNonce = null;
    }

    public void youthAnswered(String answer, Instant at) {
        this.youthAnswer = answer;
        this.youthAnsweredAt = at;
    }

    /** The mentor's or the youth's erasure: the mentor's note may name either. */
    public void forgetYouth() {
        this.mentorNote = null;
    }

    public Long getId() { return id; }
    public Long getMentorshipId() { return mentorshipId; }
    public Instant getAskedAt() { return askedAt; }
    public String getLinkNonce() { return linkNonce; }
    public String getMentorAnswer() { return mentorAnswer; }
    public String getMentorNote() { return mentorNote; }
    public String getYouthAnswer() { return youthAnswer; }
}
