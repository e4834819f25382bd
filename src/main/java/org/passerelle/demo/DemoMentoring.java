package org.passerelle.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.passerelle.journey.JourneyGateway.Started;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.mentoring.Mentor;
import org.passerelle.mentoring.MentorLinks;
import org.passerelle.mentoring.MentorMatch;
import org.passerelle.mentoring.MentorMatchRepository;
import org.passerelle.mentoring.MentorMatching;
import org.passerelle.mentoring.MentorProposals;
import org.passerelle.mentoring.MentorRepository;
import org.passerelle.mentoring.MentorSignUps;
import org.passerelle.mentoring.Mentorship;
import org.passerelle.mentoring.MentorshipRepository;
import org.passerelle.mentoring.Mentorships;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A dozen fictitious mentors from a few companies, across sectors and territories (overseas included), and one
 * mentoring journey in each state: mentors to rank, a proposal waiting, a mentorship running, one ended, nobody
 * available, a sign-up to validate, a mentor on pause.
 */
@Component
@ConditionalOnProperty(name = "passerelle.demo.enabled", havingValue = "true")
class DemoMentoring {

    private final MentorRepository mentors;
    private final MentorMatchRepository matches;
    private final MentorshipRepository mentorships;
    private final MentorSignUps signUps;
    private final MentorProposals proposals;
    private final Mentorships running;
    private final MentorLinks links;
    private final DemoJourneys journeys;
    private final RuntimeService runtime;
    private final ManagementService management;

