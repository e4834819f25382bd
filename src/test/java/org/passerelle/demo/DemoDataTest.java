package org.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.intake.Youth;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.referral.Referral;
import org.passerelle.referral.ReferralRepository;
import org.passerelle.reporting.ProgrammeFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** What `./mvnw spring-boot:run` shows: the demo journeys reach the states every screen needs. */
@SpringBootTest(properties = "camunda.bpm.process-engine-name=demoData")
@ActiveProfiles({"test", "demo"})
class DemoDataTest {

    @Autowired JourneyRepository journeys;
    @Autowired org.passerelle.partners.PartnerNetworks networks;
    @Autowired ReferralRepository referrals;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProgrammeFigures figures;

    private Journey journeyOf(String firstName) {
        return journeys.findAll().stream().filter(j -> firstName.equals(j.getYouth().getFirstName())).findFirst().orElseThrow();
    }

    private long openTasks(Journey journey, String taskKey) {
        return taskService.createTaskQuery().processVariableValueEquals("journeyId", journey.getId())
                .taskDefinitionKey(taskKey).count();
    }

    @Test
    @Transactional
    void theDemoJourneysAreInTheirStates() {
        assertThat(journeys.count()).isEqualTo(18);

        Journey yanis = journeyOf("Yanis");
        assertThat(openTasks(yanis, Tasks.FIRST_ANSWER)).isOne();
        assertThat(openTasks(yanis, Tasks.FIRST_ANSWER_OVERDUE)).as("escalated to the programme leads").isOne();

        Youth maeva = journeyOf("Maëva").getYouth();
        assertThat(maeva.getCommuneCode()).isEqualTo("97416");
        assertThat(maeva.getTrack()).isEqualTo("relaisImmediat");

        Journey dylan = journeyOf("Dylan");
        assertThat(referrals.findByJourneyId(dylan.getId())).extracting(Referral::getStatus, Referral::getReason, Referral::getAttended)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Referral.Status.REFUSED, "pasDePlace", null),
                        org.assertj.core.groups.Tuple.tuple(Referral.Status.ACCEPTED, null, true));
        assertThat(openTasks(dylan, Tasks.CLOSE_JOURNEY)).as("referral done, the mediator closes the journey").isOne();

        var figuresNow = figures.since(java.time.Instant.EPOCH);
        assertThat(figuresNow.referralRefusals()).containsEntry("pasDePlace", 1L);
        assertThat(figuresNow.referralAttendance()).containsEntry("venu", 1L);
        assertThat(figuresNow.closedJourneys()).isGreaterThanOrEqualTo(1);
    }

    @Autowired org.passerelle.partners.PartnerRepository partners;

    @Test
    void theDemoDirectoryHasAServiceOfEveryNetworkWithItsNationalRules() {
        var all = partners.findAll();
        for (var rule : networks.all().values()) {
            assertThat(all).filteredOn(p -> rule.code().equals(p.getNetwork())).as(rule.code()).isNotEmpty()
                    .allSatisfy(p -> {
                        assertThat(p.getAgeMin()).isEqualTo(rule.ageMin());
                        assertThat(p.getAgeMax()).isEqualTo(rule.ageMax());
                        assertThat(p.getMaxDiplomaLevel()).isEqualTo(rule.maxDiplomaLevel());
                    });
        }
    }

    @Autowired org.passerelle.mentoring.MentorRepository mentors;
    @Autowired org.passerelle.mentoring.MentorMatchRepository mentorMatches;
    @Autowired org.passerelle.mentoring.MentorshipRepository mentorships;

    @Test
    @Transactional
    void theDemoMentorsAndOneMentoringJourneyInEachState() {
        assertThat(mentors.findByStatus(org.passerelle.mentoring.Mentor.Status.ACTIVE)).hasSizeGreaterThanOrEqualTo(11)
                .extracting(org.passerelle.mentoring.Mentor::getTerritories).anyMatch(t -> t.contains("974")).anyMatch(t -> t.contains("973"));
        assertThat(mentors.findByStatus(org.passerelle.mentoring.Mentor.Status.PAUSED)).hasSize(1);
        assertThat(mentors.findByStatus(org.passerelle.mentoring.Mentor.Status.TO_VALIDATE)).hasSize(1);
        assertThat(taskService.createTaskQuery().taskDefinitionKey(org.passerelle.mentoring.MentorValidation.Tasks.VALIDATE).count()).isOne();

        assertThat(openTasks(journeyOf("Océane"), org.passerelle.mentoring.MentorMatching.Tasks.CHOOSE_MENTOR)).isOne();
        assertThat(mentorMatches.findByJourneyId(journeyOf("Bilal").getId())).extracting(org.passerelle.mentoring.MentorMatch::getStatus)
                .containsExactly(org.passerelle.mentoring.MentorMatch.Status.PROPOSED);
        assertThat(mentorships.findFirstByJourneyIdAndStatus(journeyOf("Léna").getId(), org.passerelle.mentoring.Mentorship.Status.ACTIVE))
                .isPresent();
        assertThat(mentorships.findByJourneyId(journeyOf("Enzo").getId())).singleElement()
                .satisfies(m -> assertThat(m.getOutcome()).isEqualTo("alternance"));
        assertThat(openTasks(journeyOf("Anaïs"), org.passerelle.mentoring.MentorMatching.Tasks.DECIDE_WITHOUT_MENTOR)).isOne();
        assertThat(figures.since(java.time.Instant.EPOCH).mentoring().outcomesBySector()).containsEntry("industrie|alternance", 1L);
    }
}
