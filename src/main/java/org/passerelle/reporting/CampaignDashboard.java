package org.passerelle.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.passerelle.web.Option;
import org.passerelle.web.TemplatePages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' campaign dashboard: the funnel by campaign, channel, territory or week, with charts, the wait for a
 * first answer and the mediators' load; the same as CSV (for a spreadsheet) and as JSON. Counts only.
 */
@RestController
public class CampaignDashboard {

    private final CampaignFunnel funnels;
    private final CampaignLabels campaignLabels;
    private final TaskService tasks;
    private final TemplatePages pages;

    /** A chart as an image, with its text for screen readers. */
    record Chart(String src, String alt) {
    }

    /** One line of the funnel table: the group, then each stage's count with its share of contacts. */
    record TableRow(String group, List<String> cells) {
    }

    public CampaignDashboard(CampaignFunnel funnels, CampaignLabels campaignLabels, TaskService tasks, TemplatePages pages) {
        this.pages = pages;
        this.funnels = funnels;
        this.campaignLabels = campaignLabels;
        this.tasks = tasks;
    }

    /** What the address asks for, or what is wrong with it in French. */
    private record Query(Instant since, CampaignFunnel.By by, String problem) {

        static Query of(String depuis, String par) {
            CampaignFunnel.By by = CampaignFunnel.By.of(par == null || par.isBlank() ? "campagne" : par);
            if (by == null) {
                return new Query(null, null, "Regroupement inconnu : choisissez campagne, canal, territoire ou semaine.");
            }
            if (depuis == null || depuis.isBlank()) {
                return new Query(Instant.EPOCH, by, null);
            }
            try {
                LocalDate date = LocalDate.parse(depuis);
                if (date.getYear() < 2000 || date.getYear() > 2100) {
                    return new Query(null, by, "Date incorrecte : indiquez-la au format AAAA-MM-JJ.");
                }
                return new Query(date.atStartOfDay(ZoneOffset.UTC).toInstant(), by, null);
            } catch (DateTimeParseException e) {
                return new Query(null, by, "Date incorrecte : indiquez-la au format AAAA-MM-JJ.");
            }
        }
    }

    @GetMapping(value = "/tableau-de-bord/campagnes", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@RequestParam(required = false) String depuis, @RequestParam(required = false) String par) {
        Query query = Query.of(depuis, par);
        Map<String, Object> values = new HashMap<>();
        values.put("depuis", depuis);
        values.put("problem", query.problem());
        values.put("groupings", groupings(query.problem() != null ? "campagne" : query.by().code));
        if (query.problem() != null) {
            return pages.staffPage(HttpStatus.BAD_REQUEST, "reporting/campaigns", "Tableau de bord des campagnes", values);
        }
        CampaignFunnel.Funnel funnel = funnels.of(query.since(), query.by(), campaignLabels::labelOf);
        String groupLabel = query.by().label;
        List<Chart> charts = new ArrayList<>();
        FunnelCharts.funnel(funnel).ifPresent(src -> charts.add(new Chart(src, "Entonnoir : " + describe(funnel.total()))));
        FunnelCharts.byGroup(funnel, groupLabel).ifPresent(src -> charts.add(new Chart(src, "Contacts, réponses en moins de 24 h et "
                + "diagnostics par " + groupLabel.toLowerCase(java.util.Locale.FRENCH))));
        values.put("contacts", funnel.total().stages().get("contacts"));
        values.put("medianWait", hours(funnel.medianHoursToFirstAnswer()));
        values.put("p90Wait", hours(funnel.p90HoursToFirstAnswer()));
        values.put("csv", "/tableau-de-bord/campagnes.csv?par=" + query.by().code + (depuis == null || depuis.isBlank() ? "" : "&depuis=" + depuis));
        values.put("charts", charts);
        values.put("groupLabel", groupLabel);
        values.put("groupLabelLower", groupLabel.toLowerCase(java.util.Locale.FRENCH));
        values.put("stages", List.copyOf(CampaignFunnel.STAGES.values()));
        values.put("rows", tableRows(funnel));
        values.put("load", load());
        return pages.staffPage(HttpStatus.OK, "reporting/campaigns", "Tableau de bord des campagnes", values);
    }

    @GetMapping(value = "/tableau-de-bord/campagnes.csv", produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String depuis, @RequestParam(required = false) String par) {
        Query query = Query.of(depuis, par);
        if (query.problem() != null) {
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(query.problem());
        }
        CampaignFunnel.Funnel funnel = funnels.of(query.since(), query.by(), campaignLabels::labelOf);
        StringBuilder out = new StringBuilder("\uFEFF").append(cell(query.by().label));
        CampaignFunnel.STAGES.values().forEach(label -> out.append(';').append(cell(label)));
        out.append("\r\n");
        List<CampaignFunnel.Row> rows = new ArrayList<>(funnel.rows());
        rows.add(funnel.total());
        for (CampaignFunnel.Row row : rows) {
            out.append(cell(row.group()));
            CampaignFunnel.STAGES.keySet().forEach(stage -> out.append(';').append(row.stages().get(stage)));
            out.append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"campagnes-" + query.by().code + ".csv\"").body(out.toString());
    }

    @GetMapping(value = "/api/reporting/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> json(@RequestParam(required = false) String depuis, @RequestParam(required = false) String par) {
        Query query = Query.of(depuis, par);
        return query.problem() != null ? ResponseEntity.badRequest().body(Map.of("error", query.problem()))
                : ResponseEntity.ok(funnels.of(query.since(), query.by(), campaignLabels::labelOf));
    }

    /** A spreadsheet must not read a campaign's name as a formula. */
    private static String cell(String value) {
        String safe = value == null ? "" : value.replace("\"", "\"\"");
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe + "\"";
    }

    private static List<Option> groupings(String by) {
        return java.util.Arrays.stream(CampaignFunnel.By.values()).map(b -> new Option(b.code, b.label, b.code.equals(by))).toList();
    }

    private static String describe(CampaignFunnel.Row row) {
        return CampaignFunnel.STAGES.entrySet().stream().map(e -> e.getValue() + " " + row.stages().get(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String hours(Double value) {
        return value == null ? "—" : String.valueOf(value).replace('.', ',') + " h";
    }

    /** Each group, then the total: a stage's count with its share of the group's contacts. */
    private static List<TableRow> tableRows(CampaignFunnel.Funnel funnel) {
        List<CampaignFunnel.Row> rows = new ArrayList<>(funnel.rows());
        rows.add(funnel.total());
        return rows.stream().map(row -> {
            long contacts = row.stages().get("contacts");
            List<String> cells = CampaignFunnel.STAGES.keySet().stream().map(stage -> {
                long count = row.stages().get(stage);
                return count + (stage.equals("contacts") || contacts == 0 ? "" : " (" + Math.round(100.0 * count / contacts) + " %)");
            }).toList();
            return new TableRow(row.group(), cells);
        }).toList();
    }

    /** The mediators' load: open tasks by person, overdue ones, and those nobody has taken yet. */
    private Map<String, long[]> load() {
        Map<String, long[]> byPerson = new TreeMap<>();
        Instant now = Instant.now();
        for (Task task : tasks.createTaskQuery().active().list()) {
            String who = task.getAssignee() == null ? "Pas encore prises" : task.getAssignee();
            long[] counts = byPerson.computeIfAbsent(who, w -> new long[2]);
            counts[0]++;
            if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now)) {
                counts[1]++;
            }
        }
        return byPerson;
    }
}
