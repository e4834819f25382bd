package org.passerelle.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.passerelle.web.HtmlPages;
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

    public CampaignDashboard(CampaignFunnel funnels, CampaignLabels campaignLabels, TaskService tasks) {
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
        if (query.problem() != null) {
            return HtmlPages.staffPage(HttpStatus.BAD_REQUEST, "Tableau de bord des campagnes", "<p class=\"errors\" role=\"alert\">"
                    + HtmlPages.escape(query.problem()) + "</p>" + form(depuis, "campagne"));
        }
        CampaignFunnel.Funnel funnel = funnels.of(query.since(), query.by(), campaignLabels::labelOf);
        String csv = "/tableau-de-bord/campagnes.csv?par=" + query.by().code + (depuis == null || depuis.isBlank() ? "" : "&depuis=" + depuis);
        return HtmlPages.staffPage(HttpStatus.OK, "Tableau de bord des campagnes", form(depuis, query.by().code)
                + "<p>" + funnel.total().stages().get("contacts") + " parcours · attente d'une première réponse d'un médiateur : "
                + "médiane <strong>" + hours(funnel.medianHoursToFirstAnswer()) + "</strong>, 9 sur 10 en moins de <strong>"
                + hours(funnel.p90HoursToFirstAnswer()) + "</strong> · <a href=\"" + HtmlPages.escape(csv) + "\">Télécharger en CSV</a></p>"
                + FunnelCharts.funnel(funnel).map(src -> image(src, "Entonnoir : " + describe(funnel.total()))).orElse("")
                + FunnelCharts.byGroup(funnel, query.by().label).map(src -> image(src, "Contacts, réponses en moins de 24 h et "
                        + "diagnostics par " + query.by().label.toLowerCase(java.util.Locale.FRENCH))).orElse("")
                + table(funnel, query.by().label) + load());
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

    private static String form(String depuis, String by) {
        return "<form method=\"get\" action=\"/tableau-de-bord/campagnes\"><label for=\"depuis\">Parcours ouverts depuis le</label>"
                + "<input type=\"date\" id=\"depuis\" name=\"depuis\" value=\"" + HtmlPages.escape(depuis) + "\">"
                + "<label for=\"par\">Regrouper par</label><select id=\"par\" name=\"par\">"
                + java.util.Arrays.stream(CampaignFunnel.By.values()).map(b -> "<option value=\"" + b.code + "\"" + (b.code.equals(by) ? " selected" : "")
                        + ">" + b.label + "</option>").collect(Collectors.joining())
                + "</select><button type=\"submit\">Afficher</button></form>";
    }

    private static String image(String src, String alt) {
        return "<p><img src=\"" + src + "\" alt=\"" + HtmlPages.escape(alt) + "\" style=\"max-width:100%\"></p>";
    }

    private static String describe(CampaignFunnel.Row row) {
        return CampaignFunnel.STAGES.entrySet().stream().map(e -> e.getValue() + " " + row.stages().get(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String hours(Double value) {
        return value == null ? "—" : String.valueOf(value).replace('.', ',') + " h";
    }

    private static String table(CampaignFunnel.Funnel funnel, String groupLabel) {
        StringBuilder html = new StringBuilder("<h2>Entonnoir par ").append(HtmlPages.escape(groupLabel.toLowerCase(java.util.Locale.FRENCH)))
                .append("</h2><table><thead><tr><th scope=\"col\">").append(HtmlPages.escape(groupLabel)).append("</th>");
        CampaignFunnel.STAGES.values().forEach(label -> html.append("<th scope=\"col\">").append(HtmlPages.escape(label)).append("</th>"));
        html.append("</tr></thead><tbody>");
        List<CampaignFunnel.Row> rows = new ArrayList<>(funnel.rows());
        rows.add(funnel.total());
        for (CampaignFunnel.Row row : rows) {
            long contacts = row.stages().get("contacts");
            html.append("<tr><th scope=\"row\">").append(HtmlPages.escape(row.group())).append("</th>");
            for (String stage : CampaignFunnel.STAGES.keySet()) {
                long count = row.stages().get(stage);
                html.append("<td>").append(count).append(stage.equals("contacts") || contacts == 0 ? ""
                        : " (" + Math.round(100.0 * count / contacts) + " %)").append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** The mediators' load: open tasks by person, overdue ones, and those nobody has taken yet. */
    private String load() {
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
        return "<h2>Charge des médiateurs</h2><table><thead><tr><th scope=\"col\">Personne</th><th scope=\"col\">Tâches ouvertes</th>"
                + "<th scope=\"col\">En retard</th></tr></thead><tbody>" + (byPerson.isEmpty() ? "<tr><td>Aucune tâche</td><td>0</td><td>0</td></tr>"
                : byPerson.entrySet().stream().map(e -> "<tr><th scope=\"row\">" + HtmlPages.escape(e.getKey()) + "</th><td>" + e.getValue()[0]
                        + "</td><td>" + e.getValue()[1] + "</td></tr>").collect(Collectors.joining())) + "</tbody></table>";
    }
}
