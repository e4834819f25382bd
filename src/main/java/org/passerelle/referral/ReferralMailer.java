package org.passerelle.referral;

import org.passerelle.programme.ProgrammeTexts;

import jakarta.mail.MessagingException;
import java.util.Locale;
import jakarta.mail.internet.MimeMessage;
import org.passerelle.partners.Partner;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Emails to partners, in French, with only what they need to decide: first name, age, territory, reason. */
@Component
public class ReferralMailer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReferralMailer.class);

    private final JavaMailSender mail;
    private final ReferralSettings settings;
    private final ProgrammeTexts texts;
    private final MessageSource messages;

    public ReferralMailer(JavaMailSender mail, ReferralSettings settings, ProgrammeTexts texts, MessageSource messages) {
        this.mail = mail;
        this.settings = settings;
        this.texts = texts;
        this.messages = messages;
    }

    /** What the partner is told about the youth. */
    public record YouthSummary(String firstName, Integer age, String departement, String need) {
    }

    public void referral(Partner partner, YouthSummary youth, String link) {
        send(partner.getEmail(), messages.getMessage("mail.referral.subject", new Object[] {partner.getName()}, Locale.FRENCH),
                texts.render(ProgrammeTexts.REFERRAL_EMAIL, values(youth, link, 0)));
    }

    public void reminder(Partner partner, YouthSummary youth, String link, int reminder) {
        // No name in the subject: subjects show in notification previews and shared mailboxes.
        send(partner.getEmail(), messages.getMessage("mail.referralReminder.subject", new Object[] {String.valueOf(reminder), partner.getName()},
                Locale.FRENCH),
                texts.render(ProgrammeTexts.REMINDER_EMAIL, values(youth, link, reminder)));
    }

    /** The values a partner's email may name: least data, as before. */
    private static java.util.Map<String, String> values(YouthSummary youth, String link, int reminder) {
        return java.util.Map.of("jeune", youth.firstName() == null ? "un jeune" : youth.firstName(),
                "age", youth.age() == null ? "" : youth.age().toString(), "departement", youth.departement() == null ? "" : youth.departement(),
                "besoin", youth.need() == null ? "" : youth.need(), "lien", link, "numero", reminder == 0 ? "" : Integer.toString(reminder));
    }

    /** Any other email of the programme (mentors'): the same sender, and the same demo mode. */
    public void sendText(String to, String subject, String text) {
        send(to, subject, text);
    }

    private void send(String to, String subject, String text) {
        if ("log".equals(settings.getMailDelivery())) {
            // Demo without a mail server: the answer link is logged (it names no youth) so the partner page can be tried.
            // Only the link: a lead's text may put the youth's first name on the same line.
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\S*/(partenaires|mentors/(?!espace))\\S*").matcher(text);
            log.info("Demo mode, email not sent; answer link: {}", link.find() ? link.group() : "(none)");
            return;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(settings.getMailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Referral email could not be built", e);
        }
    }
}
