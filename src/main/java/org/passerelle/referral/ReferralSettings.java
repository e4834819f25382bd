package org.passerelle.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Referral settings of the platform; the delays are the programme's ("Paramètres du programme"). */
@Component("referralSettings")
@ConfigurationProperties("passerelle.referral")
public class ReferralSettings {

    private String publicUrl = "http://localhost:8080";
    private String linkSecret = "";
    private String mailFrom = "passerelle@localhost";
    /** "smtp" sends partner emails; "log" (demo only) logs the answer link instead. */
    private String mailDelivery = "smtp";
    /** How partners reach the mediation team (shown on their answer pages). */
    private String teamContact = "passerelle@localhost";

    public String getPublicUrl() { return publicUrl; }
    public void setPublicUrl(String publicUrl) { this.publicUrl = publicUrl; }
    public String getLinkSecret() { return linkSecret; }
    public void setLinkSecret(String linkSecret) { this.linkSecret = linkSecret; }
    public String getMailFrom() { return mailFrom; }
    public void setMailFrom(String mailFrom) { this.mailFrom = mailFrom; }
    public String getMailDelivery() { return mailDelivery; }
    public void setMailDelivery(String mailDelivery) { this.mailDelivery = mailDelivery; }
    public String getTeamContact() { return teamContact; }
    public void setTeamContact(String teamContact) { this.teamContact = teamContact; }
}
