package org.passerelle.qualification;

import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.autoreply.OpeningHours;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.diagnostic.Departements;
import org.passerelle.intake.Youth;
import org.passerelle.journey.FirstContactStarted;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.JourneySettings;
import org.passerelle.journey.YouthJourney;
import org.passerelle.programme.ProgrammeTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guided first questions, at any hour: with the youth's agreement, Passerelle asks "Questions au jeune" in the
 * conversation (buttons where the platform has them), reads the answers, and hands the mediator a summary and a
 * pre-filled diagnostic. The mediator's first-answer task runs alongside, whatever happens here.
 */
@Service
public class Qualification {

    /** The channels a youth writes on: a lead form or a phone call has no conversation to hold. */
    static final Set<String> CONVERSATION_CHANNELS = Set.of("whatsapp", "messenger", "web");
    private static final Duration WINDOW = Duration.ofHours(24);

    private final boolean enabled;
    private final QualificationQuestions questions;
    private final JourneyRepository journeys;
    private final ConversationMessageRepository messages;
    private final OutboundMessages outbound;
    private final ProgrammeTexts texts;
    private final JourneySettings settings;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final org.camunda.bpm.engine.DecisionService decisions;
    private final org.passerelle.autoreply.FrequentQuestions frequentQuestions;
    private final Clock clock;

    public Qualification(@Value("${passerelle.qualification.enabled:true}") boolean enabled, QualificationQuestions questions,
            JourneyRepository journeys, ConversationMessageRepository messages, OutboundMessages outbound, ProgrammeTexts texts,
            JourneySettings settings, RuntimeService runtime, TaskService tasks, org.camunda.bpm.engine.DecisionService decisions,
            org.passerelle.autoreply.FrequentQuestions frequentQuestions, Clock clock) {
        this.frequentQuestions = frequentQuestions;
        this.decisions = decisions;
        this.enabled = enabled;
        this.questions = questions;
        this.journeys = journeys;
        this.messages = messages;
        this.outbound = outbound;
        this.texts = texts;
        this.settings = settings;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    @EventListener
    void firstContact(FirstContactStarted started) {
        if (enabled && CONVERSATION_CHANNELS.contains(started.channel())) {
            // Its first step is asynchronous: only a job is written within the intake's transaction.
            runtime.startProcessInstanceByKey(YouthQualification.PROCESS_ID, started.journeyId().toString(),
                    Variables.createVariables().putValue(YouthQualification.Vars.JOURNEY_ID, started.journeyId()));
        }
    }

    /**
     * Asks the question after the last one (or the same again); the key asked, or empty when there is none left or
     * the conversation cannot go on (the youth stopped, the journey closed, the 24-hour window passed).
     */
    @Transactional
    public Optional<String> ask(Long journeyId, String lastKey, boolean again, boolean notUnderstood) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        if (!canTalk(journey)) {
            return Optional.empty();
        }
        String channel = journey.getYouth().getChannel();
        Optional<QualificationQuestions.Question> next = again && lastKey != null ? questions.named(channel, lastKey)
                : questions.after(channel, lastKey);
        next.ifPresent(question -> outbound.send(journey, ConversationMessage.Kind.NUDGE,
                (notUnderstood ? "Je n'ai pas bien compris. " : "") + question.text() + numbered(question.buttons()), null, question.buttons()));
        return next.map(QualificationQuestions.Question::key);
    }

    /** Buttons read as numbers where the platform shows none ("Réponds 1, 2 ou 3" would not say which). */
    private static String numbered(List<String> buttons) {
        if (buttons.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            lines.add((i + 1) + ". " + buttons.get(i));
        }
        return "\n" + String.join("\n", lines);
    }

