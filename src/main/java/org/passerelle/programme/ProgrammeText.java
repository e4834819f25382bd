package org.passerelle.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One version of a text the programme sends, as a lead saved it. */
@Entity
public class ProgrammeText {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "text_key", nullable = false)
    private String key;
    @Column(nullable = false)
    private int version;
    @Column(nullable = false)
    private String body;
    @Column(nullable = false)
    private String author;
    @Column(nullable = false)
    private Instant createdAt;

    protected ProgrammeText() {
    }

    ProgrammeText(String key, int version, String body, String author, Instant createdAt) {
        this.key = key;
        this.version = version;
        this.body = body;
        this.author = author;
        this.createdAt = createdAt;
    }

    public String getKey() { return key; }
    public int getVersion() { return version; }
    public String getBody() { return body; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
