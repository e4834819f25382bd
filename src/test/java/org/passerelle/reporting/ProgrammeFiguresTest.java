package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.get;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Supervisors see the programme's figures by channel, campaign and territory; mediators do not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgrammeFiguresTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JourneyGateway gateway;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "figuresSupervisor", Roles.SUPERVISORS);
        TestUsers.ensure(identity, "figuresMediator", Roles.MEDIATORS);
    }

    private java.net.http.HttpResponse<String> as(String user, String path) {
        return send(get(port, path).header("Authorization", basic(user, TestUsers.password(user))));
    }

    @Test
    void supervisorsSeeContactsByChannelAndCampaign() throws Exception {
        var before = json.readTree(as("figuresSupervisor", "/api/reporting/figures").body());
        gateway.startFromFirstContact(new FirstContact("messenger", "fig-1", "Kevin", "campagne-figures", "Bonjour"));
        gateway.startFromFirstContact(new FirstContact("messenger", "fig-2", "Inès", "campagne-figures", "Salut"));

        var after = json.readTree(as("figuresSupervisor", "/api/reporting/figures").body());

        assertThat(after.get("contacts").asLong()).isEqualTo(before.get("contacts").asLong() + 2);
        assertThat(after.get("byCampaign").get("campagne-figures").asLong()).isEqualTo(2);
        assertThat(after.get("byChannel").get("messenger").asLong())
                .isEqualTo(before.path("byChannel").path("messenger").asLong(0) + 2);
        assertThat(after.toString()).doesNotContain("Kevin").doesNotContain("Bonjour");

        var page = as("figuresSupervisor", "/tableau-de-bord");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chiffres du programme", "Contacts par campagne", "campagne-figures");
    }

    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

    @Test
    void aLeadNamesANewCampaignAndTheFiguresPageShowsItsLabelWithoutRestart() throws Exception {
        gateway.startFromFirstContact(new FirstContact("leadAds", "fig-label-1", "Noa", "tiktok-formulaire-essai", "Bonjour"));
        assertThat(as("figuresSupervisor", "/tableau-de-bord").body()).contains("tiktok-formulaire-essai");
        String lead = TestUsers.ensure(identityService, "campaignLead", org.passerelle.security.Roles.PROGRAMME_LEADS);
        String labels = java.nio.file.Files.readString(java.nio.file.Path.of("processes/campaign-labels.dmn"))
                .replace("    </decisionTable>", """
                              <rule id="ruleCampaignEssai">
                                <inputEntry id="ruleCampaignEssaiInput"><text>"tiktok-formulaire-essai"</text></inputEntry>
                                <outputEntry id="ruleCampaignEssaiLabel"><text>"TikTok — formulaire d'essai"</text></outputEntry>
                              </rule>
                            </decisionTable>""");
        var deployed = org.passerelle.testsupport.ModelerDeploy.deploy(port, lead, java.util.Map.of("campaign-labels.dmn", labels));
        try {
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            String page = as("figuresSupervisor", "/tableau-de-bord").body();
            assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape("TikTok — formulaire d'essai", "UTF-8"))
                    .doesNotContain(">tiktok-formulaire-essai<");
        } finally {
            repositoryService.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                    .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).contains("campaign-labels.dmn"))
                    .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
    }

    @Autowired org.passerelle.partners.PartnerRepository partners;
    @Autowired org.passerelle.referral.ReferralRepository referrals;

    private static long delta(com.fasterxml.jackson.databind.JsonNode before, com.fasterxml.jackson.databind.JsonNode after,
            String table, String label) {
        return after.path(table).path(label).asLong(0) - before.path(table).path(label).asLong(0);
    }

    @Test
    void referralOutcomesAreCountedByStatusReasonAttendanceAndNetwork() throws Exception {
        var e2c = partners.save(new org.passerelle.partners.Partner("E2C figures", org.passerelle.partners.PartnerNetworks.E2C,
                "13", "e2c@example.org", 16, 25));
        Long journeyId = gateway.startFromFirstContact(new FirstContact("whatsapp", "fig-ref-1", "Yanis", null, "Salut")).journeyId();
        var before = json.readTree(as("figuresSupervisor", "/api/reporting/figures").body());
        java.time.Instant now = java.time.Instant.now();
        var refusedNoRoom = new org.passerelle.referral.Referral(journeyId, e2c.getId(), now, "n1");
        refusedNoRoom.refuse("pasDePlace", now);
        var refusedOther = new org.passerelle.referral.Referral(journeyId, e2c.getId(), now, "n2");
        refusedOther.refuse("horsCriteres", now);
        var came = new org.passerelle.referral.Referral(journeyId, e2c.getId(), now, "n3");
        came.accept(java.time.LocalDate.now(), now);
        came.attended(true);
        var notYet = new org.passerelle.referral.Referral(journeyId, e2c.getId(), now, "n4");
        notYet.accept(java.time.LocalDate.now(), now);
        referrals.saveAll(java.util.List.of(refusedNoRoom, refusedOther, came, notYet,
                new org.passerelle.referral.Referral(journeyId, e2c.getId(), now, "n5")));

        var after = json.readTree(as("figuresSupervisor", "/api/reporting/figures").body());

        assertThat(delta(before, after, "referrals", "REFUSED")).isEqualTo(2);
        assertThat(delta(before, after, "referrals", "ACCEPTED")).isEqualTo(2);
        assertThat(delta(before, after, "referrals", "SENT")).isEqualTo(1);
        assertThat(delta(before, after, "referralRefusals", "pasDePlace")).isEqualTo(1);
        assertThat(delta(before, after, "referralRefusals", "horsCriteres")).isEqualTo(1);
        assertThat(delta(before, after, "referralAttendance", "venu")).isEqualTo(1);
        assertThat(delta(before, after, "referralAttendance", "aConfirmer")).isEqualTo(1);
        assertThat(delta(before, after, "referralsByNetwork", "E2C")).isEqualTo(5);
        assertThat(as("figuresSupervisor", "/tableau-de-bord").body())
                .contains("Motifs de refus des partenaires", "Pas de place", "Hors critères", "Venus au premier rendez-vous",
                        "Présence pas encore confirmée", "Orientations par réseau", "École de la 2e chance", "Acceptées", "WhatsApp");
    }

    @Test
    void aPeriodFiltersTheFiguresAndABadDateIsRefused() throws Exception {
        var future = json.readTree(as("figuresSupervisor", "/api/reporting/figures?depuis=2999-01-01").body());

        assertThat(future.get("contacts").asLong()).isZero();
        assertThat(as("figuresSupervisor", "/api/reporting/figures?depuis=hier").statusCode()).isEqualTo(400);
        assertThat(as("figuresSupervisor", "/tableau-de-bord?depuis=hier").statusCode()).isEqualTo(400);
    }

    @Test
    void mediatorsAndAnonymousCallersAreKeptOut() {
        assertThat(as("figuresMediator", "/api/reporting/figures").statusCode()).isEqualTo(403);
        assertThat(as("figuresMediator", "/tableau-de-bord").statusCode()).isEqualTo(403);
        assertThat(send(get(port, "/tableau-de-bord")).statusCode()).isEqualTo(401);
        assertThat(send(get(port, "/api/reporting/figures")).statusCode()).isEqualTo(401);
    }

    @Autowired org.passerelle.mentoring.MentorRepository mentors;
    @Autowired org.passerelle.mentoring.MentorMatchRepository mentorMatches;
    @Autowired org.passerelle.mentoring.MentorshipRepository mentorships;
    @Autowired org.passerelle.journey.JourneyRepository journeyRepository;

    @Test
    void supervisorsSeeTheMentorPoolAcceptanceTimeToAMatchAndOutcomesBySector() throws Exception {
        String since = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var before = json.readTree(as("figuresSupervisor", "/api/reporting/figures").body()).get("mentoring");
        var profile = new org.passerelle.mentoring.Mentor.Profile("Awa", "Figures", "EDF", null, "industrie", "awa.figures@example.org",
                java.util.List.of("974"), false, java.util.List.of("cv"), java.util.List.of("stage"), null, 3, null);
        var mentor = mentors.save(org.passerelle.mentoring.Mentor.of(profile, org.passerelle.mentoring.Mentor.Status.ACTIVE,
                java.time.Instant.now()));
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "fig-mentor-1", "Noa", null, "Bonjour"));
        var t0 = java.time.Instant.now().minus(java.time.Duration.ofDays(4));
        var declined = mentorMatches.save(new org.passerelle.mentoring.MentorMatch(started.journeyId(), mentor.getId(), t0));
        declined.answer(false, null, "indisponible", t0.plus(java.time.Duration.ofDays(1)));
        var accepted = mentorMatches.save(new org.passerelle.mentoring.MentorMatch(started.journeyId(), mentor.getId(),
                t0.plus(java.time.Duration.ofDays(1))));
        accepted.answer(true, null, null, t0.plus(java.time.Duration.ofDays(3)));
        mentorMatches.saveAll(java.util.List.of(declined, accepted));
        var ended = new org.passerelle.mentoring.Mentorship(started.journeyId(), mentor.getId(), accepted.getId(), "industrie", t0);
        ended.end("stage", org.passerelle.mentoring.Mentorship.EndedBy.MENTOR, java.time.Instant.now());
        mentorships.save(ended);

        var after = json.readTree(as("figuresSupervisor", "/api/reporting/figures?depuis=" + since).body()).get("mentoring");

        assertThat(after.get("activeMentors").asLong()).isEqualTo(before.get("activeMentors").asLong() + 1);
        assertThat(after.get("places").asLong()).isEqualTo(before.get("places").asLong() + 3);
        assertThat(after.get("proposals").get("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(after.get("proposals").get("REFUSED").asLong()).isEqualTo(1);
        assertThat(after.get("acceptancePercent").asInt()).isEqualTo(50);
        assertThat(after.get("averageDaysToMatch").asDouble()).isEqualTo(3.0);
        assertThat(after.get("outcomesBySector").get("industrie|stage").asLong()).isEqualTo(1);
        assertThat(after.toString()).doesNotContain("Awa").doesNotContain("EDF");

        var page = as("figuresSupervisor", "/tableau-de-bord?depuis=" + since);
        assertThat(page.body()).contains("<h2>Mentorat</h2>", "taux d'acceptation des propositions : <strong>50 %</strong>",
                "délai moyen jusqu'à un mentor : <strong>3,0 jours</strong>", "Industrie : Stage trouvé", "Déclinées");
    }
}
