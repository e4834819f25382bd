package org.passerelle.programme;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.passerelle.web.TemplatePages;
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
    private final TemplatePages pages;

    public RunningJourneyVersionsPage(RunningJourneyVersions versions, TemplatePages pages) {
        this.versions = versions;
        this.pages = pages;
    }

    @GetMapping
    public ResponseEntity<String> list(HttpServletRequest request) {
        return page(HttpStatus.OK, Map.of(), request);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> move(@RequestParam(name = "version", required = false) String definitionId,
            HttpServletRequest request) {
        if (definitionId == null || definitionId.isBlank()) {
            return page(HttpStatus.BAD_REQUEST, Map.of("noVersionChosen", true), request);
        }
        var outcome = versions.moveToLatest(definitionId);
        if (!outcome.blockers().isEmpty()) {
            return page(HttpStatus.CONFLICT, Map.of("blockers", outcome.blockers()), request);
        }
        return page(HttpStatus.OK, Map.of("moved", outcome.moved()), request);
    }

    private ResponseEntity<String> page(HttpStatus status, Map<String, Object> notice, HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>(notice);
        values.put("older", versions.olderVersionsStillRunning());
        values.put("csrf", request.getAttribute(CsrfToken.class.getName()));
        return pages.staffPage(status, "programme/versions", TITLE, values);
    }
}
