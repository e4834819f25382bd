package org.passerelle.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.send;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The partner's side over real SMTP (GreenMail) and real HTTP: email, link, page, answer, and every bad link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerAnswerLinkTest {

    @RegisterExtension
    static GreenMailExtension smtp = org.passerelle.testsupport.TestSmtp.server().withPerMethodLifecycle(true);

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired PartnerRepository partners;
    @Autowired ReferralRepository referrals;
    @Autowired ReferralLinks links;
    @Autowired org.passerelle.conversation.ConversationMessageRepository messages;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private record Sent(String processInstanceId, Long journeyId, Partner partner, String link) {
    }

    /** A youth of 19 in Seine-Saint-Denis referred to a Mission Locale: the partner receives the email. */
    private Sent referYouth(String externalId) throws Exception {
        Youth youth = new Youth("whatsapp", externalId, "Inès", null, Instant.now());
        youth.setBirthDate(java.time.LocalDate.now().minusYears(19));
        youth.setDepartement("93");
        youth.setSituation("chomeur");
        youth.setDiplomaLevel("bac");
        youth.setProject("Vendeuse"); // must never reach the partner
        youth.segment("chomeurClassique", "orientation");
        youths.save(youth);
        Journey journey = journeys.save(new Journey(youth, Instant.now()));
        Partner partner = partners.save(new Partner("Mission Locale de Saint-Denis " + externalId,
                PartnerNetworks.MISSION_LOCALE, "93", "accueil-" + externalId + "@ml93.example.org", 16, 25));
        var instance = runtimeService.startProcessInstanceByKey(PartnerReferral.PROCESS_ID, Map.of("journeyId", journey.getId()));
        var choose = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("taskChoosePartner").singleResult();
        taskService.complete(choose.getId(), Map.of("partnerId", partner.getId().toString()));
        runJob(instance.getId(), "taskSendReferral");

        MimeMessage email = smtp.getReceivedMessagesForDomain("ml93.example.org")[0];
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo(partner.getEmail());
        String body = email.getContent().toString();
        Matcher link = Pattern.compile("http://localhost/partenaires/orientation\\?t=(\\S+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return new Sent(instance.getId(), journey.getId(), partner, link.group(1));
    }

    private void runJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    private HttpResponse<String> open(String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partenaires/orientation?t="
                + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET());
    }

    private HttpResponse<String> answer(String token, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partenaires/orientation"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&" + form)));
    }

    @Test
    void thePartnerReceivesAnEmailWithLeastDataAndAcceptsThroughTheLink() throws Exception {
        Sent sent = referYouth("link-accept");
        String body = smtp.getReceivedMessages()[0].getContent().toString();
        assertThat(body).contains("Inès, 19 ans (département 93)").doesNotContain("Vendeuse").doesNotContain("chomeur");

        HttpResponse<String> page = open(sent.link());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">", "Orientation vers " + sent.partner().getName(), "J'accepte l'orientation");

        java.time.LocalDate appointment = workingDayAfter(3);
        HttpResponse<String> noDate = answer(sent.link(), "decision=accepte");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("Date du rendez-vous manquante", "Revenir à l'orientation</a>");
        assertThat(answer(sent.link(), "decision=accepte&appointment=" + appointment.minusDays(30)).statusCode())
                .as("a date already past").isEqualTo(400);
        assertThat(answer(sent.link(), "decision=accepte&appointment=demain").body()).contains("Date incorrecte");
        assertThat(answer(sent.link(), "decision=accepte&appointment=" + appointment.plusMonths(7) + "&time=10:00&place=Ici").body())
                .contains("Date trop lointaine");
        assertThat(answer(sent.link(), "decision=accepte&appointment=" + appointment + "&place=Ici").body()).contains("Heure manquante");
        assertThat(answer(sent.link(), "decision=accepte&appointment=" + appointment + "&time=25:99&place=Ici").body())
                .contains("Heure manquante");
        assertThat(answer(sent.link(), "decision=accepte&appointment=" + appointment + "&time=14:30").body()).contains("Lieu manquant");
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getStatus()).isEqualTo(Referral.Status.SENT);

        HttpResponse<String> accepted = answer(sent.link(), "decision=accepte&appointment=" + appointment
                + "&time=14:30&place=12+rue+de+la+R%C3%A9publique%2C+Saint-Denis&contact=Mme+Diallo+01+48+00+00+00");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Merci, votre réponse est enregistrée");
        runJob(sent.processInstanceId(), "taskSavePartnerAnswer");
        Referral referral = referrals.findByJourneyId(sent.journeyId()).get(0);
        assertThat(referral.getStatus()).isEqualTo(Referral.Status.ACCEPTED);
        assertThat(referral.getAppointmentDate()).isEqualTo(appointment);
        assertThat(referral.getAppointment().place()).isEqualTo("12 rue de la République, Saint-Denis");
        Partner partner = partners.findById(sent.partner().getId()).orElseThrow();
        partner.describe(new Partner.Description(partner.getName(), null, partner.getNetwork(), partner.getDepartement(), null,
                partner.getEmail(), "04 91 00 00 00", partner.getAgeMin(), partner.getAgeMax(), null, null, null,
                "dep:" + partner.getDepartement(), null, null, null, null, true));
        partners.save(partner);
        runJob(sent.processInstanceId(), "taskNotifyYouth");
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(sent.journeyId())).last().satisfies(m -> assertThat(m.getBody())
                .contains(" t'attend le " + appointment.format(java.time.format.DateTimeFormatter.ofPattern(
                        appointment.getYear() == java.time.LocalDate.now().getYear() ? "EEEE d MMMM" : "EEEE d MMMM yyyy",
                        java.util.Locale.FRENCH)) + " à 14 h 30, 12 rue de la République, Saint-Denis",
                        "Contact : Mme Diallo 01 48 00 00 00."));
        var confirm = taskService.createTaskQuery().processInstanceId(sent.processInstanceId())
                .taskDefinitionKey("taskConfirmAttendance").singleResult();
        assertThat(confirm.getDueDate()).as("two days after the appointment")
                .isEqualTo(java.util.Date.from(appointment.plusDays(2).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()));
        assertThat(taskService.getVariable(confirm.getId(), PartnerReferral.Vars.YOUTH_NOTICE))
                .isEqualTo("le jeune a reçu le rendez-vous par message");
        assertThat(taskService.getVariable(confirm.getId(), "appointmentLabel").toString())
                .isEqualTo(appointment.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH)));

        HttpResponse<String> replay = answer(sent.link(), "decision=refuse&reason=pasDePlace");
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("Réponse déjà enregistrée");
        assertThat(referrals.findById(referral.getId()).orElseThrow().getStatus()).isEqualTo(Referral.Status.ACCEPTED);
    }

    private HttpResponse<String> correct(String token, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partenaires/orientation/correction"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&" + form)));
    }

    /** Accepted for that day at 10:00, and the youth told. */
    private Sent acceptedFor(String externalId, java.time.LocalDate day) throws Exception {
        Sent sent = referYouth(externalId);
        assertThat(answer(sent.link(), "decision=accepte&appointment=" + day + "&time=10:00&place=Antenne+Nord&confirme=oui")
                .statusCode()).isEqualTo(200);
        runJob(sent.processInstanceId(), "taskSavePartnerAnswer");
        runJob(sent.processInstanceId(), "taskNotifyYouth");
        return sent;
    }

    @Test
    void thePartnerCorrectsTheAppointmentThroughTheSameLinkAndTheYouthIsTold() throws Exception {
        java.time.LocalDate first = workingDayAfter(5);
        Sent sent = acceptedFor("link-correct", first);

        HttpResponse<String> page = open(sent.link());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rendez-vous accepté", "Corriger le rendez-vous", "value=\"" + first + "\"",
                "value=\"Antenne Nord\"");
        assertThat(correct(sent.link(), "appointment=" + first.plusMonths(7) + "&time=10:00&place=Ici").body())
                .contains("Date trop lointaine");
        assertThat(correct(sent.link(), "appointment=" + first + "&time=midi&place=Ici").statusCode()).isEqualTo(400);
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getAppointment().time()).isEqualTo(java.time.LocalTime.of(10, 0));

        java.time.LocalDate moved = workingDayAfter(8);
        HttpResponse<String> corrected = correct(sent.link(), "appointment=" + moved + "&time=15:15&place=Antenne+Sud&contact=M.+Ba");
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body()).contains("Rendez-vous corrigé", "à 15 h 15, Antenne Sud");

        Referral referral = referrals.findByJourneyId(sent.journeyId()).get(0);
        assertThat(referral.getAppointment()).isEqualTo(new Appointment(moved, java.time.LocalTime.of(15, 15), "Antenne Sud", "M. Ba"));
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(sent.journeyId())).last().satisfies(m -> assertThat(m.getBody())
                .startsWith("Changement de rendez-vous Inès").contains("à 15 h 15, Antenne Sud", "Contact : M. Ba."));
        var confirm = taskService.createTaskQuery().processInstanceId(sent.processInstanceId())
                .taskDefinitionKey("taskConfirmAttendance").singleResult();
        assertThat(confirm.getDueDate()).isEqualTo(Date.from(moved.plusDays(2).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()));
        assertThat(taskService.getVariable(confirm.getId(), "appointmentTime")).isEqualTo("15:15");
        assertThat(taskService.getTaskComments(confirm.getId())).extracting(c -> c.getFullMessage())
                .anySatisfy(note -> assertThat(note).startsWith("Le partenaire a déplacé le rendez-vous : ").contains("15 h 15"));

        // Each correction messages the youth: three at most through a link.
        assertThat(correct(sent.link(), "appointment=" + workingDayAfter(9) + "&time=09:00&place=Antenne+Sud").statusCode()).isEqualTo(200);
        assertThat(correct(sent.link(), "appointment=" + workingDayAfter(10) + "&time=09:00&place=Antenne+Sud").statusCode()).isEqualTo(200);
        var fourth = correct(sent.link(), "appointment=" + workingDayAfter(11) + "&time=09:00&place=Antenne+Sud");
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(fourth.body()).contains("Correction impossible");
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getAppointmentDate()).isEqualTo(workingDayAfter(10));
    }

    @Test
    void theDayBeforeTheAppointmentItCanNoLongerBeCorrectedOnline() throws Exception {
        Sent sent = acceptedFor("link-too-late", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1));
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1))));

        assertThat(open(sent.link()).statusCode()).isEqualTo(409);
        HttpResponse<String> tooLate = correct(sent.link(), "appointment=" + workingDayAfter(9) + "&time=10:00&place=Ici");
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("Correction impossible");
        assertThat(correct(sent.link().replace('.', '-'), "appointment=" + workingDayAfter(9) + "&time=10:00&place=Ici").statusCode())
                .as("a tampered link").isEqualTo(400);
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getAppointment().place()).isEqualTo("Antenne Nord");
    }

    @Test
    void aReferralEmailWaitsOutAnSmtpOutageAndLeavesOnceTheServerIsBack() throws Exception {
        Youth youth = new Youth("whatsapp", "link-smtp-down", "Inès", null, Instant.now());
        youth.setBirthDate(java.time.LocalDate.now().minusYears(19));
        youth.setDepartement("93");
        youth.segment("chomeurClassique", "orientation");
        youths.save(youth);
        Journey journey = journeys.save(new Journey(youth, Instant.now()));
        Partner partner = partners.save(new Partner("Mission Locale de Saint-Denis smtp", PartnerNetworks.MISSION_LOCALE, "93",
                "accueil-smtp@ml93.example.org", 16, 25));
        var instance = runtimeService.startProcessInstanceByKey(PartnerReferral.PROCESS_ID, Map.of("journeyId", journey.getId()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("taskChoosePartner")
                .singleResult().getId(), Map.of("partnerId", partner.getId().toString()));
        var job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("taskSendReferral").singleResult();

        smtp.stop();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(job.getId()));
            var waiting = managementService.createJobQuery().jobId(job.getId()).singleResult();
            assertThat(waiting.getRetries()).as("retried five more times, from a minute to four hours later").isEqualTo(5);
            assertThat(waiting.getDuedate()).isAfter(new Date());
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        } finally {
            smtp.start();
        }
        managementService.executeJob(job.getId());

        assertThat(smtp.getReceivedMessagesForDomain("ml93.example.org")).hasSize(1);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId()).activityId("taskAwaitPartnerAnswer").count())
                .isOne();
    }

    @Test
    void aRefusalNeedsAReasonAndLeadsTheMediatorToTheNextProposal() throws Exception {
        Sent sent = referYouth("link-refuse");

        assertThat(answer(sent.link(), "decision=refuse&reason=trop-loin").statusCode()).isEqualTo(400);
        assertThat(answer(sent.link(), "decision=refuse&reason=pasDePlace").statusCode()).isEqualTo(200);
        runJob(sent.processInstanceId(), "taskSavePartnerAnswer");

        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getReason()).isEqualTo("pasDePlace");
        assertThat(taskService.createTaskQuery().processInstanceId(sent.processInstanceId()).taskDefinitionKey("taskChoosePartner").count()).isOne();
    }

    @Test
    void aTamperedLinkGetsAClearPageAndChangesNothing() throws Exception {
        Sent sent = referYouth("link-tampered");
        String tampered = sent.link().replaceFirst("^\\d+", "999999");

        assertThat(open(tampered).statusCode()).isEqualTo(400);
        assertThat(open(tampered).body()).contains("Lien invalide");
        assertThat(answer(tampered, "decision=accepte").statusCode()).isEqualTo(400);
        assertThat(open("n-importe-quoi").body()).contains("Lien invalide");
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getStatus()).isEqualTo(Referral.Status.SENT);
    }

    /** The next day after {@code days} that is neither a Sunday nor a public holiday. */
    private static java.time.LocalDate workingDayAfter(int days) {
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(days);
        while (new Appointment(day, null, null, null).isUnusualDay()) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Test
    void aSundayAppointmentIsConfirmedBeforeItIsRecorded() throws Exception {
        Sent sent = referYouth("link-sunday");
        java.time.LocalDate sunday = java.time.LocalDate.now().plusDays(2).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        String form = "decision=accepte&appointment=" + sunday + "&time=10:00&place=Antenne+de+Bobigny";

        var asked = answer(sent.link(), form);

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("est un dimanche ou un jour férié", "Oui, je confirme ce rendez-vous",
                "value=\"Antenne de Bobigny\"");
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getStatus()).isEqualTo(Referral.Status.SENT);
        assertThat(answer(sent.link(), form + "&confirme=oui").body()).contains("Merci, votre réponse est enregistrée");
    }

    @Test
    void frenchPublicHolidaysAreKnown() {
        assertThat(Appointment.easterSunday(2027)).isEqualTo(java.time.LocalDate.of(2027, 3, 28));
        assertThat(new Appointment(java.time.LocalDate.of(2027, 3, 29), null, null, null).isUnusualDay()).as("lundi de Pâques").isTrue();
        assertThat(new Appointment(java.time.LocalDate.of(2027, 5, 6), null, null, null).isUnusualDay()).as("Ascension").isTrue();
        assertThat(new Appointment(java.time.LocalDate.of(2027, 7, 14), null, null, null).isUnusualDay()).isTrue();
        assertThat(new Appointment(java.time.LocalDate.of(2027, 3, 30), null, null, null).isUnusualDay()).isFalse();
    }

    @Test
    void twoSimultaneousAnswersRecordOneAndTellTheOtherInFrench() throws Exception {
        Sent sent = referYouth("link-twice");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var latch = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<java.net.http.HttpResponse<String>> refuse = () -> {
            latch.await();
            return answer(sent.link(), "decision=refuse&reason=pasDePlace");
        };
        var first = pool.submit(refuse);
        var second = pool.submit(refuse);
        latch.countDown();
        var answers = java.util.List.of(first.get(), second.get());
        pool.shutdown();

        assertThat(answers).extracting(java.net.http.HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).noneMatch(r -> r.body().contains("Exception") || r.body().startsWith("{"));
        assertThat(answers).anySatisfy(r -> assertThat(r.body()).contains("Réponse déjà enregistrée"));
    }

    @Test
    void anExpiredLinkGetsAClearPageAndChangesNothing() throws Exception {
        Sent sent = referYouth("link-expired");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(32))));

        assertThat(open(sent.link()).statusCode()).isEqualTo(410);
        assertThat(answer(sent.link(), "decision=accepte").body()).contains("Lien expiré");
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getStatus()).isEqualTo(Referral.Status.SENT);
    }

    @Test
    void aSilentPartnerIsRemindedByEmailThenTheReferralExpires() throws Exception {
        Sent sent = referYouth("link-silent");

        for (int reminder = 1; reminder <= 3; reminder++) {
            var timer = managementService.createJobQuery().processInstanceId(sent.processInstanceId())
                    .activityId("timerPartnerReminder").singleResult();
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
            managementService.executeJob(timer.getId());
            runJob(sent.processInstanceId(), "taskRemindPartner");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(smtp.getReceivedMessages()[3].getSubject()).startsWith("Relance 3 : orientation d'un jeune vers ");
        for (var message : smtp.getReceivedMessages()) {
            assertThat(message.getSubject()).as("no youth name in a subject").doesNotContain("Inès");
        }

        var expiry = managementService.createJobQuery().processInstanceId(sent.processInstanceId())
                .activityId("timerReferralExpired").singleResult();
        ClockUtil.setCurrentTime(new Date(expiry.getDuedate().getTime() + 1000));
        managementService.executeJob(expiry.getId());

        Referral referral = referrals.findByJourneyId(sent.journeyId()).get(0);
        assertThat(referral.getStatus()).isEqualTo(Referral.Status.EXPIRED);
        assertThat(referral.getRemindersSent()).isEqualTo(3);
        var late = answer(sent.link(), "decision=accepte");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Lien expiré", "Une question ? L'équipe de médiation Passerelle : ")
                .doesNotContain("déjà enregistrée");
        assertThat(taskService.createTaskQuery().processInstanceId(sent.processInstanceId()).taskDefinitionKey("taskChoosePartner").count()).isOne();
    }
}
