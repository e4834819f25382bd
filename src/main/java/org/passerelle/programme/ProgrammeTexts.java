package org.passerelle.programme;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.samskivert.mustache.Mustache;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The texts youths receive from the programme, as French templates with named placeholders ({{prenom}}) that a
 * programme lead edits on "Textes du programme": every save is a new version, the latest applies to the next
 * message, without restart. Until a lead saves one, the text shipped here applies.
 */
@Service
public class ProgrammeTexts {

    /** A text the platform sends: its key, what leads read about it, its values (those it must hold) and its shipped body. */
    public record Definition(String key, String title, List<String> placeholders, List<String> required, String shipped) {

        Definition(String key, String title, List<String> placeholders, String shipped) {
            this(key, title, placeholders, List.of(), shipped);
        }
    }

    public static final String NUDGE_1 = "relance1";
    public static final String NUDGE_2 = "relance2";
    public static final String NUDGE_3 = "relance3";
    public static final String APPOINTMENT = "rendezVous";
    public static final String APPOINTMENT_CHANGE = "changementRendezVous";
    public static final List<String> NUDGES = List.of(NUDGE_1, NUDGE_2, NUDGE_3);
    public static final String ACKNOWLEDGEMENT = "accuseReception";
    public static final String REFERRAL_EMAIL = "courrielOrientation";
    public static final String REMINDER_EMAIL = "courrielRelance";
    public static final String MENTOR_PROPOSAL_EMAIL = "courrielMentorProposition";
    public static final String MENTOR_REMINDER_EMAIL = "courrielMentorRelance";
    public static final String MENTOR_INTRODUCTION_EMAIL = "courrielMentorPresentation";
    public static final String MENTOR_CHECK_IN_EMAIL = "courrielMentorPoint";
    public static final String MENTOR_CONFIRM_ADDRESS_EMAIL = "courrielMentorConfirmation";
    public static final String MENTOR_ALREADY_SIGNED_UP_EMAIL = "courrielMentorDejaInscrit";
    public static final String MENTOR_WELCOME_EMAIL = "courrielMentorBienvenue";
    public static final String MENTOR_NOT_VALIDATED_EMAIL = "courrielMentorNonRetenu";
    public static final String YOUTH_MENTOR_INTRODUCTION = "messageJeuneMentor";
    public static final String YOUTH_CHECK_IN = "messageJeunePoint";
    public static final String REFERRAL_PROPOSAL = "propositionOrientation";
    public static final String QUALIFICATION_NUDGE = "relanceQuestions";
    public static final String QUALIFICATION_THANKS = "messageFinQuestions";
    public static final String QUALIFICATION_HANDOVER = "messageRelaisMediateur";

