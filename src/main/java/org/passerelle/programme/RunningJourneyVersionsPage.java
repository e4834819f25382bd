package org.passerelle.programme;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Versions en cours" (/programme/versions): the journeys still running on an older version of a process, and a
 * button to move them to the latest version when it can take them as they are.
 */
@RestController
@RequestMapping(value = "/programme/versions", produces = MediaType.TEXT_HTML_VALUE)
public class RunningJourneyVersionsPage {

    private static final String TITLE = "Versions en cours";

    private final RunningJourneyVersions versions;

    public RunningJourneyVersionsPage(RunningJourneyVersions versions) {
        this.versions = versions;
    }

    @GetMapping
    public ResponseEntity<String> list(HttpServletRequest request) {
        return page(HttpStatus.OK, "", request);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> move(@RequestParam(name = "version", required = false) String definitionId,
            HttpServletRequest request) {
        if (definitionId == null || definitionId.isBlank()) {
            return page(HttpStatus.BAD_REQUEST, "<ul class=\"errors\"><li>Choisissez une version à faire passer.</li></ul>", request);
        }
        var outcome = versions.moveToLatest(definitionId);
        if (!outcome.blockers().isEmpty()) {
            return page(HttpStatus.CONFLICT, "<div class=\"errors\"><p>Aucun parcours n'a changé de version :</p><ul>"
                    + outcome.blockers().stream().map(b -> "<li>" + HtmlPages.escape(b) + "</li>").collect(Collectors.joining())
                    + "</ul><p>Ces parcours finissent sur leur version. Pour les faire passer, gardez les identifiants des "
                    + "étapes où ils attendent dans la nouvelle version.</p></div>", request);
        }
        return page(HttpStatus.OK, "<p role=\"status\">" + outcome.moved() + " parcours continuent désormais sur la dernière version.</p>",
                request);
    }

    private ResponseEntity<String> page(HttpStatus status, String notice, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\""
                + csrf.getToken() + "\">";
        var older = versions.olderVersionsStillRunning();
        String rows = older.stream().map(v -> "<tr><td>" + HtmlPages.escape(v.name()) + "</td><td>" + v.version() + "</td><td>"
                + v.running() + "</td><td>" + v.latestVersion() + "</td><td><form method=\"post\" action=\"/programme/versions\">"
                + hidden + "<input type=\"hidden\" name=\"version\" value=\"" + HtmlPages.escape(v.definitionId()) + "\">"
                + "<button type=\"submit\">Passer ces " + v.running() + " parcours à la version " + v.latestVersion()
                + "</button></form></td></tr>").collect(Collectors.joining());
        return HtmlPages.staffPage(status, TITLE, notice
                + "<p>Un modèle déployé s'applique aux nouveaux parcours ; ceux déjà commencés restent sur leur version. "
                + "Quand la nouvelle version garde les étapes où ils attendent, vous pouvez les y faire passer d'un coup : "
                + "tous passent, ou aucun.</p>"
                + (older.isEmpty() ? "<p>Tous les parcours en cours sont sur la dernière version de leur modèle.</p>"
                        : "<table><thead><tr><th>Processus</th><th>Version</th><th>Parcours en cours</th><th>Dernière version</th>"
                                + "<th></th></tr></thead><tbody>" + rows + "</tbody></table>"));
    }
}
