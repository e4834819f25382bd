package org.passerelle.selftest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.passerelle.actions.ActionPrepared;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.passerelle.referral.ReferralLinks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The skills self-test: its link goes to the youth when a mediator plans the action "Passer un test de compétences";
 * the youth takes it without an account; the results go to the youth in plain words, to the mediator's action task,
 * and the two strongest interests onto the youth's record for the matching.
 */
@Service
public class SelfTests {

    /** The action type that sends the test (action-types.dmn). */
    static final String ACTION_TYPE = "testCompetences";
    static final String PURPOSE = "self-test";
    static final Duration VALIDITY = Duration.ofDays(30);

    public enum LinkState { OPEN, DONE, INVALID, EXPIRED }

    private final SelfTestRepository tests;
    private final SelfTestQuestions questions;
    private final JourneyRepository journeys;
    private final OutboundMessages outbound;
    private final ReferralLinks links;
    private final TaskService tasks;
    private final Clock clock;

    public SelfTests(SelfTestRepository tests, SelfTestQuestions questions, JourneyRepository journeys, OutboundMessages outbound,
            ReferralLinks links, TaskService tasks, Clock clock) {
        this.tests = tests;
        this.questions = questions;
        this.journeys = journeys;
        this.outbound = outbound;
        this.links = links;
        this.tasks = tasks;
        this.clock = clock;
    }

    @EventListener
    void actionPrepared(ActionPrepared action) {
        if (ACTION_TYPE.equals(action.type())) {
            send(action.journeyId(), action.actionId());
        }
    }

    @Transactional
    public SelfTest send(Long journeyId, Long actionId) {
        SelfTest test = tests.save(new SelfTest(journeyId, actionId, ReferralLinks.newNonce(), clock.instant()));
        Journey journey = journeys.findById(journeyId).orElseThrow();
        String first = journey.getYouth().getFirstName() == null ? "" : " " + journey.getYouth().getFirstName().strip();
        outbound.send(journey, ConversationMessage.Kind.ANSWER, "Bonjour" + first + " ! Voici un petit test pour mieux connaître "
                + "tes goûts et tes points forts (5 minutes, sans compte, sur ton téléphone) : " + url(test)
                + " Il n'y a pas de bonne ou de mauvaise réponse.");
        return test;
    }

    public String url(SelfTest test) {
        return links.publicUrl("/jeunes/test?t=" + URLEncoder.encode(links.token(PURPOSE, test.getId(), test.getLinkNonce(), VALIDITY),
                StandardCharsets.UTF_8));
    }

    @Transactional(readOnly = true)
    public LinkState check(String token) {
        ReferralLinks.Verified verified = links.verify(PURPOSE, token);
        if (verified.check() == ReferralLinks.Check.TAMPERED) {
            return LinkState.INVALID;
        }
        Optional<SelfTest> test = tests.findById(verified.referralId()).filter(t -> Objects.equals(t.getLinkNonce(), verified.nonce()));
        if (test.isEmpty()) {
            return LinkState.INVALID;
        }
        // Expiry first: once the link has expired, even the results are no longer shown through it.
        if (verified.check() == ReferralLinks.Check.EXPIRED) {
            return LinkState.EXPIRED;
        }
        return test.get().getCompletedAt() != null ? LinkState.DONE : LinkState.OPEN;
    }

    @Transactional(readOnly = true)
    public Optional<SelfTest> of(String token) {
        ReferralLinks.Verified verified = links.verify(PURPOSE, token);
        return verified.check() == ReferralLinks.Check.TAMPERED ? Optional.empty()
                : tests.findById(verified.referralId()).filter(t -> Objects.equals(t.getLinkNonce(), verified.nonce()));
    }

    public List<SelfTestQuestions.Question> questions() {
        return questions.all();
    }

    /** Scores the answers, keeps the results and tells the mediator; the results in plain words. */
    @Transactional
    public String complete(String token, Map<String, Integer> answers) {
        SelfTest test = of(token).orElseThrow();
        if (test.getCompletedAt() != null) {
            // A second submission at once (a double tap): the first one counts.
            return test.getResults();
        }
        SelfTestScores.Result result = SelfTestScores.of(questions.all(), answers);
        test.complete(result.inWords(), clock.instant());
        Journey journey = journeys.findById(test.getJourneyId()).orElseThrow();
        journey.getYouth().setInterests(result.topInterests().isEmpty() ? null : String.join(",", result.topInterests()));
        noteForTheMediator(journey, test, result.inWords());
        return result.inWords();
    }

    /** On the action's open task when there is one (its comments), otherwise on the journey. */
    private void noteForTheMediator(Journey journey, SelfTest test, String results) {
        if (journey.getProcessInstanceId() == null) {
            return;
        }
        var task = tasks.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(YouthJourney.Tasks.RUN_ACTION).list().stream()
                .filter(t -> Objects.equals(tasks.getVariable(t.getId(), YouthJourney.Vars.ACTION_ID), test.getActionId())).findFirst();
        tasks.createComment(task.map(t -> t.getId()).orElse(null), journey.getProcessInstanceId(),
                "Test de compétences fait par le jeune :\n" + results);
    }

    /** The youth's erasure: their tests go. */
    @Transactional
    public void forgetYouth(Long journeyId) {
        tests.deleteByJourneyId(journeyId);
    }
}