    DemoMentoring(MentorRepository mentors, MentorMatchRepository matches, MentorshipRepository mentorships, MentorSignUps signUps,
            MentorProposals proposals, Mentorships running, MentorLinks links, DemoJourneys journeys, RuntimeService runtime,
            ManagementService management) {
        this.mentors = mentors;
        this.matches = matches;
        this.mentorships = mentorships;
        this.signUps = signUps;
        this.proposals = proposals;
        this.running = running;
        this.links = links;
        this.journeys = journeys;
        this.runtime = runtime;
        this.management = management;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void seedPool() {
        if (mentors.count() > 0) {
            return;
        }
        mentor("Julien", "Moreau", "Orange", "Ingénieur réseau", "numerique", List.of("75", "92", "93"), true,
                List.of("cv", "entretien", "reseau"), List.of("stage", "alternance", "emploi"), 2);
        mentor("Awa", "Traoré", "Orange Caraïbe", "Développeuse", "numerique", List.of("971", "972"), true,
                List.of("cv", "decouverte"), List.of("stage", "alternance"), 2);
        mentor("Fatou", "Diallo", "AP-HP", "Infirmière", "sante", List.of("75", "94"), false,
                List.of("entretien", "decouverte"), List.of("stage", "alternance"), 1);
        mentor("Sandrine", "Payet", "CHU de La Réunion", "Cadre de santé", "sante", List.of("974"), false,
                List.of("cv", "entretien", "reseau"), List.of("alternance", "emploi"), 2);
        mentor("Marc", "Lopez", "Bouygues Construction", "Chef de chantier", "btp", List.of("93", "95"), false,
                List.of("decouverte", "reseau"), List.of("stage", "alternance", "emploi"), 2);
        mentor("Jean-Marc", "Rosier", "EDF Guyane", "Électricien", "btp", List.of("973"), false,
                List.of("decouverte"), List.of("alternance", "emploi"), 1);
        mentor("Karim", "Haddad", "EDF", "Technicien de maintenance", "industrie", List.of("13", "84"), true,
                List.of("cv", "entretien"), List.of("alternance", "emploi"), 1);
        mentor("Thomas", "Petit", "Airbus", "Ingénieur qualité", "industrie", List.of("31"), true,
                List.of("reseau", "decouverte"), List.of("stage", "emploi"), 1);
        mentor("Camille", "Girard", "Decathlon", "Responsable de rayon", "commerce", List.of("69"), false,
                List.of("cv", "entretien"), List.of("alternance", "emploi"), 2);
        mentor("Nadia", "Hamidi", "Accor", "Réceptionniste", "tourisme", List.of("06"), false,
                List.of("entretien", "decouverte"), List.of("stage", "alternance"), 1);
        mentor("Hugo", "Fontaine", "La Poste", "Facteur formateur", "transport", List.of("976"), false,
                List.of("decouverte"), List.of("emploi"), 1);
        Mentor paused = mentor("Laura", "Nguyen", "SNCF", "Conductrice", "transport", List.of("69", "38"), true,
                List.of("decouverte", "reseau"), List.of("alternance", "emploi"), 2);
        paused.setStatus(Mentor.Status.PAUSED);
        mentors.save(paused);
        // A sign-up whose address is confirmed: Léa validates it in Tasklist.
        signUps.signUp(new Mentor.Profile("Sabrina", "Lemoine", "EDF", "Ingénieure", "industrie", "sabrina.lemoine@example.org",
                List.of("59", "62"), true, List.of("cv", "reseau"), List.of("stage", "alternance"), null, 2, "Le mercredi"));
        Mentor sabrina = mentors.findByEmail("sabrina.lemoine@example.org").orElseThrow();
        signUps.confirm(links.token(MentorLinks.Purpose.CONFIRM, sabrina.getId(), sabrina.getLinkNonce()));
    }

    private Mentor mentor(String firstName, String lastName, String company, String job, String sector, List<String> territories,
            boolean remote, List<String> helps, List<String> goals, int capacity) {
        String email = (firstName + "." + lastName).toLowerCase().replaceAll("[^a-z.]", "") + "@example.org";
        return mentors.save(Mentor.of(new Mentor.Profile(firstName, lastName, company, job, sector, email, territories, remote,
                helps, goals, "français", capacity, "En soirée"), Mentor.Status.ACTIVE, Instant.now()));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(110)
    public void seedMentoring() {
        if (matches.count() > 0 || mentorships.count() > 0) {
            return;
        }
        // Océane: the mediator sees the ranked mentors.
        mentoring("Océane", "971", "etudiant", "licence", "Une alternance en développement web", "numerique");
        // Bilal: a proposal waits for Marc's answer.
        Started bilal = mentoring("Bilal", "93", "chomeur", "bac2", "Un stage dans le BTP, conduite de travaux", "btp");
        propose(bilal, "Marc");
        // Léna: Sandrine accepted, the mentorship runs and its first check-in was asked.
        Started lena = mentoring("Léna", "974", "chomeur", "bac", "Alternance d'aide-soignante", "sante");
        accept(lena, propose(lena, "Sandrine"), "Mercredi 17 h au CHU de Saint-Pierre");
        askFirstCheckIn(lena);
        // Enzo: Karim accepted, then told the mentorship ended with an apprenticeship.
        Started enzo = mentoring("Enzo", "13", "chomeur", "bac", "Une alternance de technicien de maintenance", "industrie");
        accept(enzo, propose(enzo, "Karim"), "Samedi 10 h en visio");
        mentorships.findFirstByJourneyIdAndStatus(enzo.journeyId(), Mentorship.Status.ACTIVE)
                .ifPresent(m -> running.end(m.getId(), "alternance", Mentorship.EndedBy.MENTOR));
        runJobs(enzo);
        // Anaïs: nobody fits (tourism, Martinique): the mediator decides what to do.
        Started anais = mentoring("Anaïs", "972", "etudiant", "licence", "Un stage en hôtellerie", "tourisme");
        journeys.complete(matchingOf(anais).getId(), MentorMatching.Tasks.CHOOSE_MENTOR, Map.of(MentorMatching.Vars.MENTOR_ID,
                MentorMatching.Values.NONE));
    }

    /** A youth with a precise project, diagnosed, whose journey is at the mentor search. */
    private Started mentoring(String firstName, String departement, String situation, String diploma, String project, String sector) {
        Started started = journeys.diagnosed(journeys.answered(journeys.contact(firstName, "linkedin-mentorat",
                "Bonjour, j'ai un projet et je cherche quelqu'un du métier pour m'aider")),
                journeys.diagnostic("2003-05-14", departement, diploma, situation, List.of(), true, project, sector));
        if (runtime.createProcessInstanceQuery().superProcessInstanceId(started.processInstanceId()).count() == 0) {
            // The actions are skipped for the demo: straight to the mentor search.
            runtime.createProcessInstanceModification(started.processInstanceId()).cancelAllForActivity(Tasks.PLAN_ACTIONS)
                    .startBeforeActivity("callMentorMatching").execute();
        }
        runJobs(started);
        return started;
    }

    private ProcessInstance matchingOf(Started started) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(started.processInstanceId())
                .processDefinitionKey(MentorMatching.PROCESS_ID).singleResult();
    }

    private MentorMatch propose(Started started, String mentorFirstName) {
        Mentor mentor = mentors.findAll().stream().filter(m -> mentorFirstName.equals(m.getFirstName())).findFirst().orElseThrow();
        journeys.complete(matchingOf(started).getId(), MentorMatching.Tasks.CHOOSE_MENTOR, Map.of(MentorMatching.Vars.MENTOR_ID,
                mentor.getId().toString(), MentorMatching.Vars.YOUTH_CONSENT, true));
        runJobs(started);
        return matches.findByJourneyId(started.journeyId()).stream().filter(m -> m.getStatus() == MentorMatch.Status.PROPOSED)
                .findFirst().orElseThrow();
    }

    /** The mentor answers through the link of the proposal email, as a real one would. */
    private void accept(Started started, MentorMatch match, String firstMeeting) {
        proposals.answer(links.token(MentorLinks.Purpose.PROPOSAL, match.getId(), match.getLinkNonce()), true, firstMeeting, null);
        runJobs(started);
    }

    private void askFirstCheckIn(Started started) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.journeyId().toString())
                .processDefinitionKey(org.passerelle.mentoring.MentorshipProcess.PROCESS_ID).list()
                .forEach(p -> management.createJobQuery().processInstanceId(p.getId()).timers().activityId("timerFirstCheckIn").list()
                        .forEach(timer -> management.setJobDuedate(timer.getId(), new java.util.Date(System.currentTimeMillis() - 1000))));
        runJobs(started);
    }

    /** The pending steps of the journey and of the processes it called (search, mentorship). */
    private void runJobs(Started started) {
        for (int round = 0; round < 3; round++) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(started.journeyId().toString()).list()
                    .forEach(p -> journeys.runJobs(p.getId()));
        }
    }
}
