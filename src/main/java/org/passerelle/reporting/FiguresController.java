package org.passerelle.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.passerelle.web.TemplatePages;
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
    private final TemplatePages pages;

    public FiguresController(ProgrammeFigures figures, CampaignLabels campaignLabels,
            org.passerelle.partners.PartnerNetworks networks, TemplatePages pages) {
        this.pages = pages;
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
            return pages.staffPage(HttpStatus.BAD_REQUEST, "reporting/figures", "Date incorrecte", Map.of("badDate", true));
        }
        ProgrammeFigures.Figures f = figures.since(since);
        Map<String, Map<String, Long>> tables = new LinkedHashMap<>();
        tables.put("Contacts par canal", FigureLabels.channels(f.byChannel()));
        tables.put("Contacts par campagne", FigureLabels.campaigns(f.byCampaign(), campaignLabels::labelOf));
        tables.put("Contacts par territoire", FigureLabels.territories(f.byTerritory()));
        tables.put("Voies d'accompagnement", FigureLabels.tracks(f.byTrack()));
        tables.put("Orientations vers les partenaires", FigureLabels.referralStatuses(f.referrals()));
        tables.put("Motifs de refus des partenaires", FigureLabels.refusalReasons(f.referralRefusals()));
        tables.put("Orientations acceptées : premier rendez-vous", FigureLabels.attendance(f.referralAttendance()));
        tables.put("Orientations par réseau", FigureLabels.networks(f.referralsByNetwork(), networks.all()));
        tables.put("Issues des parcours clos", FigureLabels.outcomes(f.outcomes()));
        ProgrammeFigures.Mentoring m = f.mentoring();
        Map<String, Map<String, Long>> mentorTables = new LinkedHashMap<>();
        mentorTables.put("Propositions aux mentors", FigureLabels.mentorProposals(m.proposals()));
        mentorTables.put("Issues des mentorats par secteur", FigureLabels.mentorshipOutcomes(m.outcomesBySector()));
        Map<String, Object> values = new HashMap<>();
        values.put("badDate", false);
        values.put("depuis", depuis);
        values.put("f", f);
        values.put("tables", tables);
        values.put("m", m);
        values.put("averageDaysToMatch", m.averageDaysToMatch() == null ? "—"
                : String.valueOf(m.averageDaysToMatch()).replace('.', ',') + " jours");
        values.put("mentorTables", mentorTables);
        return pages.staffPage(HttpStatus.OK, "reporting/figures", "Chiffres du programme", values);
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
