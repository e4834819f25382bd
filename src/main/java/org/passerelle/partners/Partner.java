package org.passerelle.partners;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A local structure youths are referred to (Mission Locale, France Travail, E2C, EPIDE…). */
@Entity
public class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    /** A code of "Réseaux partenaires" ({@link PartnerNetworks}). */
    private String network;
    private String departement;
    private String email;
    private Integer ageMin;
    private Integer ageMax;
    private String maxDiplomaLevel;
    private String minDiplomaLevel;
    private boolean active;
    private String source;
    private String sourceId;
    private String structureName;
    private String communeCode;
    private String phone;
    /** Comma-separated zones: "france", "metropole", "reg:11", "dep:93", "com:93066". */
    private String zoneEligibilite;
    private String publics;
    private String conditionsAcces;
    private String modesMobilisation;
    private String requiredStatuses;
    private Integer capacity;
    private java.time.Instant updatedAt;

    protected Partner() {
    }

    public Partner(String name, String network, String departement, String email, Integer ageMin, Integer ageMax) {
        this.name = name;
        this.network = network;
        this.departement = departement;
        this.email = email;
        this.ageMin = ageMin;
        this.ageMax = ageMax;
        this.active = true;
    }

    /** Admission criteria and data·inclusion description, as an import or a programme lead sets them. */
    public void describe(Description d) {
        this.name = d.name();
        this.structureName = d.structureName();
        this.network = d.network();
        this.departement = d.departement();
        this.communeCode = d.communeCode();
        this.email = d.email();
        this.phone = d.phone();
        this.ageMin = d.ageMin();
        this.ageMax = d.ageMax();
        this.minDiplomaLevel = d.minDiplomaLevel();
        this.maxDiplomaLevel = d.maxDiplomaLevel();
        this.requiredStatuses = d.requiredStatuses();
        this.zoneEligibilite = d.zoneEligibilite();
        this.publics = d.publics();
        this.conditionsAcces = d.conditionsAcces();
        this.modesMobilisation = d.modesMobilisation();
        this.capacity = d.capacity();
        this.active = d.active();
        this.updatedAt = java.time.Instant.now();
    }

    public static Partner imported(String source, String sourceId, Description description) {
        Partner partner = new Partner();
        partner.source = source;
        partner.sourceId = sourceId;
        partner.describe(description);
        return partner;
    }

    /** Everything that describes a partner service, as imported or edited. */
    public record Description(String name, String structureName, String network, String departement, String communeCode,
            String email, String phone, Integer ageMin, Integer ageMax, String minDiplomaLevel, String maxDiplomaLevel,
            String requiredStatuses, String zoneEligibilite, String publics, String conditionsAcces,
            String modesMobilisation, Integer capacity, boolean active) {
    }

    public void rename(String name, String structureName) {
        this.name = name;
        this.structureName = structureName;
        this.updatedAt = java.time.Instant.now();
    }

    public void deactivate() { this.active = false; }
    public void reactivate() { this.active = true; }
    public String getSource() { return source; }
    public String getSourceId() { return sourceId; }
    public String getStructureName() { return structureName; }
    public String getCommuneCode() { return communeCode; }
    public String getPhone() { return phone; }
    public String getZoneEligibilite() { return zoneEligibilite; }
    public String getPublics() { return publics; }
    public String getConditionsAcces() { return conditionsAcces; }
    public String getModesMobilisation() { return modesMobilisation; }
    public String getMinDiplomaLevel() { return minDiplomaLevel; }
    public String getRequiredStatuses() { return requiredStatuses; }
    public Integer getCapacity() { return capacity; }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getNetwork() { return network; }
    public String getDepartement() { return departement; }
    public String getEmail() { return email; }

    /** Without an address the referral goes by phone or in person, recorded by the mediator. */
    public boolean receivesReferralsByEmail() {
        return email != null && !email.isBlank();
    }
    public Integer getAgeMin() { return ageMin; }
    public Integer getAgeMax() { return ageMax; }
    public String getMaxDiplomaLevel() { return maxDiplomaLevel; }
    public boolean isActive() { return active; }
}
