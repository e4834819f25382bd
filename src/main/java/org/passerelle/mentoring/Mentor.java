package org.passerelle.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A professional from a company who mentors youths with a precise project in their sector. */
@Entity
public class Mentor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String firstName;
    private String lastName;
    private String company;
    private String sector;
    private String email;
    private boolean active;

    protected Mentor() {
    }

    public Mentor(String firstName, String lastName, String company, String sector, String email) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.company = company;
        this.sector = sector;
        this.email = email;
        this.active = true;
    }

    public Long getId() { return id; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getCompany() { return company; }
    public String getSector() { return sector; }
    public String getEmail() { return email; }
    public boolean isActive() { return active; }
}
