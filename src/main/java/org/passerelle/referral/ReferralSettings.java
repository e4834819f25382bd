package org.passerelle.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.passerelle.modelguard.ReadableFromModels;
import org.springframework.stereotype.Component;

/** Referral settings; the BPMN reads {@code ${referralSettings.reminderCycle}} and {@code ${referralSettings.expiry}}. */
@Component("referralSettings")
@ReadableFromModels({"reminderCycle", "expiry"})
@ConfigurationProperties("passerelle.referral")
public class ReferralSettings {

    private String publicUrl = "http://localhost:8080";
    private String linkSecret = "";
    private String mailFrom = "passerelle@localhost";
    private String reminderCycle = "R3/P5D";
    private String expiry = "P30D";
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
    public String getReminderCycle() { return reminderCycle; }
    public void setReminderCycle(String reminderCycle) { this.reminderCycle = reminderCycle; }
    public String getExpiry() { return expiry; }
    public String getMailDelivery() { return mailDelivery; }
    public void setMailDelivery(String mailDelivery) { this.mailDelivery = mailDelivery; }
    public void setExpiry(String expiry) { this.expiry = expiry; }
    public String getTeamContact() { return teamContact; }
    public void setTeamContact(String teamContact) { this.teamContact = teamContact; }
}
