package org.passerelle.reporting;

import static org.passerelle.web.HtmlPages.escape;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The programme's figures for supervisors and programme leads: a page, and the same as JSON. */
@RestController
public class FiguresController {

    private final ProgrammeFigures figures;
    private final CampaignLabels campaignLabels;
    private final org.passerelle.partners.PartnerNetworks networks;

    public FiguresController(ProgrammeFigures figures, CampaignLabels campaignLabels,
            org.passerelle.partners.PartnerNetworks networks) {
        this.networks = networks;
        this.figures = figures;
        this.campaignLabels = campaignLabels;
    }

    @GetMapping(value = "/api/reporting/figures", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> json(@RequestParam(required = false) String depuis) {
        Instant since = parse(depuis);
        return since == null ? ResponseEntity.badRequest().body(Map.of("error", "depuis must be a date (AAAA-MM-JJ)"))
                : ResponseEntity.ok(figures.since(since));
    }

    @GetMapping(value = "/tableau-de-bord", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@RequestParam(required = false) String depuis) {
        Instant since = parse(depuis);
        if (since == null) {
            return HtmlPages.staffPage(HttpStatus.BAD_REQUEST, "Date incorrecte", "<p>Indiquez une date au format AAAA-MM-JJ.</p>");
        }
        ProgrammeFigures.Figures f = figures.since(since);
        return HtmlPages.staffPage(HttpStatus.OK, "Chiffres du programme", """
                <form method="get" action="/tableau-de-bord"><label for="depuis">Jeunes arrivés depuis le</label>
                <input type="date" id="depuis" name="depuis" value="%s"><button type="submit">Afficher</button></form>
                <p><strong>%d</strong> contacts · <strong>%d</strong> diagnostics · <strong>%d</strong> parcours en cours · <strong>%d</strong> clos</p>
                %s%s%s%s%s%s%s%s%s%s""".formatted(depuis == null ? "" : escape(depuis), f.contacts(), f.diagnosed(), f.openJourneys(),
                f.closedJourneys(), table("Contacts par canal", FigureLabels.channels(f.byChannel())),
                table("Contacts par campagne", FigureLabels.campaigns(f.byCampaign(), campaignLabels::labelOf)),
                table("Contacts par territoire", FigureLabels.territories(f.byTerritory())),
                table("Voies d'accompagnement", FigureLabels.tracks(f.byTrack())),
                table("Orientations vers les partenaires", FigureLabels.referralStatuses(f.referrals())),
                table("Motifs de refus des partenaires", FigureLabels.refusalReasons(f.referralRefusals())),
                table("Orientations acceptées : premier rendez-vous", FigureLabels.attendance(f.referralAttendance())),
                table("Orientations par réseau", FigureLabels.networks(f.referralsByNetwork(), networks.all())),
                table("Issues des parcours clos", FigureLabels.outcomes(f.outcomes())), mentoring(f.mentoring())));
    }

    private static String mentoring(ProgrammeFigures.Mentoring m) {
        return "<h2>Mentorat</h2><p><strong>" + m.activeMentors() + "</strong> mentors actifs · <strong>" + m.placesUsed()
                + "</strong> places occupées sur <strong>" + m.places() + "</strong> · taux d'acceptation des propositions : <strong>"
                + (m.acceptancePercent() == null ? "—" : m.acceptancePercent() + " %") + "</strong> · délai moyen jusqu'à un mentor : <strong>"
                + (m.averageDaysToMatch() == null ? "—" : String.valueOf(m.averageDaysToMatch()).replace('.', ',') + " jours") + "</strong></p>"
                + table("Propositions aux mentors", FigureLabels.mentorProposals(m.proposals()))
                + table("Issues des mentorats par secteur", FigureLabels.mentorshipOutcomes(m.outcomesBySector()));
    }

    private static String table(String title, Map<String, Long> counts) {
        String rows = counts.entrySet().stream().map(e -> "<tr><td>" + escape(e.getKey()) + "</td><td>" + e.getValue() + "</td></tr>")
                .collect(Collectors.joining());
        return "<h2>" + escape(title) + "</h2><table><tbody>" + (rows.isEmpty() ? "<tr><td>Aucun</td><td>0</td></tr>" : rows)
                + "</tbody></table>";
    }

    /** No date: everything; otherwise from that day (UTC). Null when the date cannot be read. */
    private static Instant parse(String depuis) {
        if (depuis == null || depuis.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return LocalDate.parse(depuis).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
