package org.passerelle.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tracks;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * recordDiagnostic and recordSegmentation with the real engine, DMN and database, each in a
 * one-step process wired as in youthJourney (asynchronous where youthJourney is).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnosticDelegatesTest {

    private static final String RECORD_DIAGNOSTIC = "recordDiagnosticHarness";
    private static final String SEGMENT = "segmentYouthHarness";
    private static final String RECORD_SEGMENTATION = "recordSegmentationHarness";
    /** 23 November 2026, noon in Paris. */
    private static final Instant NOW = Instant.parse("2026-11-23T11:00:00Z");

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;

    private String deploymentId;

    @BeforeAll
    void deployHarnesses() {
        BpmnModelInstance recordDiagnostic = Bpmn.createExecutableProcess(RECORD_DIAGNOSTIC).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("taskRecordDiagnostic").camundaAsyncBefore().camundaDelegateExpression("${recordDiagnostic}")
                .receiveTask("waitForTest").endEvent().done();
        BpmnModelInstance segment = Bpmn.createExecutableProcess(SEGMENT).camundaHistoryTimeToLive(1)
                .startEvent()
                .businessRuleTask("taskSegmentYouth").camundaDecisionRef("youthSegmentation")
                .camundaMapDecisionResult("singleResult").camundaResultVariable(Vars.SEGMENTATION)
                .serviceTask("taskRecordSegmentation").camundaAsyncBefore().camundaDelegateExpression("${recordSegmentation}")
                .receiveTask("waitForTest").endEvent().done();
        BpmnModelInstance recordSegmentation = Bpmn.createExecutableProcess(RECORD_SEGMENTATION).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("taskRecordSegmentation").camundaDelegateExpression("${recordSegmentation}")
                .receiveTask("waitForTest").endEvent().done();
        deploymentId = repositoryService.createDeployment().name("diagnostic delegate harnesses")
                .addModelInstance(RECORD_DIAGNOSTIC + ".bpmn", recordDiagnostic)
                .addModelInstance(SEGMENT + ".bpmn", segment)
                .addModelInstance(RECORD_SEGMENTATION + ".bpmn", recordSegmentation)
                .deploy().getId();
    }

    @AfterAll
    void removeHarnesses() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Journey newJourney() {
        Youth youth = youths.save(new Youth("whatsapp", "diag-" + UUID.randomUUID(), "Neila", "test", NOW));
        return journeys.save(new Journey(youth, NOW));
    }

    private Youth youthOf(Journey journey) {
        return youths.findById(journey.getYouth().getId()).orElseThrow();
    }

    /** What Tasklist submits for the diagnostic form, dates as the form's "yyyy-MM-dd" text. */
    private static VariableMap diagnostic(Journey journey, String birthDate, Object barriers) {
        return Variables.createVariables().putValue(Vars.JOURNEY_ID, journey.getId())
                .putValue(Vars.BIRTH_DATE, birthDate).putValue(Vars.DEPARTEMENT, "974")
                .putValue(Vars.DIPLOMA_LEVEL, "bac").putValue(Vars.SITUATION, "chomeur")
                .putValue(Vars.BARRIERS, barriers).putValue(Vars.HAS_PROJECT, true)
                .putValue(Vars.PROJECT, "Cuisinier en restauration collective").putValue(Vars.PROJECT_SECTOR, "tourisme")
                .putValue(Vars.AVAILABILITY, "le matin sauf le mercredi").putValue(Vars.CONSENT_CONTACT, true)
                .putValue(Vars.CONSENT_REFERRAL, false).putValue(Vars.GUARDIAN_CONSENT, false);
    }

    /** Starts a harness and runs its asynchronous step, as the job executor would. */
    private String startAndRunJob(String harness, Map<String, Object> variables) {
        ClockUtil.setCurrentTime(Date.from(NOW));
        String instance = runtimeService.startProcessInstanceByKey(harness, variables).getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        managementService.executeJob(job.getId());
        return instance;
    }

    @Test
    void theDiagnosticMovesToTheYouthsRecordAndOnlyRoutingFactsStayOnTheProcess() {
        Journey journey = newJourney();

        String instance = startAndRunJob(RECORD_DIAGNOSTIC,
                diagnostic(journey, "2005-02-14", Spin.JSON("[\"logement\",\"mobilite\"]")));

        Youth youth = youthOf(journey);
        assertThat(youth.getBirthDate()).isEqualTo(LocalDate.of(2005, 2, 14));
        assertThat(youth.getDepartement()).isEqualTo("974");
        assertThat(youth.getDiplomaLevel()).isEqualTo("bac");
        assertThat(youth.getSituation()).isEqualTo("chomeur");
        assertThat(youth.getBarriers()).isEqualTo("logement,mobilite");
        assertThat(youth.getHasProject()).isTrue();
        assertThat(youth.getProject()).isEqualTo("Cuisinier en restauration collective");
        assertThat(youth.getProjectSector()).isEqualTo("tourisme");
        assertThat(youth.getAvailability()).isEqualTo("le matin sauf le mercredi");
        assertThat(youth.getConsentContact()).isTrue();
        assertThat(youth.getConsentReferral()).isFalse();
        assertThat(youth.getGuardianConsent()).isFalse();

        Map<String, Object> variables = runtimeService.getVariables(instance);
        assertThat(variables).containsEntry(Vars.AGE, 21).containsEntry(Vars.BARRIER_COUNT, 2)
                .containsEntry(Vars.URGENT_BARRIER, true).containsEntry(Vars.PROJECT_PRECISE, true)
                .containsEntry(Vars.HAS_PROJECT, true).containsEntry(Vars.SITUATION, "chomeur")
                .containsEntry(Vars.DIPLOMA_LEVEL, "bac").containsEntry(Vars.YOUTH_INTERESTS, "")
                .doesNotContainKeys(Vars.BIRTH_DATE, Vars.PROJECT, Vars.AVAILABILITY, Vars.BARRIERS);
    }

    @Test
    void theSelfTestsInterestsAreAFactTheSegmentationMayRead() {
        Journey journey = newJourney();
        Youth youth = youthOf(journey);
        youth.setInterests("S,A");
        youths.save(youth);

        String instance = startAndRunJob(RECORD_DIAGNOSTIC, diagnostic(journey, "2005-02-14", null));

        assertThat(runtimeService.getVariable(instance, Vars.YOUTH_INTERESTS)).isEqualTo("S,A");
    }

    @Test
    void aProjectWithoutItsSectorIsNotPreciseAndStaysOffTheRecordWhenTheBoxIsUnticked() {
        Journey vague = newJourney();
        VariableMap noSector = diagnostic(vague, "2005-02-14", null).putValue(Vars.PROJECT_SECTOR, null);
        String vagueInstance = startAndRunJob(RECORD_DIAGNOSTIC, noSector);
        assertThat(runtimeService.getVariable(vagueInstance, Vars.PROJECT_PRECISE)).isEqualTo(false);

        Journey unticked = newJourney();
        String untickedInstance = startAndRunJob(RECORD_DIAGNOSTIC,
                diagnostic(unticked, "2005-02-14", null).putValue(Vars.HAS_PROJECT, false));
        assertThat(runtimeService.getVariable(untickedInstance, Vars.PROJECT_PRECISE)).isEqualTo(false);
        assertThat(youthOf(unticked).getProject()).isNull();
        assertThat(youthOf(unticked).getProjectSector()).isNull();
    }

    static Stream<Arguments> barrierShapes() {
        return Stream.of(
                Arguments.of("Tasklist's JSON array", Spin.JSON("[\"sante\",\"famille\"]"), 2, true, "sante,famille"),
                Arguments.of("JSON text", "[\"famille\",\"langue\"]", 2, false, "famille,langue"),
                Arguments.of("comma-separated text", "numerique, justice", 2, true, "numerique,justice"),
                Arguments.of("a Java list stored as JSON", Variables.objectValue(List.of("finances"))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create(), 1, false, "finances"),
                Arguments.of("an empty JSON array", Spin.JSON("[]"), 0, false, ""),
                Arguments.of("no answer", null, 0, false, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("barrierShapes")
    void barriersAreReadInEveryShapeTheyArrive(String shape, Object barriers, int count, boolean urgent, String stored) {
        Journey journey = newJourney();

        String instance = startAndRunJob(RECORD_DIAGNOSTIC, diagnostic(journey, "2005-02-14", barriers));

        assertThat(runtimeService.getVariable(instance, Vars.BARRIER_COUNT)).isEqualTo(count);
        assertThat(runtimeService.getVariable(instance, Vars.URGENT_BARRIER)).isEqualTo(urgent);
        assertThat(youthOf(journey).getBarriers()).isEqualTo(stored);
    }

    @Test
    void anInvalidDiagnosticStopsAtItsJobWithTheFrenchReasonAndRecordsNothing() {
        Journey journey = newJourney();
        ClockUtil.setCurrentTime(Date.from(NOW));
        // Fourteen years old, no guardian's consent.
        String instance = runtimeService.startProcessInstanceByKey(RECORD_DIAGNOSTIC,
                diagnostic(journey, "2012-05-01", Spin.JSON("[]"))).getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();

        assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                .hasMessageContaining("représentant légal");

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).as("retried, then an incident in Cockpit").isLessThan(job.getRetries());
        assertThat(failed.getExceptionMessage()).contains("Diagnostic incomplet", "représentant légal");
        assertThat(youthOf(journey).getBirthDate()).isNull();
        assertThat(runtimeService.getVariable(instance, Vars.BIRTH_DATE)).as("kept for the retry").isEqualTo("2012-05-01");
    }

    @Test
    void theDecisionsStoredResultGivesThePersonaAndTrackToTheYouthAndTheProcess() {
        Journey journey = newJourney();
        VariableMap facts = Variables.createVariables().putValue(Vars.JOURNEY_ID, journey.getId())
                .putValue(Vars.AGE, 22).putValue(Vars.SITUATION, "etudiant").putValue(Vars.DIPLOMA_LEVEL, "licence")
                .putValue(Vars.HAS_PROJECT, true).putValue(Vars.PROJECT_PRECISE, true)
                .putValue(Vars.BARRIER_COUNT, 0).putValue(Vars.URGENT_BARRIER, false);

        String instance = startAndRunJob(SEGMENT, facts);

        assertThat(youthOf(journey).getPersona()).isEqualTo("etudiantEnTransition");
        assertThat(youthOf(journey).getTrack()).isEqualTo(Tracks.MENTORAT);
        assertThat(runtimeService.getVariables(instance)).containsEntry(Vars.PERSONA, "etudiantEnTransition")
                .containsEntry(Vars.TRACK, Tracks.MENTORAT).doesNotContainKey(Vars.SEGMENTATION);
    }

    static Stream<Arguments> segmentationShapes() {
        return Stream.of(
                Arguments.of("a map", Variables.objectValue(Map.of("persona", "invisible", "track", "coupDePouce"))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()),
                Arguments.of("Spin JSON", Spin.JSON("{\"persona\":\"invisible\",\"track\":\"coupDePouce\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segmentationShapes")
    void theSegmentationIsReadAsAMapOrAsJson(String shape, Object segmentation) {
        Journey journey = newJourney();

        String instance = runtimeService.startProcessInstanceByKey(RECORD_SEGMENTATION, Variables.createVariables()
                .putValue(Vars.JOURNEY_ID, journey.getId()).putValue(Vars.SEGMENTATION, segmentation)).getId();

        assertThat(youthOf(journey).getPersona()).isEqualTo("invisible");
        assertThat(youthOf(journey).getTrack()).isEqualTo(Tracks.COUP_DE_POUCE);
        assertThat(runtimeService.getVariables(instance)).containsEntry(Vars.PERSONA, "invisible")
                .containsEntry(Vars.TRACK, Tracks.COUP_DE_POUCE).doesNotContainKey(Vars.SEGMENTATION);
    }

    @Test
    void aDecisionWithoutATrackIsRefusedAndNothingIsRecorded() {
        Journey journey = newJourney();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(RECORD_SEGMENTATION, Variables.createVariables()
                .putValue(Vars.JOURNEY_ID, journey.getId())
                .putValue(Vars.SEGMENTATION, Spin.JSON("{\"persona\":\"invisible\"}"))))
                .hasMessageContaining("no track");

        assertThat(youthOf(journey).getTrack()).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RECORD_SEGMENTATION)
                .variableValueEquals(Vars.JOURNEY_ID, journey.getId()).count()).isZero();
    }
}
