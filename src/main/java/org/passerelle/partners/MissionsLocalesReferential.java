package org.passerelle.partners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the national list of Missions Locales (open data, e.g. the referentiel_structures_milo.json
 * published under MIT licence by SocialGouv) from a file at start, so every youth in France has a
 * Mission Locale to be referred to. Services already in the directory are left as the programme
 * lead edited them (contact address, places…); only new Missions Locales are added.
 */
@Component
public class MissionsLocalesReferential {

    static final String SOURCE = "referentiel-missions-locales";
    private static final Logger log = LoggerFactory.getLogger(MissionsLocalesReferential.class);

    private final PartnerImport imports;
    private final ObjectMapper json;
    private final String file;

    public MissionsLocalesReferential(PartnerImport imports, ObjectMapper json,
            @Value("${passerelle.partners.missions-locales-file:}") String file) {
        this.imports = imports;
        this.json = json;
        this.file = file;
    }

    // After the demo directory, which only seeds an empty directory.
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void loadAtStart() {
        if (file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            log.warn("Missions Locales referential not found at {}: the directory keeps the Missions Locales it has", path.toAbsolutePath());
            return;
        }
        try {
            load(path);
        } catch (IOException | IllegalArgumentException unreadable) {
            log.error("Missions Locales referential at {} could not be read: {}", path.toAbsolutePath(), unreadable.getMessage());
        } catch (DataIntegrityViolationException concurrentLoad) {
            // Nodes started together on one database: another node added the same Missions Locales first.
            log.info("Missions Locales referential loaded by another node meanwhile; this node's load is left out");
        }
    }

    PartnerImport.Report load(Path path) throws IOException {
        JsonNode structures = json.readTree(path.toFile());
        if (structures == null || !structures.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of Missions Locales");
        }
        PartnerImport.Report report = imports.importMissionsLocales(SOURCE, structures, PartnerImport.Existing.KEEP);
        log.info("Missions Locales referential {}: {} added, {} already in the directory, {} rejected", path.getFileName(),
                report.created(), structures.size() - report.created() - report.rejected().size(), report.rejected().size());
        report.rejected().forEach(r -> log.warn("Missions Locales referential row {} (id {}) rejected: {}", r.row(), r.id(), r.reasons()));
        return report;
    }
}
