package org.passerelle.mentoring;

import java.util.Map;
import org.passerelle.programme.ProgrammeTexts;
import org.passerelle.referral.ReferralMailer;
import org.springframework.stereotype.Component;

/**
 * Emails to mentors, in French. Proposals name the youth by first name only; the youth's contact goes to the
 * mentor only once the mentor accepted and with the youth's consent.
 */
@Component
public class MentorMailer {

    private final ReferralMailer mail;
    private final ProgrammeTexts texts;

    public MentorMailer(ReferralMailer mail, ProgrammeTexts texts) {
        this.mail = mail;
        this.texts = texts;
    }

    public void confirmAddress(String to, String firstName, String link) {
        mail.sendText(to, "Confirmez votre inscription comme mentor Passerelle", """
                Bonjour %s,

                Merci de proposer votre aide à des jeunes qui construisent leur projet. Pour confirmer votre adresse et
                transmettre votre inscription à l'équipe du programme, ouvrez ce lien (valable 7 jours) :
                %s

                Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : rien ne sera enregistré de plus.

                L'équipe Passerelle""".formatted(firstName, link));
    }

    public void alreadySignedUp(String to, String firstName, String spaceLink) {
        mail.sendText(to, "Votre inscription comme mentor Passerelle", """
                Bonjour %s,

                Une inscription vient d'être demandée avec cette adresse, mais vous êtes déjà mentor Passerelle (ou votre
                inscription est en cours de validation) : rien n'a été modifié.%s

                L'équipe Passerelle""".formatted(firstName, spaceLink == null ? ""
                : "\nPour changer votre disponibilité ou votre capacité, ou quitter le programme : " + spaceLink));
    }

    public void welcome(String to, String firstName, String spaceLink) {
        mail.sendText(to, "Bienvenue parmi les mentors Passerelle", """
                Bonjour %s,

                Votre inscription est validée : nous vous proposerons des jeunes dont le projet correspond à votre métier.
                Chaque proposition arrive par courriel ; vous restez libre de l'accepter ou non.

                Votre espace, pour faire une pause, changer le nombre de jeunes que vous suivez ou quitter le programme :
                %s

                L'équipe Passerelle""".formatted(firstName, spaceLink));
    }

    public void notValidated(String to, String firstName) {
        mail.sendText(to, "Votre inscription comme mentor Passerelle", """
                Bonjour %s,

                Merci pour votre proposition. L'équipe du programme ne peut pas lui donner suite pour le moment ; elle
                reviendra vers vous si un besoin correspond à votre profil.

                L'équipe Passerelle""".formatted(firstName));
    }

    public void proposal(String to, Map<String, String> values) {
        mail.sendText(to, "Un jeune à accompagner ?", texts.render(ProgrammeTexts.MENTOR_PROPOSAL_EMAIL, values));
    }

    public void reminder(String to, Map<String, String> values) {
        mail.sendText(to, "Relance : un jeune à accompagner ?", texts.render(ProgrammeTexts.MENTOR_REMINDER_EMAIL, values));
    }

    public void introduction(String to, Map<String, String> values) {
        mail.sendText(to, "Votre mentorat commence", texts.render(ProgrammeTexts.MENTOR_INTRODUCTION_EMAIL, values));
    }

    public void checkIn(String to, Map<String, String> values) {
        mail.sendText(to, "Où en est votre mentorat ?", texts.render(ProgrammeTexts.MENTOR_CHECK_IN_EMAIL, values));
    }
}
