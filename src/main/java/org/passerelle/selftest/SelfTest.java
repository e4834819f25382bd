package org.passerelle.selftest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One self-test sent to a youth, and its results once taken. */
@Entity
@Table(name = "self_test")
public class SelfTest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long journeyId;
    private Long actionId;
    @Column(nullable = false)
    private String linkNonce;
    @Column(nullable = false)
    private Instant sentAt;
    private Instant completedAt;
    /** The results in plain words, as the mediator reads them. */
    private String results;

    protected SelfTest() {
    }

    public SelfTest(Long journeyId, Long actionId, String linkNonce, Instant sentAt) {
        this.journeyId = journeyId;
        this.actionId = actionId;
        this.linkNonce = linkNonce;
        this.sentAt = sentAt;
    }

    public void complete(String results, Instant at) {
        this.results = results;
        this.completedAt = at;
    }

    public Long getId() { return id; }
    public Long getJourneyId() { return journeyId; }
    public Long getActionId() { return actionId; }
    public String getLinkNonce() { return linkNonce; }
    public Instant getCompletedAt() { return completedAt; }
    public String getResults() { return results; }
}
