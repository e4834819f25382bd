package org.passerelle.partners;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A local structure youths are referred to (Mission Locale, France Travail, E2C, EPIDE…). */
@Entity
public class Partner {

    public enum Network { MISSION_LOCALE, FRANCE_TRAVAIL, E2C, EPIDE, CCI, GEIQ, MFR, RSMA, APPRENTISSAGE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Network network;
    private String departement;
    private String email;
    private Integer ageMin;
    private Integer ageMax;
    private String maxDiplomaLevel;
    private boolean active;

    protected Partner() {
    }

    public Partner(String name, Network network, String departement, String email, Integer ageMin, Integer ageMax) {
        this.name = name;
        this.network = network;
        this.departement = departement;
        this.email = email;
        this.ageMin = ageMin;
        this.ageMax = ageMax;
        this.active = true;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Network getNetwork() { return network; }
    public String getDepartement() { return departement; }
    public String getEmail() { return email; }
    public Integer getAgeMin() { return ageMin; }
    public Integer getAgeMax() { return ageMax; }
    public String getMaxDiplomaLevel() { return maxDiplomaLevel; }
    public boolean isActive() { return active; }
}