    /** How the youth's latest message answers the question of this key; what is understood is kept on the youth. */
    @Transactional
    public String read(Long journeyId, String key) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        String reply = messages.findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(journeyId,
                ConversationMessage.Direction.IN, journey.getYouth().getChannel()).map(ConversationMessage::getBody).orElse("");
        if (!canTalk(journey)) {
            return YouthQualification.Replies.STOPPED;
        }
        if (QualificationAnswers.asksForAHuman(reply) || ("accord".equals(key) && reply.strip().equals("3"))) {
            return YouthQualification.Replies.HUMAN;
        }
        Optional<String> value = QualificationAnswers.read(key, reply, Year.now(clock));
        if (value.isEmpty()) {
            // "C'est gratuit ?" at 2 a.m.: the automatic reply answers it; the question is then asked again.
            return frequentQuestions.answerTo(reply).isPresent() ? YouthQualification.Replies.FREQUENT_QUESTION
                    : YouthQualification.Replies.NOT_UNDERSTOOD;
        }
        if ("accord".equals(key)) {
            return "oui".equals(value.get()) ? YouthQualification.Replies.UNDERSTOOD : YouthQualification.Replies.DECLINED;
        }
        keep(journey.getYouth(), key, value.get());
        return YouthQualification.Replies.UNDERSTOOD;
    }

    private static void keep(Youth youth, String key, String value) {
        switch (key) {
            case "age" -> youth.setDeclaredAge(Integer.valueOf(value));
            case "departement" -> youth.setDepartement(value);
            case "situation" -> youth.setSituation(value);
            case "diplome" -> youth.setDiplomaLevel(value);
            case "souhait" -> youth.setWish(value);
            case "disponibilite" -> youth.setAvailability(value);
            default -> {
                // "accord" is no fact about the youth.
            }
        }
    }

    /** One reminder while a question waits. */
    @Transactional
    public void nudge(Long journeyId) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        if (canTalk(journey)) {
            outbound.send(journey, ConversationMessage.Kind.NUDGE, texts.render(ProgrammeTexts.QUALIFICATION_NUDGE,
                    Map.of("prenom", name(journey.getYouth()))));
        }
    }

    /** All asked: thanks, and the answers go to the mediator. */
    @Transactional
    public void finish(Long journeyId) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        journey.getYouth().setQualifiedAt(clock.instant());
        tell(journey, ProgrammeTexts.QUALIFICATION_THANKS);
        noteForTheMediator(journey, "Réponses du jeune aux premières questions : " + summary(journey.getYouth()) + "."
                + likelySegment(journey.getYouth()));
    }

    /** The youth asked for a person, declined the questions or went silent: the mediator takes over with what is known. */
    @Transactional
    public void handOver(Long journeyId, String why) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        tell(journey, ProgrammeTexts.QUALIFICATION_HANDOVER);
        noteForTheMediator(journey, "Premières questions interrompues (" + why + "). Réponses déjà données : " + summary(journey.getYouth()) + ".");
    }

    private void tell(Journey journey, String text) {
        if (!canTalk(journey)) {
            return;
        }
        Youth youth = journey.getYouth();
        ZoneId zone = Departements.zoneOf(youth.getDepartement());
        outbound.send(journey, ConversationMessage.Kind.NUDGE, texts.render(text, Map.of("prenom", name(youth),
                "quand", OpeningHours.whenAMediatorAnswers(clock.instant(), zone, settings.getOpeningHour(), settings.getClosingHour()))));
    }

    /** On the mediator's first-answer task when it is still open (its comments), otherwise on the journey. */
    private void noteForTheMediator(Journey journey, String note) {
        if (journey.getProcessInstanceId() == null || journey.getYouth().getErasedAt() != null) {
            return;
        }
        var task = tasks.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER).singleResult();
        tasks.createComment(task == null ? null : task.getId(), journey.getProcessInstanceId(), note);
    }

    /**
     * The segmentation run on the youth's own answers (no barrier or project known yet): a first idea of profile and
     * track for the mediator, who confirms or corrects it in the diagnostic.
     */
    private String likelySegment(Youth youth) {
        if (youth.getDeclaredAge() == null || youth.getSituation() == null || youth.getDiplomaLevel() == null) {
            return "";
        }
        try {
            var result = decisions.evaluateDecisionTableByKey("youthSegmentation", Variables.createVariables()
                    .putValue("age", youth.getDeclaredAge()).putValue("situation", youth.getSituation())
                    .putValue("diplomaLevel", youth.getDiplomaLevel()).putValue("hasProject", false).putValue("projectPrecise", false)
                    .putValue("barrierCount", 0).putValue("urgentBarrier", false)
                    .putValue(YouthJourney.Vars.YOUTH_INTERESTS, youth.getInterests() == null ? "" : youth.getInterests()));
            if (result.isEmpty() || result.getFirstResult().getEntry("track") == null) {
                return "";
            }
            return " Profil probable d'après ses seules réponses : " + result.getFirstResult().getEntry("persona") + " (voie "
                    + result.getFirstResult().getEntry("track") + "), à confirmer au diagnostic.";
        } catch (RuntimeException unusable) {
            // A lead's table that needs more than these answers: the mediator's diagnostic decides, as always.
            return "";
        }
    }

    static String summary(Youth youth) {
        List<String> parts = new ArrayList<>();
        parts.add(youth.getDeclaredAge() == null ? "âge non donné" : youth.getDeclaredAge() + " ans");
        parts.add(youth.getDepartement() == null ? "département non donné" : "département " + youth.getDepartement()
                + (Departements.nameOf(youth.getDepartement()) == null ? "" : " (" + Departements.nameOf(youth.getDepartement()) + ")"));
        parts.add("situation : " + (youth.getSituation() == null ? "non donnée" : youth.getSituation()));
        parts.add("diplôme : " + (youth.getDiplomaLevel() == null ? "non donné" : youth.getDiplomaLevel()));
        parts.add("cherche : " + (youth.getWish() == null ? "non dit" : youth.getWish()));
        parts.add("disponibilités : " + (youth.getAvailability() == null ? "non données" : "« " + youth.getAvailability() + " »"));
        return String.join(" · ", parts);
    }

    private boolean canTalk(Journey journey) {
        Youth youth = journey.getYouth();
        if (journey.getStatus() != Journey.Status.OPEN || youth.getOptedOutAt() != null) {
            return false;
        }
        return messages.findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(journey.getId(),
                ConversationMessage.Direction.IN, youth.getChannel())
                .map(m -> m.getCreatedAt().isAfter(clock.instant().minus(WINDOW))).orElse(false);
    }

    private static String name(Youth youth) {
        return youth.getFirstName() == null ? "" : youth.getFirstName().strip();
    }
}
