package org.passerelle.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A young person who contacted a programme, identified by the channel they wrote on. */
@Entity
public class Youth {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String firstName;
    @Column(nullable = false)
    private String channel;
    @Column(nullable = false)
    private String externalId;
    private String campaign;
    private LocalDate birthDate;
    private String departement;
    private String communeCode;
    /** Comma-separated {@link org.passerelle.intake.YouthStatuses} codes. */
    private String statuses;
    private String diplomaLevel;
    private String situation;
    /** Comma-separated barrier codes (sante, logement, mobilite…). */
    private String barriers;
    private Boolean hasProject;
    private String project;
    private String projectSector;
    private String availability;
    private Boolean consentContact;
    /** The age the youth gave in the guided first questions (the mediator asks the date of birth). */
    private Integer declaredAge;
    /** What the youth wants: emploi, formation, alternance or indecis. */
    private String wish;
    private Instant qualifiedAt;
    /** The two strongest interests of the skills self-test, as RIASEC letters ("S,A"). */
    private String interests;
    private Boolean consentReferral;
    private Boolean guardianConsent;
    private String persona;
    private String track;
    private Instant optedOutAt;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant erasedAt;
    private String fullName;
    private String contactPhone;
    private String contactEmail;

    protected Youth() {
    }

    public Youth(String channel, String externalId, String firstName, String campaign, Instant createdAt) {
        this.channel = channel;
        this.externalId = externalId;
        this.firstName = firstName;
        this.campaign = campaign;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getFirstName() { return firstName; }
    public String getChannel() { return channel; }
    public String getExternalId() { return externalId; }
    public String getCampaign() { return campaign; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getDepartement() { return departement; }
    public void setDepartement(String departement) { this.departement = departement; }
    public String getCommuneCode() { return communeCode; }
    public void setCommuneCode(String communeCode) { this.communeCode = communeCode; }
    public String getStatuses() { return statuses; }
    public void setStatuses(String statuses) { this.statuses = statuses; }
    public String getDiplomaLevel() { return diplomaLevel; }
    public void setDiplomaLevel(String diplomaLevel) { this.diplomaLevel = diplomaLevel; }
    public String getSituation() { return situation; }
    public void setSituation(String situation) { this.situation = situation; }
    public String getBarriers() { return barriers; }
    public void setBarriers(String barriers) { this.barriers = barriers; }
    public Boolean getHasProject() { return hasProject; }
    public void setHasProject(Boolean hasProject) { this.hasProject = hasProject; }
    public String getProject() { return project; }
    public void setProject(String project) { this.project = project; }
    public String getProjectSector() { return projectSector; }
    public void setProjectSector(String projectSector) { this.projectSector = projectSector; }
    public String getAvailability() { return availability; }
    public void setAvailability(String availability) { this.availability = availability; }
    public Boolean getConsentContact() { return consentContact; }
    public void setConsentContact(Boolean consentContact) { this.consentContact = consentContact; }
    public Boolean getConsentReferral() { return consentReferral; }
    public void setConsentReferral(Boolean consentReferral) { this.consentReferral = consentReferral; }
    public Boolean getGuardianConsent() { return guardianConsent; }
    public void setGuardianConsent(Boolean guardianConsent) { this.guardianConsent = guardianConsent; }
    public String getPersona() { return persona; }
    public String getTrack() { return track; }
    public void segment(String persona, String track) { this.persona = persona; this.track = track; }
    public Instant getOptedOutAt() { return optedOutAt; }
    public void setOptedOutAt(Instant optedOutAt) { this.optedOutAt = optedOutAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getErasedAt() { return erasedAt; }
    public Integer getDeclaredAge() { return declaredAge; }
    public void setDeclaredAge(Integer declaredAge) { this.declaredAge = declaredAge; }
    public String getWish() { return wish; }
    public void setWish(String wish) { this.wish = wish; }
    public Instant getQualifiedAt() { return qualifiedAt; }
    public String getInterests() { return interests; }
    public void setInterests(String interests) { this.interests = interests; }
    public void setQualifiedAt(Instant qualifiedAt) { this.qualifiedAt = qualifiedAt; }

    public String getFullName() { return fullName; }
    public String getContactPhone() { return contactPhone; }
    public String getContactEmail() { return contactEmail; }

    /** How to reach a youth who came through a lead form; what was already known is kept. */
    public void leadContact(String fullName, String phone, String email) {
        this.fullName = this.fullName == null ? fullName : this.fullName;
        this.contactPhone = this.contactPhone == null ? phone : this.contactPhone;
        this.contactEmail = this.contactEmail == null ? email : this.contactEmail;
    }

    /** Erasure on request: what identifies the youth goes; what the programme's figures need stays. */
    public void erase(Instant at) {
        this.firstName = null;
        this.externalId = "erased-" + id;
        this.birthDate = null;
        this.communeCode = null;
        this.statuses = null;
        this.situation = null;
        this.barriers = null;
        this.project = null;
        this.projectSector = null;
        this.availability = null;
        this.declaredAge = null;
        this.wish = null;
        this.interests = null;
        this.fullName = null;
        this.contactPhone = null;
        this.contactEmail = null;
        this.erasedAt = at;
    }
}
