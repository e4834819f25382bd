package org.passerelle.referral;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.passerelle.partners.Partner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Emails to partners, in French, with only what they need to decide: first name, age, territory, reason. */
@Component
public class ReferralMailer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReferralMailer.class);

    private final JavaMailSender mail;
    private final ReferralSettings settings;

    public ReferralMailer(JavaMailSender mail, ReferralSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    /** What the partner is told about the youth. */
    public record YouthSummary(String firstName, Integer age, String departement, String need) {
    }

    public void referral(Partner partner, YouthSummary youth, String link) {
        send(partner.getEmail(), "Orientation d'un jeune vers " + partner.getName(), """
                Bonjour,

                Passerelle vous oriente %s%s (département %s).
                %s

                Merci de nous dire si vous pouvez l'accueillir, et quand, en ouvrant ce lien (sans compte à créer) :
                %s

                Vous pouvez aussi refuser en indiquant le motif. Sans réponse, nous vous relancerons.

                L'équipe de médiation Passerelle
                """.formatted(youth.firstName() == null ? "un jeune" : youth.firstName(),
                youth.age() == null ? "" : ", " + youth.age() + " ans", youth.departement(), youth.need(), link));
    }

    public void reminder(Partner partner, YouthSummary youth, String link, int reminder) {
        // No name in the subject: subjects show in notification previews and shared mailboxes.
        send(partner.getEmail(), "Relance " + reminder + " : orientation d'un jeune vers " + partner.getName(), """
                Bonjour,

                Nous vous avons orienté %s et n'avons pas encore votre réponse.
                Pouvez-vous nous la donner ici :
                %s

                L'équipe de médiation Passerelle
                """.formatted(youth.firstName() == null ? "un jeune" : youth.firstName(), link));
    }

    private void send(String to, String subject, String text) {
        if ("log".equals(settings.getMailDelivery())) {
            // Demo without a mail server: the answer link is logged (it names no youth) so the partner page can be tried.
            log.info("Demo mode, email not sent: {}", text.lines().filter(l -> l.contains("/partenaires/")).findFirst().orElse(""));
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
