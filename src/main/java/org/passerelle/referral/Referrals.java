package org.passerelle.referral;

import java.util.Map;
import org.passerelle.programme.ProgrammeTexts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.passerelle.diagnostic.Departements;
import org.passerelle.intake.Youth;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerDirectory;
import org.passerelle.partners.PartnerMatcher;
import org.passerelle.partners.YouthProfile;
import org.passerelle.partners.PartnerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Referrals of youths to partner structures and the partners' answers. */
@Service
public class Referrals {

    private final ReferralRepository referrals;
    private final PartnerRepository partners;
    private final PartnerDirectory directory;
    private final JourneyRepository journeys;
    private final ReferralMailer mailer;
    private final ReferralLinks links;
    private final org.passerelle.programme.ProgrammeParameters parameters;
    private final ProgrammeTexts texts;
    private final org.passerelle.channels.OutboundMessages outbound;
    private final Clock clock;

    public Referrals(ReferralRepository referrals, PartnerRepository partners, PartnerDirectory directory,
            JourneyRepository journeys, ReferralMailer mailer, ReferralLinks links,
            org.passerelle.programme.ProgrammeParameters parameters, ProgrammeTexts texts,
            org.passerelle.channels.OutboundMessages outbound, Clock clock) {
        this.referrals = referrals;
        this.partners = partners;
        this.directory = directory;
        this.journeys = journeys;
        this.mailer = mailer;
        this.links = links;
        this.parameters = parameters;
        this.texts = texts;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** The ranked proposals for this youth, none of them a partner that already refused them. */
    // Not read-only: evaluating the partnerRouting DMN writes the decision's history (PostgreSQL refuses it otherwise).
    @Transactional
    public PartnerMatcher.Result proposals(Long journeyId) {
        Youth youth = journeys.findById(journeyId).orElseThrow().getYouth();
        List<Long> refused = referrals.findByJourneyId(journeyId).stream()
                .filter(r -> r.getStatus() == Referral.Status.REFUSED).map(Referral::getPartnerId).toList();
        YouthProfile profile = new YouthProfile(youth.getBirthDate(), youth.getDepartement(), youth.getCommuneCode(), youth.getDiplomaLevel(),
                statusesOf(youth),
                youth.getBarriers() != null && (youth.getBarriers().contains("sante") || youth.getBarriers().contains("logement")
                        || youth.getBarriers().contains("justice")),
                Boolean.TRUE.equals(youth.getHasProject()), youth.getTrack(), youth.getInterests());
        return directory.match(profile, todayWhere(youth), refused, acceptanceRates());
    }

    /** Recognised statuses from the diagnostic, and the situation (a student is "etudiant" for the partners too). */
    private static Set<String> statusesOf(Youth youth) {
        Set<String> statuses = new java.util.HashSet<>();
        if (youth.getSituation() != null) {
            statuses.add(youth.getSituation());
        }
        if (youth.getStatuses() != null) {
            statuses.addAll(java.util.Arrays.asList(youth.getStatuses().split(",")));
        }
        return statuses;
    }

    /** The referral day where the youth lives: in La Réunion a 26th birthday starts four hours before Paris. */
    private LocalDate todayWhere(Youth youth) {
        return LocalDate.ofInstant(clock.instant(), Departements.zoneOf(youth.getDepartement()));
    }

    /** Share of answered referrals each partner accepted. */
    private Map<Long, Double> acceptanceRates() {
        Map<Long, Double> rates = new HashMap<>();
        for (Object[] row : referrals.answeredByPartner()) {
            long accepted = ((Number) row[1]).longValue();
            long answered = ((Number) row[2]).longValue();
            if (answered > 0) {
                rates.put((Long) row[0], (double) accepted / answered);
            }
        }
        return rates;
    }

    /**
     * Records the referral and emails the partner a signed answer link; a partner without an email address is
     * referred by the mediator, by phone or in person, who records its answer.
     */
    @Transactional
    public Long send(Long journeyId, Long partnerId) {
        Partner partner = partners.findById(partnerId).filter(Partner::isActive)
                .orElseThrow(() -> new IllegalArgumentException("Partenaire inconnu ou inactif : " + partnerId));
        Referral referral = referrals.save(new Referral(journeyId, partnerId, clock.instant(), ReferralLinks.newNonce()));
        if (partner.receivesReferralsByEmail()) {
            mailer.referral(partner, summary(journeyId), link(referral));
        }
        return referral.getId();
    }

    /** How the mediator reaches a partner without email: its phone, or in person. */
    @Transactional(readOnly = true)
    public String directContact(Long partnerId) {
        Partner partner = partners.findById(partnerId).orElseThrow();
        String where = partner.getDepartement() == null ? "" : " (département " + partner.getDepartement() + ")";
        return partner.getPhone() == null || partner.getPhone().isBlank()
                ? "pas de téléphone non plus, accompagnez le jeune sur place" + where
                : "appelez-la au " + partner.getPhone();
    }

    @Transactional
    public void remind(Long referralId) {
        Referral referral = referrals.findById(referralId).orElseThrow();
        if (referral.getStatus() == Referral.Status.SENT) {
            mailer.reminder(partners.findById(referral.getPartnerId()).orElseThrow(), summary(referral.getJourneyId()),
                    link(referral), referral.reminded());
        }
    }

    @Transactional
    public void expire(Long referralId) {
        referrals.findById(referralId).orElseThrow().expire(clock.instant());
    }

    @Transactional
    public void attended(Long referralId, boolean attended) {
        referrals.findById(referralId).orElseThrow().attended(attended);
    }

    /** The youth is told where and when they are expected. */
    @Transactional
    public boolean notifyYouth(Long referralId) {
        return tellYouth(referralId, false);
    }

    /** The partner moved the appointment the youth was told of. */
    @Transactional
    public void notifyYouthOfChange(Long referralId) {
        tellYouth(referralId, true);
    }

    /** Whether the message could leave: Messenger forbids an automated message a day after the youth's last one. */
    private boolean tellYouth(Long referralId, boolean change) {
        Referral referral = referrals.findById(referralId).orElseThrow();
        Partner partner = partners.findById(referral.getPartnerId()).orElseThrow();
        var journey = journeys.findById(referral.getJourneyId()).orElseThrow();
        String firstName = journey.getYouth().getFirstName() == null ? "" : journey.getYouth().getFirstName().strip();
        Appointment appointment = referral.getAppointment();
        String when = appointment == null ? "bientôt" : appointment.inWords(todayWhere(journey.getYouth()));
        String contact = appointment != null && appointment.contact() != null && !appointment.contact().isBlank()
                ? appointment.contact() : partner.getPhone();
        String text = texts.render(change ? ProgrammeTexts.APPOINTMENT_CHANGE : ProgrammeTexts.APPOINTMENT, Map.of("prenom", firstName,
                "structure", partner.getName(), "quand", when, "contact", contact == null ? "" : contact.strip()));
        // Outside the 24-hour window the approved template keeps the date, the place and the contact.
        var template = new org.passerelle.conversation.Template(change ? org.passerelle.conversation.Template.APPOINTMENT_CHANGE
                : org.passerelle.conversation.Template.APPOINTMENT, java.util.List.of(
                        journey.getYouth().getFirstName() == null ? "à toi" : journey.getYouth().getFirstName(),
                        partner.getName(), when, contact == null ? "" : contact));
        return outbound.send(journey, org.passerelle.conversation.ConversationMessage.Kind.NUDGE, text, template).getStatus()
                != org.passerelle.conversation.ConversationMessage.Status.FAILED;
    }

    @Transactional(readOnly = true)
    public Referral referral(Long referralId) {
        return referrals.findById(referralId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Partner partnerOf(Referral referral) {
        return partners.findById(referral.getPartnerId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ReferralMailer.YouthSummary summary(Long journeyId) {
        Youth youth = journeys.findById(journeyId).orElseThrow().getYouth();
        Integer age = youth.getBirthDate() == null ? null
                : java.time.Period.between(youth.getBirthDate(), todayWhere(youth)).getYears();
        String need = switch (youth.getTrack() == null ? "" : youth.getTrack()) {
            case "relaisImmediat" -> "Le jeune a des difficultés à lever rapidement et a besoin d'un accompagnement de proximité.";
            case "orientation" -> "Le jeune cherche sa voie et souhaite être accompagné dans son orientation.";
            case "mentorat", "coupDePouce" -> "Le jeune a un projet et souhaite être accompagné pour le concrétiser.";
            default -> "Le jeune souhaite être accompagné.";
        };
        return new ReferralMailer.YouthSummary(youth.getFirstName(), age, youth.getDepartement(), need);
    }

    private String link(Referral referral) {
        return links.url(links.token(referral.getId(), referral.getLinkNonce(), settingsExpiry().plusDays(1)));
    }

    /** The expiry as a duration: days or hours ("P30D", "PT48H"), from the programme's parameters. */
    private java.time.Duration settingsExpiry() {
        return java.time.Duration.parse(parameters.getReferralExpiry());
    }

    @Transactional
    public void accepted(Long referralId, LocalDate appointmentDate) {
        referrals.findById(referralId).orElseThrow().accept(appointmentDate, clock.instant());
    }

    @Transactional
    public void accepted(Long referralId, Appointment appointment) {
        referrals.findById(referralId).orElseThrow().accept(appointment, clock.instant());
    }

    @Transactional
    public void refused(Long referralId, String reason) {
        referrals.findById(referralId).orElseThrow().refuse(reason, clock.instant());
    }
}