    static final int MAX_LENGTH = 1000;
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*\\}\\}");

    private static final Map<String, Definition> CATALOGUE = catalogue();

    /**
     * How long a node keeps the body it read: one query per message was a tenth of a nudge's CPU samples.
     * A save on this node applies at once; on another node within this delay.
     */
    static final Duration REREAD_AFTER = Duration.ofSeconds(10);

    private final ProgrammeTextRepository texts;
    private final Clock clock;
    private final Cache<String, String> currentBodies;

    @Autowired
    public ProgrammeTexts(ProgrammeTextRepository texts, Clock clock) {
        this(texts, clock, Ticker.systemTicker());
    }

    ProgrammeTexts(ProgrammeTextRepository texts, Clock clock, Ticker ticker) {
        this.texts = texts;
        this.clock = clock;
        this.currentBodies = Caffeine.newBuilder().expireAfterWrite(REREAD_AFTER).ticker(ticker).build();
    }

    private static Map<String, Definition> catalogue() {
        Map<String, Definition> definitions = new LinkedHashMap<>();
        List<String> name = List.of("prenom");
        List<String> appointment = List.of("prenom", "structure", "quand", "contact");
        definitions.put(ACKNOWLEDGEMENT, new Definition(ACKNOWLEDGEMENT, "Réponse automatique au premier message",
                List.of("prenom", "quand"), List.of("quand"),
                "Merci {{prenom}} pour ton message ! Un médiateur de Passerelle (une vraie personne) te répond {{quand}}. "
                        + "Tu peux écrire STOP à tout moment pour ne plus recevoir de messages."));
        definitions.put(NUDGE_1, new Definition(NUDGE_1, "Relance (1re, 4e…)", name,
                "Bonjour {{prenom}}, c'est ton médiateur. Comment avances-tu dans tes démarches ? Réponds quand tu veux, je suis là."));
        definitions.put(NUDGE_2, new Definition(NUDGE_2, "Relance (2e, 5e…)", name,
                "Coucou {{prenom}} ! On n'a pas eu de nouvelles depuis quelques jours. Besoin d'un coup de main pour ton CV ou tes candidatures ?"));
        definitions.put(NUDGE_3, new Definition(NUDGE_3, "Relance (3e, 6e…)", name,
                "Bonjour {{prenom}}, on pense à toi. Si tu veux reprendre là où on s'était arrêtés, écris-nous ici. Réponds STOP pour ne plus recevoir de messages."));
        definitions.put(APPOINTMENT, new Definition(APPOINTMENT, "Rendez-vous chez un partenaire", appointment,
                "Bonne nouvelle {{prenom}} ! {{structure}} t'attend {{quand}} pour ton premier rendez-vous.{{#contact}} Contact : "
                        + "{{contact}}.{{/contact}} Ils vont t'accompagner près de chez toi. Réponds-nous si tu as une question."));
        definitions.put(APPOINTMENT_CHANGE, new Definition(APPOINTMENT_CHANGE, "Rendez-vous déplacé par le partenaire", appointment,
                "Changement de rendez-vous {{prenom}} : {{structure}} t'attend désormais {{quand}}.{{#contact}} Contact : "
                        + "{{contact}}.{{/contact}} Réponds-nous si ce nouveau moment ne te convient pas."));
        List<String> partner = List.of("jeune", "age", "departement", "besoin", "lien", "numero");
        definitions.put(REFERRAL_EMAIL, new Definition(REFERRAL_EMAIL, "Courriel d'orientation à un partenaire", partner, List.of("lien"), """
                Bonjour,

                Passerelle vous oriente {{jeune}}{{#age}}, {{age}} ans{{/age}} (département {{departement}}).
                {{besoin}}

                Merci de nous dire si vous pouvez l'accueillir, et quand, en ouvrant ce lien (sans compte à créer) :
                {{lien}}

                Vous pouvez aussi refuser en indiquant le motif. Sans réponse, nous vous relancerons.

                L'équipe de médiation Passerelle"""));
        definitions.put(REMINDER_EMAIL, new Definition(REMINDER_EMAIL, "Courriel de relance à un partenaire", partner, List.of("lien"), """
                Bonjour,

                Nous vous avons orienté {{jeune}} et n'avons pas encore votre réponse.
                Pouvez-vous nous la donner ici :
                {{lien}}

                L'équipe de médiation Passerelle"""));
        mentorTexts(definitions);
        qualificationTexts(definitions);
        return definitions;
    }

    /** What mentors and mentored youths receive (issue "company mentors"). */
    private static void mentorTexts(Map<String, Definition> definitions) {
        mentorSignUpTexts(definitions);
        List<String> proposal = List.of("mentor", "jeune", "projet", "objectif", "departement", "lien");
        definitions.put(MENTOR_PROPOSAL_EMAIL, new Definition(MENTOR_PROPOSAL_EMAIL, "Courriel de proposition à un mentor",
                proposal, List.of("lien"), """
                Bonjour {{mentor}},

                Passerelle vous propose d'accompagner {{jeune}} (département {{departement}}), qui a un projet précis : {{projet}}{{#objectif}} ({{objectif}}){{/objectif}}.

                Acceptez (et proposez un premier rendez-vous) ou déclinez en ouvrant ce lien, sans compte à créer :
                {{lien}}

                Merci pour votre engagement,
                L'équipe de médiation Passerelle"""));
        definitions.put(MENTOR_REMINDER_EMAIL, new Definition(MENTOR_REMINDER_EMAIL, "Courriel de relance à un mentor",
                proposal, List.of("lien"), """
                Bonjour {{mentor}},

                Nous vous avons proposé d'accompagner {{jeune}} et n'avons pas encore votre réponse. Sans réponse de votre part, nous proposerons un autre mentor.
                {{lien}}

                L'équipe de médiation Passerelle"""));
        definitions.put(MENTOR_INTRODUCTION_EMAIL, new Definition(MENTOR_INTRODUCTION_EMAIL, "Courriel de mise en relation au mentor",
                List.of("mentor", "jeune", "projet", "contact", "rendezVous"), """
                Bonjour {{mentor}},

                Merci d'avoir accepté d'accompagner {{jeune}}. Son projet : {{projet}}.
                {{#contact}}Vous pouvez le contacter : {{contact}}.{{/contact}}{{^contact}}L'équipe de médiation organise votre premier contact.{{/contact}}
                {{#rendezVous}}Premier rendez-vous proposé : {{rendezVous}}.{{/rendezVous}}

                Nous vous demanderons régulièrement comment avance le mentorat.
                L'équipe de médiation Passerelle"""));
        definitions.put(MENTOR_CHECK_IN_EMAIL, new Definition(MENTOR_CHECK_IN_EMAIL, "Courriel de point d'étape au mentor",
                List.of("mentor", "jeune", "lien"), List.of("lien"), """
                Bonjour {{mentor}},

                Comment avance votre mentorat avec {{jeune}} ? Dites-le-nous en une minute :
                {{lien}}

                L'équipe de médiation Passerelle"""));
        definitions.put(YOUTH_MENTOR_INTRODUCTION, new Definition(YOUTH_MENTOR_INTRODUCTION, "Message au jeune : son mentor",
                List.of("prenom", "mentor", "entreprise", "metier", "rendezVous"),
                "Bonne nouvelle {{prenom}} ! {{mentor}}{{#metier}}, {{metier}}{{/metier}} chez {{entreprise}}, accepte d'être ton mentor "
                        + "pour ton projet.{{#rendezVous}} Premier rendez-vous proposé : {{rendezVous}}.{{/rendezVous}} Il ou elle va te contacter."));
        definitions.put(YOUTH_CHECK_IN, new Definition(YOUTH_CHECK_IN, "Message au jeune : point sur le mentorat",
                List.of("prenom", "mentor"), "Bonjour {{prenom}}, comment se passe ton mentorat avec {{mentor}} ? Réponds 1 si ça se "
                        + "passe bien, 2 si vous ne vous êtes pas encore vus, 3 si tu veux arrêter le mentorat."));
    }

    /** What a professional receives from signing up to being validated (or not). */
    private static void mentorSignUpTexts(Map<String, Definition> definitions) {
        definitions.put(MENTOR_CONFIRM_ADDRESS_EMAIL, new Definition(MENTOR_CONFIRM_ADDRESS_EMAIL,
                "Courriel de confirmation d'adresse à un mentor", List.of("mentor", "lien"), List.of("lien"), """
                Bonjour {{mentor}},

                Merci de proposer votre aide à des jeunes qui construisent leur projet. Pour confirmer votre adresse et
                transmettre votre inscription à l'équipe du programme, ouvrez ce lien (valable 7 jours) :
                {{lien}}

                Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : rien ne sera enregistré de plus.

                L'équipe Passerelle"""));
        definitions.put(MENTOR_ALREADY_SIGNED_UP_EMAIL, new Definition(MENTOR_ALREADY_SIGNED_UP_EMAIL,
                "Courriel à un mentor déjà inscrit", List.of("mentor", "espace"), """
                Bonjour {{mentor}},

                Une inscription vient d'être demandée avec cette adresse, mais vous êtes déjà mentor Passerelle (ou votre
                inscription est en cours de validation) : rien n'a été modifié.{{#espace}}
                Pour changer votre disponibilité ou votre capacité, ou quitter le programme : {{espace}}{{/espace}}

                L'équipe Passerelle"""));
        definitions.put(MENTOR_WELCOME_EMAIL, new Definition(MENTOR_WELCOME_EMAIL, "Courriel de bienvenue à un mentor validé",
                List.of("mentor", "espace"), List.of("espace"), """
                Bonjour {{mentor}},

                Votre inscription est validée : nous vous proposerons des jeunes dont le projet correspond à votre métier.
                Chaque proposition arrive par courriel ; vous restez libre de l'accepter ou non.

                Votre espace, pour faire une pause, changer le nombre de jeunes que vous suivez ou quitter le programme :
                {{espace}}

                L'équipe Passerelle"""));
        definitions.put(MENTOR_NOT_VALIDATED_EMAIL, new Definition(MENTOR_NOT_VALIDATED_EMAIL, "Courriel à un mentor non retenu",
                List.of("mentor"), """
                Bonjour {{mentor}},

                Merci pour votre proposition. L'équipe du programme ne peut pas lui donner suite pour le moment ; elle
                reviendra vers vous si un besoin correspond à votre profil.

                L'équipe Passerelle"""));
    }

    /** The guided first questions' own messages (the questions themselves are "Questions au jeune", a decision). */
    private static void qualificationTexts(Map<String, Definition> definitions) {
        definitions.put(REFERRAL_PROPOSAL, new Definition(REFERRAL_PROPOSAL, "Orientation proposée directement au jeune",
                List.of("prenom", "structure"), List.of("structure"), "{{prenom}}, {{structure}} peut t'accompagner près de chez toi. "
                        + "Je t'y oriente ? Réponds oui ou non (un médiateur reste là pour en parler)."));
        definitions.put(QUALIFICATION_NUDGE, new Definition(QUALIFICATION_NUDGE, "Relance pendant les premières questions",
                List.of("prenom"), "{{prenom}}, tu es toujours là ? Réponds à la question ci-dessus quand tu peux, ou écris « parler à quelqu'un »."));
        definitions.put(QUALIFICATION_THANKS, new Definition(QUALIFICATION_THANKS, "Fin des premières questions", List.of("prenom", "quand"),
                List.of("quand"), "Merci {{prenom}} ! Tes réponses sont transmises à ton médiateur, qui te répond {{quand}}."));
        definitions.put(QUALIFICATION_HANDOVER, new Definition(QUALIFICATION_HANDOVER, "Un médiateur prend le relais",
                List.of("prenom", "quand"), List.of("quand"), "C'est noté {{prenom}} : un médiateur (une vraie personne) te répond {{quand}}."));
    }

    public List<Definition> definitions() {
        return List.copyOf(CATALOGUE.values());
    }

    public Definition definition(String key) {
        Definition definition = CATALOGUE.get(key);
        if (definition == null) {
            throw new IllegalArgumentException("Texte inconnu : " + key);
        }
        return definition;
    }

    /** The body that applies now: the latest saved version, or the shipped text. */
    @Transactional(readOnly = true)
    public String current(String key) {
        Definition definition = definition(key);
        return currentBodies.get(definition.key(), known -> texts.findFirstByKeyOrderByVersionDesc(known)
                .map(ProgrammeText::getBody).orElse(definition.shipped()));
    }

    @Transactional(readOnly = true)
    public List<ProgrammeText> versions(String key) {
        return texts.findByKeyOrderByVersionDesc(definition(key).key());
    }

    /** The message as the youth reads it; a missing value reads as nothing rather than failing a send. */
    @Transactional(readOnly = true)
    public String render(String key, Map<String, String> values) {
        return fill(current(key), values);
    }

    /** What a body would give with these values (the page's preview), once checked. */
    public String preview(String key, String body, Map<String, String> values) {
        body = lineBreaks(body);
        List<String> problems = problems(key, body);
        if (!problems.isEmpty()) {
            throw new InvalidText(problems);
        }
        return fill(body, values);
    }

    /** Saves a new version; refused with the reasons in French when a youth could not receive it. */
    @Transactional
    public ProgrammeText save(String key, String body, String author) {
        body = lineBreaks(body);
        List<String> problems = problems(key, body);
        if (!problems.isEmpty()) {
            throw new InvalidText(problems);
        }
        int version = texts.findFirstByKeyOrderByVersionDesc(key).map(ProgrammeText::getVersion).orElse(0) + 1;
        ProgrammeText saved = texts.save(new ProgrammeText(key, version, body.strip(), author, clock.instant()));
        // Read again once committed: a message sent meanwhile may have cached the version before this one.
        currentBodies.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    currentBodies.invalidate(key);
                }
            });
        }
        return saved;
    }

    /** Reads every text again at its next use (versions changed in the table itself, e.g. restored by an operator). */
    public void forgetReadBodies() {
        currentBodies.invalidateAll();
    }

    /** Browsers send a textarea's line breaks as CRLF: kept as plain line breaks. */
    private static String lineBreaks(String body) {
        return body == null ? null : body.replace("\r\n", "\n").replace('\r', '\n');
    }

    List<String> problems(String key, String body) {
        return problems(definition(key), body);
    }

    /** A message a lead writes into a model ("Envoyer un message au jeune"): the rules of the texts page. */
    static final Definition MODEL_MESSAGE = new Definition("messageModele", "Message écrit dans un modèle",
            List.of("prenom"), "");

    public List<String> modelMessageProblems(String body) {
        return problems(MODEL_MESSAGE, body);
    }

    public String renderModelMessage(String body, Map<String, String> values) {
        return fill(lineBreaks(body), values);
    }

    private List<String> problems(Definition definition, String body) {
        List<String> problems = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return List.of("le texte est vide");
        }
        if (body.strip().length() > MAX_LENGTH) {
            problems.add("le texte dépasse " + MAX_LENGTH + " caractères");
        }
        if (body.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n') || Character.getType(c) == Character.FORMAT)) {
            problems.add("le texte contient des caractères invisibles ou de contrôle");
        }
        Matcher tags = TAG.matcher(body);
        while (tags.find()) {
            // {{valeur}}, or a part shown only when the value exists: {{#contact}}…{{/contact}}.
            String name = tags.group(1).replaceFirst("^[#^/]", "");
            if (!definition.placeholders().contains(name)) {
                problems.add("« {{" + name + "}} » n'est pas une valeur connue de ce texte (valeurs possibles : "
                        + String.join(", ", definition.placeholders().stream().map(p -> "{{" + p + "}}").toList()) + ")");
            }
        }
        for (String required : definition.required()) {
            if (!Pattern.compile("\\{\\{\\s*" + required + "\\s*\\}\\}").matcher(body).find()) {
                problems.add("le texte doit contenir {{" + required + "}}");
            }
        }
        if (body.replaceAll(TAG.pattern(), "").contains("{{") || body.replaceAll(TAG.pattern(), "").contains("}}")) {
            problems.add("accolades incomplètes : écrivez les valeurs ainsi, {{prenom}}");
        }
        return problems;
    }

    private static String fill(String body, Map<String, String> values) {
        // A value we do not have (no first name) disappears with the space before it: "Bonjour, c'est…".
        String template = body;
        Matcher tags = TAG.matcher(body);
        while (tags.find()) {
            String value = values.get(tags.group(1));
            if (tags.group(1).matches("[a-zA-Z]+") && (value == null || value.isBlank())) {
                template = template.replaceAll(" ?\\{\\{\\s*" + Pattern.quote(tags.group(1)) + "\\s*\\}\\}", "");
            }
        }
        // Plain text for messaging apps: nothing is escaped.
        return Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("").compile(template)
                .execute(values).strip();
    }

    /** A text a youth could not receive, with the reasons in French. */
    public static class InvalidText extends RuntimeException {
        private final List<String> problems;

        InvalidText(List<String> problems) {
            super(String.join(" ; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
