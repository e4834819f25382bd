package org.passerelle.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A youth referred to a partner structure, and the partner's answer. */
@Entity
public class Referral {

    public enum Status { SENT, ACCEPTED, REFUSED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long journeyId;
    @Column(nullable = false)
    private Long partnerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String reason;
    private LocalDate appointmentDate;
    private String appointmentTime;
    private String appointmentPlace;
    private String appointmentContact;
    @Column(nullable = false)
    private Instant sentAt;
    private Instant answeredAt;
    /** Single use: the answer link carries it, and answering clears it. */
    private String linkNonce;
    /** The nonce of the link that answered: an accepted appointment stays correctable through it. */
    private String answerNonce;
    /** How many times the partner moved the accepted appointment. */
    private int corrections;
    private int remindersSent;
    private Boolean attended;

    protected Referral() {
    }

    public Referral(Long journeyId, Long partnerId, Instant sentAt, String linkNonce) {
        this.journeyId = journeyId;
        this.partnerId = partnerId;
        this.status = Status.SENT;
        this.sentAt = sentAt;
        this.linkNonce = linkNonce;
    }

    public Long getId() { return id; }
    public Long getJourneyId() { return journeyId; }
    public Long getPartnerId() { return partnerId; }
    public Status getStatus() { return status; }
    public String getReason() { return reason; }
    public LocalDate getAppointmentDate() { return appointmentDate; }

    /** The appointment as the partner gave it (time, place and contact may be missing for older answers). */
    public Appointment getAppointment() {
        return appointmentDate == null ? null : new Appointment(appointmentDate,
                appointmentTime == null ? null : java.time.LocalTime.parse(appointmentTime), appointmentPlace, appointmentContact);
    }
    public Instant getAnsweredAt() { return answeredAt; }

    public String getLinkNonce() { return linkNonce; }
    public int getRemindersSent() { return remindersSent; }
    public Boolean getAttended() { return attended; }
    public Instant getSentAt() { return sentAt; }

    public String getAnswerNonce() { return answerNonce; }
    public int getCorrections() { return corrections; }

    public void consumeLink() {
        if (linkNonce != null) {
            this.answerNonce = linkNonce;
        }
        this.linkNonce = null;
    }

    /** The partner corrected the appointment it gave (through the same link, until the day before). */
    public void reschedule(Appointment appointment) {
        this.corrections++;
        this.appointmentDate = appointment.date();
        this.appointmentTime = appointment.time() == null ? null : appointment.time().toString();
        this.appointmentPlace = appointment.place();
        this.appointmentContact = appointment.contact();
    }

    public int reminded() {
        return ++remindersSent;
    }

    public void expire(Instant at) {
        this.status = Status.EXPIRED;
        this.linkNonce = null;
        this.answeredAt = at;
    }

    public void attended(boolean attended) {
        this.attended = attended;
    }

    public void accept(LocalDate appointmentDate, Instant at) {
        accept(appointmentDate == null ? null : new Appointment(appointmentDate, null, null, null), at);
    }

    public void accept(Appointment appointment, Instant at) {
        this.linkNonce = null;
        this.status = Status.ACCEPTED;
        this.appointmentDate = appointment == null ? null : appointment.date();
        this.appointmentTime = appointment == null || appointment.time() == null ? null : appointment.time().toString();
        this.appointmentPlace = appointment == null ? null : appointment.place();
        this.appointmentContact = appointment == null ? null : appointment.contact();
        this.answeredAt = at;
    }

    public void refuse(String reason, Instant at) {
        this.linkNonce = null;
        this.status = Status.REFUSED;
        this.reason = reason;
        this.answeredAt = at;
    }
}
