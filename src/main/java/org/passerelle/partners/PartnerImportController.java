package org.passerelle.partners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programme leads load partner directories: a data·inclusion export (JSON) or their own CSV. */
@RestController
@RequestMapping("/api/partners/import")
public class PartnerImportController {

    private final PartnerImport imports;
    private final ObjectMapper json;

    public PartnerImportController(PartnerImport imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, params = "!format")
    public ResponseEntity<?> dataInclusion(@RequestParam(defaultValue = "data-inclusion") String source,
            @RequestBody byte[] body) {
        JsonNode services;
        try {
            services = json.readTree(body);
        } catch (IOException malformed) {
            services = null;
        }
        if (services == null || !(services.isArray() || services.path("services").isArray())) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Expected a JSON array of data·inclusion services"));
        }
        return ResponseEntity.ok(imports.importDataInclusion(source, services));
    }

    /** The national Missions Locales referential (open data), e.g. SocialGouv's referentiel_structures_milo.json. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, params = "format=missions-locales")
    public ResponseEntity<?> missionsLocales(@RequestParam(defaultValue = "missions-locales") String source,
            @RequestBody byte[] body) {
        JsonNode structures;
        try {
            structures = json.readTree(body);
        } catch (IOException malformed) {
            structures = null;
        }
        if (structures == null || !structures.isArray()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Expected a JSON array of Missions Locales"));
        }
        return ResponseEntity.ok(imports.importMissionsLocales(source, structures));
    }

    @PostMapping(consumes = "text/csv")
    public PartnerImport.Report csv(@RequestParam(defaultValue = "csv") String source, @RequestBody String body) {
        return imports.importCsv(source, body);
    }
}
