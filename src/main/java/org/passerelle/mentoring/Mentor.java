package org.passerelle.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A professional from a company who mentors youths with a precise project in their sector. */
@Entity
public class Mentor {

    /** Where a mentor stands: only ACTIVE mentors are proposed. */
    public enum Status {
        /** Signed up, the email address not confirmed yet. */
        EMAIL_TO_CONFIRM,
        /** Address confirmed, waiting for a programme lead. */
        TO_VALIDATE,
        ACTIVE,
        /** The mentor paused: kept, not proposed. */
        PAUSED,
        /** Deactivated by a programme lead, or refused at validation. */
        INACTIVE,
        /** Left or erased: nothing that names the mentor is kept. */
        ERASED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String firstName;
    private String lastName;
    private String company;
    private String sector;
    private String email;
    private boolean active;
    private String jobTitle;
    private String territories;
    private boolean remote;
    private String helps;
    private String goals;
    private String languages;
    private int capacity = 1;
    private String availability;
    @Enumerated(EnumType.STRING)
    private Status status = Status.ACTIVE;
    private String linkNonce;
    private Instant signedUpAt;
    private Instant confirmedAt;
    private Instant erasedAt;

    protected Mentor() {
    }

    public Mentor(String firstName, String lastName, String company, String sector, String email) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.company = company;
        this.sector = sector;
        this.email = email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
        this.status = Status.ACTIVE;
        this.active = true;
    }

    /** Everything a mentor says of themselves, on the sign-up page, a lead's page or a company's list. */
    public record Profile(String firstName, String lastName, String company, String jobTitle, String sector, String email,
            List<String> territories, boolean remote, List<String> helps, List<String> goals, String languages,
            int capacity, String availability) {
    }

    public static Mentor of(Profile profile, Status status, Instant at) {
        Mentor mentor = new Mentor(profile.firstName(), profile.lastName(), profile.company(), profile.sector(), profile.email());
        mentor.update(profile);
        mentor.setStatus(status);
        mentor.signedUpAt = at;
        return mentor;
    }

    /** A new sign-up or a lead's edit (the email address is the mentor's key: one mentor per address). */
    public void update(Profile profile) {
        this.email = profile.email() == null ? null : profile.email().trim().toLowerCase(java.util.Locale.ROOT);
        this.firstName = profile.firstName();
        this.lastName = profile.lastName();
        this.company = profile.company();
        this.jobTitle = profile.jobTitle();
        this.sector = profile.sector();
        this.territories = String.join(",", profile.territories());
        this.remote = profile.remote();
        this.helps = String.join(",", profile.helps());
        this.goals = String.join(",", profile.goals());
        this.languages = profile.languages();
        this.capacity = profile.capacity();
        this.availability = profile.availability();
    }

    public Profile profile() {
        return new Profile(firstName, lastName, company, jobTitle, sector, email, list(territories), remote, list(helps),
                list(goals), languages, capacity, availability);
    }

    static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public void setStatus(Status status) {
        this.status = status;
        this.active = status == Status.ACTIVE;
    }

    public void confirmEmail(Instant at) {
        this.confirmedAt = at;
        setStatus(Status.TO_VALIDATE);
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    /** A new single-use secret for the mentor's next link (confirmation, own space). */
    public String renewLinkNonce(String nonce) {
        this.linkNonce = nonce;
        return nonce;
    }

    /** Keeps only the sector (figures); the row stays so that past mentorships still count. */
    public void erase(Instant at) {
        firstName = "Mentor";
        lastName = "supprimé";
        company = "—";
        email = null;
        jobTitle = null;
        territories = null;
        helps = null;
        goals = null;
        languages = null;
        availability = null;
        linkNonce = null;
        erasedAt = at;
        setStatus(Status.ERASED);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Long getId() { return id; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getCompany() { return company; }
    public String getSector() { return sector; }
    public String getEmail() { return email; }
    public boolean isActive() { return active; }
    public String getJobTitle() { return jobTitle; }
    public List<String> getTerritories() { return list(territories); }
    public boolean isRemote() { return remote; }
    public List<String> getHelps() { return list(helps); }
    public List<String> getGoals() { return list(goals); }
    public String getLanguages() { return languages; }
    public int getCapacity() { return capacity; }
    public String getAvailability() { return availability; }
    public Status getStatus() { return status; }
    public String getLinkNonce() { return linkNonce; }
    public Instant getSignedUpAt() { return signedUpAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Instant getErasedAt() { return erasedAt; }
}
