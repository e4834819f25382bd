package org.passerelle.demo;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.JourneyGateway.Started;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.referral.PartnerReferral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A dozen fictitious journeys in different states, so every Tasklist and Cockpit screen has
 * something to show. Seeded once, on an empty database, in the demo profile only.
 */
@Component
@ConditionalOnProperty(name = "passerelle.demo.enabled", havingValue = "true")
public class DemoJourneys {

    private static final Logger log = LoggerFactory.getLogger(DemoJourneys.class);

    private final JourneyGateway gateway;
    private final JourneyRepository journeys;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final DemoPartnerAnswers partnerAnswers;

    public DemoJourneys(JourneyGateway gateway, JourneyRepository journeys, RuntimeService runtimeService,
            TaskService taskService, ManagementService managementService, DemoPartnerAnswers partnerAnswers) {
        this.gateway = gateway;
        this.journeys = journeys;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.partnerAnswers = partnerAnswers;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void seed() {
        if (journeys.count() > 0) {
            return;
        }
        contact("Neila", "tiktok-declic-automne", "Bonjour, j'ai vu votre pub sur TikTok, je cherche un travail");
        Started yanis = contact("Yanis", "instagram-walt-2026", "Salut, je sais pas trop quoi faire depuis que j'ai arrêté le lycée");
        overdueFirstAnswer(yanis);
        answered(contact("Emma", "facebook-alternance", "Je cherche une alternance en BTS tourisme"));
        Started kevin = answered(contact("Kevin", "tiktok-declic-automne", "Bonjour, vous pouvez m'aider pour mon CV ?"));
        gateway.youthWrote(kevin.journeyId(), "Au fait, j'ai un entretien jeudi, vous avez des conseils ?");

        diagnosed(answered(contact("Inès", "instagram-walt-2026", "Je veux travailler dans la vente")), diagnostic(
                "2004-03-12", "93", "bac", "chomeur", List.of("mobilite"), true, "Vendeuse en prêt-à-porter", "commerce"));
        Started sarah = diagnosed(answered(contact("Sarah", "facebook-alternance", "Je cherche une formation dans la santé")),
                diagnostic("2005-09-30", "69", "capBep", "chomeur", List.of(), true, "Aide-soignante", "sante"));
        planActions(sarah, List.of("cv", "lettreMotivation", "offresEmploi"));
        diagnosed(answered(contact("Lucas", "linkedin-etudiants", "Étudiant en info, je cherche un stage de fin d'études")),
                diagnostic("2002-01-20", "75", "licence", "etudiant", List.of(), true, "Développeur web", "numerique"));
        var maeva = diagnostic("2006-06-02", "974", "aucun", "decrocheur", List.of("logement", "finances"), false, null, null);
        maeva.put(Vars.COMMUNE_CODE, "97416");
        diagnosed(answered(contact("Maëva", "tiktok-reunion", "Je dors chez des amis en ce moment, je cherche du travail")), maeva);
        // Referred at once: the Mission Locale has no place, the RSMA accepts and Dylan goes to the appointment.
        Started dylan = diagnosed(answered(contact("Dylan", "facebook-antilles", "Je dors dans ma voiture, il me faut un travail vite")),
                diagnostic("2005-02-11", "972", "aucun", "decrocheur", List.of("logement"), false, null, null));
        referTo(dylan, "Mission Locale de Martinique", false);
        referTo(dylan, "RSMA Martinique", true);
        complete(referralOf(dylan), "taskConfirmAttendance", Map.of(PartnerReferral.Vars.YOUTH_ATTENDED, "true"));
        Started jordan = diagnosed(answered(contact("Jordan", "facebook-antilles", "Je sais pas quoi faire comme métier")),
                diagnostic("2003-11-15", "971", "capBep", "inactif", List.of("numerique"), false, null, null));
        planActions(jordan, List.of("testCompetences", "atelier"));
        Started chloe = answered(contact("Chloé", "instagram-guyane", "Bonjour, je cherche un emploi à Cayenne"));
        optOut(contact("Moussa", "tiktok-mayotte", "Bonjour"));
        directContact("Pinas", "Venu à la permanence : cherche une voie après un décrochage");
        close(chloe, YouthJourney.Outcomes.EMPLOI);
        log.info("Demo journeys seeded: {}", journeys.count());
    }

    Started contact(String firstName, String campaign, String message) {
        return gateway.startFromFirstContact(new FirstContact("whatsapp", "demo-" + firstName.toLowerCase(), firstName, campaign, message));
    }

    private void overdueFirstAnswer(Started started) {
        Job escalation = managementService.createJobQuery().processInstanceId(started.processInstanceId())
                .activityId("timerFirstAnswerOverdue").singleResult();
        if (escalation != null) {
            managementService.setJobDuedate(escalation.getId(), new Date(System.currentTimeMillis() - 60_000));
            runJobs(started);
        }
    }

    Started answered(Started started) {
        complete(started, Tasks.FIRST_ANSWER, Map.of(Vars.ANSWER_TEXT,
                "Bonjour, je suis Amina, médiatrice. Merci pour ton message ! Peux-tu me dire où tu en es ?"));
        return started;
    }

    Map<String, Object> diagnostic(String birthDate, String departement, String diploma, String situation,
            List<String> barriers, boolean hasProject, String project, String sector) {
        var variables = Variables.createVariables()
                .putValue(Vars.BIRTH_DATE, birthDate)
                .putValue(Vars.DEPARTEMENT, departement)
                .putValue(Vars.DIPLOMA_LEVEL, diploma)
                .putValue(Vars.SITUATION, situation)
                .putValue(Vars.BARRIERS, Variables.objectValue(barriers).serializationDataFormat("application/json").create())
                .putValue(Vars.HAS_PROJECT, hasProject)
                .putValue(Vars.AVAILABILITY, "En semaine")
                .putValue(Vars.CONSENT_CONTACT, true)
                .putValue(Vars.CONSENT_REFERRAL, true)
                .putValue(Vars.GUARDIAN_CONSENT, false);
        if (hasProject) {
            variables.putValue(Vars.PROJECT, project).putValue(Vars.PROJECT_SECTOR, sector);
        }
        return variables;
    }

    Started diagnosed(Started started, Map<String, Object> diagnostic) {
        complete(started, Tasks.DIAGNOSTIC, diagnostic);
        return started;
    }

    private void planActions(Started started, List<String> actions) {
        complete(started, Tasks.PLAN_ACTIONS, Map.of(Vars.PLANNED_ACTIONS,
                Variables.objectValue(actions).serializationDataFormat("application/json").create()));
    }

    private void close(Started started, String outcome) {
        complete(started, Tasks.DIAGNOSTIC, diagnostic("2001-04-08", "973", "bac2", "chomeur", List.of(), true,
                "Assistante de gestion", "commerce"));
        // Whatever the track, skip straight to closure for this finished journey.
        runtimeService.createProcessInstanceModification(started.processInstanceId())
                .cancelAllForActivity(Tasks.PLAN_ACTIONS)
                .startBeforeActivity(Tasks.CLOSE_JOURNEY)
                .execute();
        complete(started, Tasks.CLOSE_JOURNEY, Map.of(Vars.OUTCOME, outcome));
    }

    private void optOut(Started started) {
        gateway.youthOptedOut(started.journeyId());
    }

    private void directContact(String firstName, String reason) {
        runtimeService.startProcessInstanceByKey(YouthJourney.PROCESS_ID, Map.of(Vars.YOUTH_FIRST_NAME, firstName,
                Vars.CHANNEL, "presentiel", Vars.FIRST_MESSAGE, reason));
    }

    private void complete(Started started, String taskKey, Map<String, Object> variables) {
        complete(started.processInstanceId(), taskKey, variables);
    }

    void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        runJobs(processInstanceId);
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            log.warn("Demo process {} is not at {}", processInstanceId, taskKey);
            return;
        }
        taskService.complete(task.getId(), variables);
        runJobs(processInstanceId);
    }

    private String referralOf(Started started) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(started.processInstanceId()).singleResult().getId();
    }

    /** The mediator picks the partner, the partner answers through its link as it would from the email. */
    private void referTo(Started started, String partnerName, boolean accepts) {
        String referral = referralOf(started);
        complete(referral, "taskChoosePartner", Map.of(PartnerReferral.Vars.PARTNER_ID, partnerAnswers.partnerNamed(partnerName)));
        partnerAnswers.answer(started.journeyId(), accepts);
        runJobs(referral);
    }

    /** Runs the journey's pending asynchronous steps now, so the next task exists (timers excluded). */
    private void runJobs(Started started) {
        runJobs(started.processInstanceId());
    }

    void runJobs(String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId)
                    .executable().messages().list();
            List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId)
                    .executable().timers().duedateLowerThan(new Date()).list();
            if (jobs.isEmpty() && due.isEmpty()) {
                return;
            }
            jobs.addAll(due);
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException alreadyDone) {
                    // The job executor ran it first.
                }
            }
        }
    }
}
