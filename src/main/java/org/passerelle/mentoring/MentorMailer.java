package org.passerelle.mentoring;

import java.util.Locale;
import java.util.Map;
import org.passerelle.programme.ProgrammeTexts;
import org.passerelle.referral.ReferralMailer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Emails to mentors, in French. Proposals name the youth by first name only; the youth's contact goes to the
 * mentor only once the mentor accepted and with the youth's consent.
 */
@Component
public class MentorMailer {

    private final ReferralMailer mail;
    private final ProgrammeTexts texts;
    private final MessageSource messages;

    public MentorMailer(ReferralMailer mail, ProgrammeTexts texts, MessageSource messages) {
        this.mail = mail;
        this.texts = texts;
        this.messages = messages;
    }

    /** Subjects live in messages.properties; the bodies are the programme's texts. */
    private String subject(String key) {
        return messages.getMessage(key, null, Locale.FRENCH);
    }

    public void confirmAddress(String to, String firstName, String link) {
        mail.sendText(to, subject("mail.mentorConfirmAddress.subject"),
                texts.render(ProgrammeTexts.MENTOR_CONFIRM_ADDRESS_EMAIL, Map.of("mentor", firstName, "lien", link)));
    }

    public void alreadySignedUp(String to, String firstName, String spaceLink) {
        mail.sendText(to, subject("mail.mentorAlreadySignedUp.subject"), texts.render(ProgrammeTexts.MENTOR_ALREADY_SIGNED_UP_EMAIL,
                Map.of("mentor", firstName, "espace", spaceLink == null ? "" : spaceLink)));
    }

    public void welcome(String to, String firstName, String spaceLink) {
        mail.sendText(to, subject("mail.mentorWelcome.subject"),
                texts.render(ProgrammeTexts.MENTOR_WELCOME_EMAIL, Map.of("mentor", firstName, "espace", spaceLink)));
    }

    public void notValidated(String to, String firstName) {
        mail.sendText(to, subject("mail.mentorNotValidated.subject"),
                texts.render(ProgrammeTexts.MENTOR_NOT_VALIDATED_EMAIL, Map.of("mentor", firstName)));
    }

    public void proposal(String to, Map<String, String> values) {
        mail.sendText(to, subject("mail.mentorProposal.subject"), texts.render(ProgrammeTexts.MENTOR_PROPOSAL_EMAIL, values));
    }

    public void reminder(String to, Map<String, String> values) {
        mail.sendText(to, subject("mail.mentorReminder.subject"), texts.render(ProgrammeTexts.MENTOR_REMINDER_EMAIL, values));
    }

    public void introduction(String to, Map<String, String> values) {
        mail.sendText(to, subject("mail.mentorIntroduction.subject"), texts.render(ProgrammeTexts.MENTOR_INTRODUCTION_EMAIL, values));
    }

    public void checkIn(String to, Map<String, String> values) {
        mail.sendText(to, subject("mail.mentorCheckIn.subject"), texts.render(ProgrammeTexts.MENTOR_CHECK_IN_EMAIL, values));
    }
}
