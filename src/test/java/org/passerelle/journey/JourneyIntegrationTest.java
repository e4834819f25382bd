package org.passerelle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessage.Direction;
import org.passerelle.conversation.ConversationMessage.Kind;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The journey with its real delegates and database: what a mediator and a youth see happen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JourneyIntegrationTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = org.passerelle.testsupport.TestSmtp.server().withPerMethodLifecycle(false);
    @Autowired org.passerelle.referral.PartnerAnswers partnerAnswers;
    @Autowired org.passerelle.referral.ReferralLinks referralLinks;

    @Autowired JourneyGateway gateway;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JourneyRepository journeys;
    @Autowired YouthRepository youths;
    @Autowired ConversationMessageRepository messages;
    @Autowired org.passerelle.mentoring.MentorRepository mentors;
    @Autowired org.passerelle.mentoring.MentorMatchRepository mentorMatches;
    @Autowired org.passerelle.mentoring.MentorProposals mentorProposals;
    @Autowired org.passerelle.mentoring.MentorLinks mentorLinks;
    @Autowired org.passerelle.mentoring.MentorshipRepository mentorshipRepository;
    @Autowired org.passerelle.mentoring.Mentorships mentorshipService;
    @Autowired org.passerelle.partners.PartnerRepository partners;
    @Autowired org.passerelle.referral.ReferralRepository referrals;
    @Autowired org.passerelle.actions.JourneyActionRepository actions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private JourneyGateway.Started contact(String externalId) {
        return gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Neila", "tiktok-automne",
                "Bonjour, je cherche un travail"));
    }

    private Task task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private void executeJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private JourneyGateway.Started answered(String externalId) {
        var started = contact(externalId);
        taskService.complete(task(started.processInstanceId(), Tasks.FIRST_ANSWER).getId(),
                java.util.Map.of(Vars.ANSWER_TEXT, "Bonjour Neila, je suis Amina, ta médiatrice."));
        executeJob(started.processInstanceId(), "taskSendFirstAnswer");
        return started;
    }

    private List<ConversationMessage> conversation(Long journeyId) {
        return messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journeyId);
    }

    @Test
    void firstContactOpensAJourneyWithTheYouthsMessageForTheMediator() {
        var started = contact("wa-first-1");

        Task firstAnswer = task(started.processInstanceId(), Tasks.FIRST_ANSWER);
        assertThat(firstAnswer).isNotNull();
        assertThat(taskService.getVariable(firstAnswer.getId(), Vars.FIRST_MESSAGE)).isEqualTo("Bonjour, je cherche un travail");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(started.journeyId().toString()).count()).isOne();
        assertThat(conversation(started.journeyId())).extracting(ConversationMessage::getKind).containsExactly(Kind.FIRST_CONTACT);
    }

    @Test
    void theMediatorsAnswerGoesThroughTheOutboxAndTheNextFormStartsEmpty() {
        var started = answered("wa-answer-1");

        assertThat(conversation(started.journeyId())).last().satisfies(m -> {
            assertThat(m.getDirection()).isEqualTo(Direction.OUT);
            assertThat(m.getKind()).isEqualTo(Kind.ANSWER);
            assertThat(m.getStatus()).isEqualTo(ConversationMessage.Status.SENT);
            assertThat(m.getBody()).startsWith("Bonjour Neila");
        });
        assertThat(runtimeService.getVariable(started.processInstanceId(), Vars.ANSWER_TEXT)).isNull();
        assertThat(task(started.processInstanceId(), Tasks.DIAGNOSTIC)).isNotNull();
    }

    @Test
    void aSilentYouthIsNudgedByFirstNameAtTheDueDate() {
        var started = answered("wa-nudge-1");
        Date nudgeAt = (Date) runtimeService.getVariable(started.processInstanceId(), Vars.NEXT_NUDGE_AT);
        assertThat(Duration.between(new Date().toInstant(), nudgeAt.toInstant()).toDays()).isBetween(2L, 4L);

        ClockUtil.setCurrentTime(new Date(nudgeAt.getTime() + 60_000));
        executeJob(started.processInstanceId(), "timerNextNudge");

        assertThat(conversation(started.journeyId())).last().satisfies(m -> {
            assertThat(m.getKind()).isEqualTo(Kind.NUDGE);
            assertThat(m.getBody()).contains("Neila");
        });
        Journey journey = journeys.findById(started.journeyId()).orElseThrow();
        assertThat(journey.getUnansweredNudges()).isOne();
        Date secondNudgeAt = (Date) runtimeService.getVariable(started.processInstanceId(), Vars.NEXT_NUDGE_AT);
        assertThat(secondNudgeAt).isAfter(nudgeAt);
    }

    @Test
    void aReplyResetsTheSilenceAndGivesTheMediatorTheConversation() {
        var started = answered("wa-reply-1");
        Date nudgeAt = (Date) runtimeService.getVariable(started.processInstanceId(), Vars.NEXT_NUDGE_AT);
        ClockUtil.setCurrentTime(new Date(nudgeAt.getTime() + 60_000));
        executeJob(started.processInstanceId(), "timerNextNudge");

        // The platform said: the first answer was read, the nudge could not be delivered.
        var sent = messages.findByJourneyIdOrderByCreatedAtAscIdAsc(started.journeyId()).stream()
                .filter(m -> m.getDirection() == org.passerelle.conversation.ConversationMessage.Direction.OUT).toList();
        sent.get(0).deliveryStatus("read");
        sent.get(sent.size() - 1).deliveryStatus("failed");
        messages.saveAll(sent);
        gateway.youthWrote(started.journeyId(), "Oui j'ai fait mon CV !");

        assertThat(journeys.findById(started.journeyId()).orElseThrow().getUnansweredNudges()).isZero();
        Task answer = task(started.processInstanceId(), Tasks.ANSWER_YOUTH);
        assertThat(answer.getDueDate()).as("answered within 24 hours too")
                .isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + 24L * 3600 * 1000), 60_000);
        String shown = (String) taskService.getVariable(answer.getId(), Vars.CONVERSATION);
        assertThat(shown).contains("Jeune : Bonjour, je cherche un travail", "Médiateur (lu) : Bonjour Neila",
                "Médiateur (NON DÉLIVRÉ : joindre le jeune autrement) : ", "Jeune : Oui j'ai fait mon CV !");

        gateway.youthWrote(started.journeyId(), "Tu es là ?");
        assertThat(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.ANSWER_YOUTH).count()).as("one answer task for both messages").isOne();

        taskService.complete(answer.getId(), java.util.Map.of(Vars.ANSWER_TEXT, "Bravo ! Envoie-le moi."));
        executeJob(started.processInstanceId(), "taskSendAnswer");
        assertThat(conversation(started.journeyId())).last().extracting(ConversationMessage::getBody).isEqualTo("Bravo ! Envoie-le moi.");
    }

    @Test
    void stopEndsTheJourneyAndAllNudgesAtOnce() {
        var started = answered("wa-stop-1");

        gateway.youthOptedOut(started.journeyId());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        Journey journey = journeys.findById(started.journeyId()).orElseThrow();
        assertThat(journey.getStatus()).isEqualTo(Journey.Status.CLOSED);
        assertThat(journey.getOutcome()).isEqualTo(YouthJourney.Outcomes.REFUS);
        assertThat(youths.findById(journey.getYouth().getId()).orElseThrow().getOptedOutAt()).isNotNull();
    }

    @Test
    void aPhoneContactStartedFromTasklistOpensAJourney() {
        var instance = runtimeService.startProcessInstanceByKey(YouthJourney.PROCESS_ID, java.util.Map.of(
                Vars.YOUTH_FIRST_NAME, "Emma", Vars.CHANNEL, "telephone", Vars.FIRST_MESSAGE, "Je cherche une alternance"));

        Long journeyId = (Long) runtimeService.getVariable(instance.getId(), Vars.JOURNEY_ID);
        Journey journey = journeys.findById(journeyId).orElseThrow();
        assertThat(journey.getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey())
                .isEqualTo(journeyId.toString());
        assertThat(task(instance.getId(), Tasks.DIAGNOSTIC)).isNotNull();
        assertThat(task(instance.getId(), Tasks.FIRST_ANSWER)).isNull();
    }

    @Test
    void theSameContactTwiceGivesTheSameJourney() {
        var first = contact("wa-twice-1");
        var second = contact("wa-twice-1");

        assertThat(second.journeyId()).isEqualTo(first.journeyId());
        assertThat(second.created()).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(first.journeyId().toString()).count()).isOne();
    }

    /** The signed link the partner received for this referral (as in its email). */
    private String linkOf(Long journeyId, Long partnerId) {
        var referral = referrals.findByJourneyId(journeyId).stream().filter(r -> r.getPartnerId().equals(partnerId))
                .filter(r -> r.getLinkNonce() != null).findFirst().orElseThrow();
        return referralLinks.token(referral.getId(), referral.getLinkNonce(), java.time.Duration.ofDays(31));
    }

    private String calledInstance(String parentId) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(parentId).singleResult().getId();
    }

    private void diagnose(JourneyGateway.Started started, String birthDate, String departement, String diploma,
            String situation, java.util.List<String> barriers, boolean hasProject, String project, String sector) {
        diagnose(started, birthDate, departement, null, diploma, situation, barriers, hasProject, project, sector);
    }

    private void diagnose(JourneyGateway.Started started, String birthDate, String departement, String commune, String diploma,
            String situation, java.util.List<String> barriers, boolean hasProject, String project, String sector) {
        var variables = org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue(Vars.BIRTH_DATE, birthDate).putValue(Vars.DEPARTEMENT, departement).putValue(Vars.COMMUNE_CODE, commune)
                .putValue(Vars.DIPLOMA_LEVEL, diploma).putValue(Vars.SITUATION, situation)
                .putValue(Vars.BARRIERS, org.camunda.spin.Spin.JSON(barriers))
                .putValue(Vars.HAS_PROJECT, hasProject).putValue(Vars.PROJECT, project).putValue(Vars.PROJECT_SECTOR, sector)
                .putValue(Vars.AVAILABILITY, "le matin").putValue(Vars.CONSENT_CONTACT, true)
                .putValue(Vars.CONSENT_REFERRAL, true).putValue(Vars.GUARDIAN_CONSENT, false);
        taskService.complete(task(started.processInstanceId(), Tasks.DIAGNOSTIC).getId(), variables);
        executeJob(started.processInstanceId(), "taskRecordDiagnostic");
    }

    /**
     * Issue "programme changes without Java", change (f): a lead adds a question to the diagnostic form and a column
     * to "Segmentation" that uses it, deploys both from Modeler, and the next diagnosis is routed by it; a journey whose
     * form had no such question is still segmented.
     */
    @Test
    void aLeadAddsADiagnosticQuestionThatRoutesTheNextJourneysWithoutJava() throws Exception {
        String lead = org.passerelle.testsupport.TestUsers.ensure(identityService, "diagnosticLead",
                org.passerelle.security.Roles.PROGRAMME_LEADS);
        String form = java.nio.file.Files.readString(java.nio.file.Path.of("forms/diagnostic.form"));
        String withLicence = form.replaceFirst("\\{\\s*\"type\":\\s*\"checkbox\",\\s*\"id\":\\s*\"consentContactField\"",
                "{\"type\": \"checkbox\", \"id\": \"permisBField\", \"key\": \"permisB\", \"label\": \"A le permis B\"},\n    $0");
        assertThat(withLicence).contains("\"key\": \"permisB\"");
        String dmn = java.nio.file.Files.readString(java.nio.file.Path.of("processes/youth-segmentation.dmn"));
        String routed = dmn.replace("      <output id=\"outputPersona\"", """
                      <input id="inputDrivingLicence" label="Permis B">
                        <inputExpression id="inputExpressionDrivingLicence" typeRef="boolean"><text>permisB</text></inputExpression>
                      </input>
                      <output id="outputPersona\"""")
                .replaceAll("(\\s*)<outputEntry id=\"([A-Za-z0-9]+)Persona\"", "$1<inputEntry id=\"$2Licence\"><text></text></inputEntry>$1<outputEntry id=\"$2Persona\"")
                .replaceFirst("<rule id=", """
                      <rule id="ruleDrivingLicence">
                        <inputEntry id="ruleDrivingLicenceAge"><text></text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceSituation"><text>"chomeur"</text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceDiploma"><text></text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceHasProject"><text></text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceProjectPrecise"><text></text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceBarrierCount"><text></text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceUrgentBarrier"><text>false</text></inputEntry>
                        <inputEntry id="ruleDrivingLicenceLicence"><text>true</text></inputEntry>
                        <outputEntry id="ruleDrivingLicencePersona"><text>"chomeurMobile"</text></outputEntry>
                        <outputEntry id="ruleDrivingLicenceTrack"><text>"coupDePouce"</text></outputEntry>
                      </rule>
                      <rule id=""");
        var deployed = org.passerelle.testsupport.ModelerDeploy.deploy(port, lead, java.util.Map.of("diagnostic.form", withLicence,
                "youth-segmentation.dmn", routed));
        try {
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            var driver = answered("wa-licence-1");
            var variables = org.camunda.bpm.engine.variable.Variables.createVariables()
                    .putValue(Vars.BIRTH_DATE, "2004-02-02").putValue(Vars.DEPARTEMENT, "59").putValue(Vars.DIPLOMA_LEVEL, "capBep")
                    .putValue(Vars.SITUATION, "chomeur").putValue(Vars.BARRIERS, org.camunda.spin.Spin.JSON(List.of()))
                    .putValue(Vars.HAS_PROJECT, false).putValue(Vars.AVAILABILITY, "le matin").putValue(Vars.CONSENT_CONTACT, true)
                    .putValue(Vars.CONSENT_REFERRAL, true).putValue(Vars.GUARDIAN_CONSENT, false).putValue("permisB", true);
            taskService.complete(task(driver.processInstanceId(), Tasks.DIAGNOSTIC).getId(), variables);
            executeJob(driver.processInstanceId(), "taskRecordDiagnostic");
            assertThat(runtimeService.getVariable(driver.processInstanceId(), Vars.PERSONA)).isEqualTo("chomeurMobile");

            var other = answered("wa-licence-2");
            diagnose(other, "2004-02-02", "59", "capBep", "chomeur", List.of(), false, null, null);
            assertThat(runtimeService.getVariable(other.processInstanceId(), Vars.TRACK)).as("segmented without the new answer").isNotNull();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(other.processInstanceId()).count()).isZero();
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                    .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains("youth-segmentation.dmn"))
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    @Test
    void aLeadAddsAnActionTypeAndTheNextPlanOffersItWithoutJavaOrRestart() throws Exception {
        String lead = org.passerelle.testsupport.TestUsers.ensure(identityService, "actionsLead",
                org.passerelle.security.Roles.PROGRAMME_LEADS);
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("processes/action-types.dmn"));
        String withWorkshop = shipped.replace("    </decisionTable>", """
                      <rule id="ruleAtelierNumerique">
                        <inputEntry id="ruleAtelierNumeriqueInput"><text>-</text></inputEntry>
                        <outputEntry id="ruleAtelierNumeriqueCode"><text>"atelierNumerique"</text></outputEntry>
                        <outputEntry id="ruleAtelierNumeriqueLabel"><text>"Atelier numérique"</text></outputEntry>
                        <outputEntry id="ruleAtelierNumeriqueDays"><text>10</text></outputEntry>
                      </rule>
                    </decisionTable>""");
        String duplicate = shipped.replace("\"lettreMotivation\"", "\"cv\"");
        var refused = org.passerelle.testsupport.ModelerDeploy.deploy(port, lead, java.util.Map.of("action-types.dmn", duplicate));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Types d'action", "code « cv » présent deux fois");

        var deployed = org.passerelle.testsupport.ModelerDeploy.deploy(port, lead, java.util.Map.of("action-types.dmn", withWorkshop));
        try {
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            var started = answered("wa-actions-lead-1");
            diagnose(started, "2003-05-10", "75", "licence", "etudiant", java.util.List.of(), true, "Développeur web", "numerique");
            Task plan = task(started.processInstanceId(), Tasks.PLAN_ACTIONS);
            assertThat(taskService.getVariableLocal(plan.getId(), Vars.ACTION_TYPE_OPTIONS).toString())
                    .contains("Atelier numérique", "atelierNumerique", "Rédiger le CV");

            taskService.complete(plan.getId(), java.util.Map.of(Vars.PLANNED_ACTIONS,
                    org.camunda.spin.Spin.JSON(java.util.List.of("atelierNumerique"))));
            executeJob(started.processInstanceId(), "taskRecordActionPlan");

            Task action = task(started.processInstanceId(), Tasks.RUN_ACTION);
            assertThat(action.getName()).isEqualTo("Action : Atelier numérique");
            assertThat(action.getDueDate().toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(10)).minusSeconds(120),
                    java.time.Instant.now().plus(java.time.Duration.ofDays(10)).plusSeconds(120));
            assertThat(actions.findByJourneyIdOrderByIdAsc(started.journeyId())).extracting(a -> a.getType())
                    .containsExactly("atelierNumerique");
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                    .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains("action-types.dmn"))
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    @Test
    void aStudentWithAPreciseProjectRunsActionsThenMeetsAMentor() {
        var mentor = mentors.save(org.passerelle.mentoring.Mentor.of(new org.passerelle.mentoring.Mentor.Profile("Julien", "Moreau",
                "Orange", null, "numerique", "julien.journey@example.org", java.util.List.of("75"), false, java.util.List.of("cv"),
                java.util.List.of("stage"), null, 1, null), org.passerelle.mentoring.Mentor.Status.ACTIVE, java.time.Instant.now()));
        var started = answered("wa-mentor-1");
        diagnose(started, "2003-05-10", "75", "licence", "etudiant", java.util.List.of(), true, "Développeur web", "numerique");

        var youth = journeys.findById(started.journeyId()).orElseThrow().getYouth();
        assertThat(youths.findById(youth.getId()).orElseThrow().getTrack()).isEqualTo(YouthJourney.Tracks.MENTORAT);
        assertThat(runtimeService.getVariables(started.processInstanceId()))
                .containsEntry(Vars.TRACK, "mentorat").containsEntry(Vars.PERSONA, "etudiantEnTransition")
                .doesNotContainKeys(Vars.BIRTH_DATE, Vars.PROJECT, Vars.AVAILABILITY, Vars.SEGMENTATION);

        taskService.complete(task(started.processInstanceId(), Tasks.PLAN_ACTIONS).getId(),
                java.util.Map.of(Vars.PLANNED_ACTIONS, org.camunda.spin.Spin.JSON(java.util.List.of("cv", "lettreMotivation"))));
        executeJob(started.processInstanceId(), "taskRecordActionPlan");
        var actionTasks = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.RUN_ACTION).orderByTaskName().asc().list();
        assertThat(actionTasks).extracting(Task::getName)
                .containsExactly("Action : Rédiger le CV", "Action : Rédiger une lettre de motivation");
        taskService.complete(actionTasks.get(0).getId(), java.util.Map.of(Vars.ACTION_OUTCOME, "realisee"));
        taskService.complete(actionTasks.get(1).getId(), java.util.Map.of(Vars.ACTION_OUTCOME, "partielle", Vars.ACTION_NOTE, "À finir"));
        managementService.createJobQuery().processInstanceId(started.processInstanceId()).activityId("taskRecordActionOutcome")
                .list().forEach(j -> managementService.executeJob(j.getId()));
        assertThat(actions.findByJourneyIdOrderByIdAsc(started.journeyId())).extracting(a -> a.getOutcome())
                .containsExactly("realisee", "partielle");

        String matching = calledInstance(started.processInstanceId());
        executeJob(matching, "taskRankMentors");
        Task propose = task(matching, "taskProposeMentor");
        assertThat(taskService.getVariable(propose.getId(), org.passerelle.mentoring.MentorMatching.Vars.MENTOR_OPTIONS).toString())
                .contains("Julien Moreau — Orange (Numérique)");
        taskService.complete(propose.getId(), java.util.Map.of("mentorId", mentor.getId().toString()));
        executeJob(matching, "taskSendMentorProposal");
        var proposed = mentorMatches.findByJourneyId(started.journeyId()).get(0);
        // The mentor accepts through the link of the email; the mentorship starts, then the mentor ends it.
        mentorProposals.answer(mentorLinks.token(org.passerelle.mentoring.MentorLinks.Purpose.PROPOSAL, proposed.getId(),
                proposed.getLinkNonce()), true, null, null);
        String mentorship = calledInstance(matching);
        executeJob(mentorship, "taskIntroduceMentorship");
        var running = mentorshipRepository.findFirstByJourneyIdAndStatus(started.journeyId(),
                org.passerelle.mentoring.Mentorship.Status.ACTIVE).orElseThrow();
        mentorshipService.end(running.getId(), "alternance", org.passerelle.mentoring.Mentorship.EndedBy.MENTOR);
        executeJob(mentorship, "taskCloseEnded");

        assertThat(mentorMatches.findByJourneyId(started.journeyId())).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(org.passerelle.mentoring.MentorMatch.Status.ACCEPTED));
        assertThat(runtimeService.getVariable(started.processInstanceId(), Vars.MENTORING_OUTCOME)).isEqualTo("matched");
        taskService.complete(task(started.processInstanceId(), Tasks.CLOSE_JOURNEY).getId(), java.util.Map.of(Vars.OUTCOME, "alternance"));
        executeJob(started.processInstanceId(), "taskRecordOutcome");
        assertThat(journeys.findById(started.journeyId()).orElseThrow().getOutcome()).isEqualTo("alternance");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
    }

    @Autowired org.passerelle.referral.Referrals referralService;

    @Test
    void theAgeOnTheReferralDayIsCountedWhereTheYouthLives() {
        var youthId = journeys.findById(answered("wa-age-976").journeyId()).orElseThrow().getYouth().getId();
        var youth = youths.findById(youthId).orElseThrow();
        youth.setBirthDate(java.time.LocalDate.of(2000, 6, 2));
        youth.setDepartement("976");
        youths.save(youth);
        var ml = partners.save(new org.passerelle.partners.Partner("Mission Locale Mayotte âge",
                org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "976", "mayotte@example.org", 16, 25));
        Long journeyId = journeys.findAll().stream().filter(j -> j.getYouth().getId().equals(youthId)).findFirst().orElseThrow().getId();

        // 21:30 UTC on 1 June is already 2 June, the 26th birthday, in Mayotte (UTC+3).
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-06-01T21:30:00Z")));
        var result = referralService.proposals(journeyId);

        assertThat(result.proposals()).noneMatch(p -> p.partner().getId().equals(ml.getId()));
        assertThat(result.exclusions()).filteredOn(e -> e.partner().getId().equals(ml.getId())).singleElement()
                .satisfies(e -> assertThat(e.reasons()).containsExactly("trop âgé : 26 ans, accueil jusqu'à 25 ans"));
    }

    @Test
    void aServiceReservedToRqthIsProposedOnlyToYouthsWhoHaveIt() {
        var reserved = partners.save(org.passerelle.partners.Partner.imported("test-rqth", "cap-emploi-973",
                new org.passerelle.partners.Partner.Description("Accompagnement RQTH Guyane", null,
                        org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "973", null, "rqth973@example.org", null,
                        16, 25, null, null, "rqth", "dep:973", null, null, null, null, true)));
        Long with = youthIn973("wa-rqth-1", "rqth,qpv");
        Long without = youthIn973("wa-rqth-2", null);

        assertThat(referralService.proposals(with).proposals()).anyMatch(p -> p.partner().getId().equals(reserved.getId()));
        assertThat(referralService.proposals(without).exclusions()).filteredOn(e -> e.partner().getId().equals(reserved.getId()))
                .singleElement().satisfies(e -> assertThat(e.reasons()).containsExactly("réservé aux publics : rqth"));
    }

    private Long youthIn973(String externalId, String statuses) {
        Long journeyId = answered(externalId).journeyId();
        var youth = youths.findById(journeys.findById(journeyId).orElseThrow().getYouth().getId()).orElseThrow();
        youth.setBirthDate(java.time.LocalDate.of(2004, 1, 15));
        youth.setDepartement("973");
        youth.setStatuses(statuses);
        youths.save(youth);
        return journeyId;
    }

    @Test
    void aYouthsCommuneRanksTheServicesOfThatCommuneFirst() {
        var communal = partners.save(org.passerelle.partners.Partner.imported("test-commune", "antenne-97120",
                new org.passerelle.partners.Partner.Description("Antenne jeunes Pointe-à-Pitre", null,
                        org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "971", "97120", "antenne@example.org", null,
                        16, 25, null, null, null, "com:97120", null, null, null, null, true)));
        partners.save(org.passerelle.partners.Partner.imported("test-commune", "antenne-97101",
                new org.passerelle.partners.Partner.Description("Antenne jeunes Les Abymes", null,
                        org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "971", "97101", "abymes@example.org", null,
                        16, 25, null, null, null, "com:97101", null, null, null, null, true)));
        var started = answered("wa-commune-1");
        diagnose(started, "2006-06-02", "971", "97120", "aucun", "decrocheur", java.util.List.of("logement"), false, null, null);

        var youth = journeys.findById(started.journeyId()).orElseThrow().getYouth();
        assertThat(youths.findById(youth.getId()).orElseThrow().getCommuneCode()).isEqualTo("97120");
        assertThat(runtimeService.getVariables(started.processInstanceId())).doesNotContainKey(Vars.COMMUNE_CODE);
        Task choose = task(calledInstance(started.processInstanceId()), "taskChoosePartner");
        assertThat(taskService.getVariable(choose.getId(), "partnerProposals").toString())
                .startsWith("1. Antenne jeunes Pointe-à-Pitre : ").contains("dans la commune du jeune");
        assertThat(taskService.getVariable(choose.getId(), "partnerOptions").toString())
                .contains(communal.getId().toString()).doesNotContain("Abymes");
    }

    @Test
    void aMinorInNeedIsProposedTheMissionLocaleDirectlyAndReferredOnTheirYes() throws Exception {
        var missionLocale = partners.save(new org.passerelle.partners.Partner("Mission Locale de Bobigny automatique",
                org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "93", "accueil@ml-bobigny.example.org", 16, 25));
        var started = answered("wa-automatic-1");
        diagnose(started, java.time.LocalDate.now().minusYears(17).minusDays(10).toString(), "93", "aucun", "decrocheur",
                java.util.List.of("logement"), false, null, null);

        String referral = calledInstance(started.processInstanceId());
        executeJob(referral, "taskProposePartnerToYouth");
        assertThat(conversation(started.journeyId())).extracting(ConversationMessage::getBody)
                .anyMatch(text -> text.contains("Mission Locale de Bobigny automatique peut t'accompagner près de chez toi"));
        Task follow = task(referral, org.passerelle.referral.PartnerReferral.Tasks.FOLLOW_AUTOMATIC);
        assertThat(follow).as("the mediator sees the proposal and may take it back").isNotNull();

        gateway.youthWrote(started.journeyId(), "Oui");
        executeJob(referral, "taskReadYouthAnswer");
        executeJob(referral, "taskSendReferral");

        assertThat(referrals.findByJourneyId(started.journeyId())).singleElement()
                .satisfies(r -> assertThat(r.getPartnerId()).isEqualTo(missionLocale.getId()));
        assertThat(smtp.getReceivedMessagesForDomain("ml-bobigny.example.org")).hasSize(1);
        assertThat(taskService.createTaskQuery().processInstanceId(referral).taskDefinitionKey("taskChoosePartner").count()).isZero();
    }

    @Test
    void aYouthWithoutHousingIsReferredAtOnceAndASecondPartnerAccepts() {
        var refusing = partners.save(new org.passerelle.partners.Partner("Mission Locale Sud Réunion",
                org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "974", "ml@example.org", 16, 25));
        var accepting = partners.save(new org.passerelle.partners.Partner("RSMA La Réunion",
                org.passerelle.partners.PartnerNetworks.RSMA, "974", "rsma@example.org", 18, 25));
        partners.save(new org.passerelle.partners.Partner("Mission Locale de Paris",
                org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "75", "ml75@example.org", 16, 25));
        partners.save(new org.passerelle.partners.Partner("Mission Locale Nord Réunion sans contact",
                org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "974", "", 16, 25));
        var started = answered("wa-relais-1");
        diagnose(started, "2006-06-02", "974", "aucun", "decrocheur", java.util.List.of("logement"), false, null, null);

        String referral = calledInstance(started.processInstanceId());
        Task choose = task(referral, "taskChoosePartner");
        String options = taskService.getVariable(choose.getId(), "partnerOptions").toString();
        assertThat(options).contains("Mission Locale Sud Réunion", "RSMA La Réunion").doesNotContain("Paris");
        assertThat(taskService.getVariable(choose.getId(), "partnerProposals").toString())
                .contains("1. Mission Locale Sud Réunion : ", "dans le département du jeune (974)",
                        "réseau conseillé pour ce profil (Mission Locale)",
                        "Mission Locale Nord Réunion sans contact : ", "sans courriel ni téléphone dans l'annuaire : orientation sur place",
                        "pas sur le territoire du jeune.")
                .doesNotContain("Mission Locale de Paris");
        taskService.complete(choose.getId(), java.util.Map.of("partnerId", refusing.getId().toString()));
        executeJob(referral, "taskSendReferral");
        partnerAnswers.answer(linkOf(started.journeyId(), refusing.getId()), false, (org.passerelle.referral.Appointment) null, "pasDePlace");
        executeJob(referral, "taskSavePartnerAnswer");

        Task again = task(referral, "taskChoosePartner");
        assertThat(taskService.getVariable(again.getId(), "partnerOptions").toString()).doesNotContain("Mission Locale Sud Réunion");
        taskService.complete(again.getId(), java.util.Map.of("partnerId", accepting.getId().toString()));
        executeJob(referral, "taskSendReferral");
        partnerAnswers.answer(linkOf(started.journeyId(), accepting.getId()), true, java.time.LocalDate.of(2026, 12, 1), null);
        executeJob(referral, "taskSavePartnerAnswer");
        executeJob(referral, "taskNotifyYouth");
        assertThat(conversation(started.journeyId())).last().satisfies(m ->
                assertThat(m.getBody()).contains("RSMA La Réunion t'attend le mardi 1 décembre pour ton premier rendez-vous.")
                        .doesNotContain("Leur numéro"));
        taskService.complete(task(referral, "taskConfirmAttendance").getId(), java.util.Map.of("youthAttended", "true"));
        executeJob(referral, "taskRecordAttendance");

        assertThat(referrals.findByJourneyId(started.journeyId())).extracting(r -> r.getStatus())
                .containsExactly(org.passerelle.referral.Referral.Status.REFUSED, org.passerelle.referral.Referral.Status.ACCEPTED);
        assertThat(runtimeService.getVariable(started.processInstanceId(), Vars.REFERRAL_OUTCOME)).isEqualTo("accepted");
        assertThat(task(started.processInstanceId(), Tasks.CLOSE_JOURNEY)).isNotNull();
        assertThat(task(started.processInstanceId(), Tasks.PLAN_ACTIONS)).isNull();
    }
}
