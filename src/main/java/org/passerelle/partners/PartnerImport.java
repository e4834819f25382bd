package org.passerelle.partners;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports partner services from a data·inclusion-shaped JSON file, the national Missions Locales list or a programme
 * lead's CSV, and saves the directory form: read by {@link PartnerFormats}, checked by {@link PartnerRowCheck}, saved
 * here. Idempotent on (source, id): importing the same file twice changes nothing. Bad rows are reported with their
 * reasons; good rows are kept.
 */
@Service
public class PartnerImport {

    static final String MANUAL_SOURCE = "annuaire";

    private final PartnerRepository partners;
    private final PartnerNetworks networks;

    public PartnerImport(PartnerRepository partners, PartnerNetworks networks) {
        this.partners = partners;
        this.networks = networks;
    }

    public record Rejected(int row, String id, List<String> reasons) {
    }

    public record Report(int created, int updated, List<Rejected> rejected) {
    }

    @Transactional
    public Report importDataInclusion(String source, JsonNode services) {
        return save(source, PartnerFormats.dataInclusion(services));
    }

    /**
     * The national referential of Missions Locales as published by the State's open data (objects with
     * "id", "nom_usuel", "nom_officiel", "code_departement"): one service per Mission Locale, with the
     * network's rules and its département as zone.
     */
    @Transactional
    public Report importMissionsLocales(String source, JsonNode structures) {
        return importMissionsLocales(source, structures, Existing.RENAME);
    }

    /**
     * What an import does with a service it already has: replace its description, only refresh its
     * names (a list that carries no contact nor criteria must not wipe what the programme lead entered),
     * or leave it as it is.
     */
    public enum Existing { UPDATE, RENAME, KEEP }

    @Transactional
    public Report importMissionsLocales(String source, JsonNode structures, Existing existing) {
        return save(source, PartnerFormats.missionsLocales(structures), existing);
    }

    /** The programme lead's CSV: ';' separated, header "id;nom;reseau;departement;...". */
    @Transactional
    public Report importCsv(String source, String csv) {
        return save(source, PartnerFormats.csv(csv));
    }

    /** What a programme lead's form gave: the new partner's id, or the errors (in French) and nothing saved. */
    public record Entry(Long partnerId, List<String> errors) {
    }

    /** A partner a programme lead adds by hand: the same checks as an import. */
    @Transactional
    public Entry create(java.util.function.Function<String, String> form) {
        String id = "manuel-" + java.util.UUID.randomUUID();
        List<String> reasons = new ArrayList<>();
        Partner.Description description = PartnerRowCheck.describe(PartnerFormats.form(id, form, null), networks.all(), reasons);
        return reasons.isEmpty() ? new Entry(partners.save(Partner.imported(MANUAL_SOURCE, id, description)).getId(), List.of())
                : new Entry(null, reasons);
    }

    /** A programme lead's edit of one partner: the same checks as an import; errors in French, nothing saved then. */
    @Transactional
    public List<String> edit(Long partnerId, java.util.function.Function<String, String> form) {
        Partner partner = partners.findById(partnerId).orElseThrow();
        List<String> reasons = new ArrayList<>();
        Partner.Description description = PartnerRowCheck.describe(PartnerFormats.form(String.valueOf(partnerId), form, partner), networks.all(), reasons);
        if (reasons.isEmpty()) {
            partner.describe(description);
        }
        return reasons;
    }

    private Report save(String source, List<PartnerRow> rows) {
        return save(source, rows, Existing.UPDATE);
    }

    private Report save(String source, List<PartnerRow> rows, Existing onExisting) {
        int created = 0;
        int updated = 0;
        List<Rejected> rejected = new ArrayList<>();
        Map<String, PartnerNetworks.Network> catalogue = networks.all();
        for (int i = 0; i < rows.size(); i++) {
            PartnerRow row = rows.get(i);
            List<String> reasons = new ArrayList<>();
            Partner.Description description = PartnerRowCheck.describe(row, catalogue, reasons);
            if (!reasons.isEmpty()) {
                rejected.add(new Rejected(i + 1, row.id(), reasons));
                continue;
            }
            var existing = partners.findBySourceAndSourceId(source, row.id());
            if (existing.isPresent()) {
                if (onExisting == Existing.UPDATE) {
                    existing.get().describe(description);
                    updated++;
                } else if (onExisting == Existing.RENAME) {
                    existing.get().rename(description.name(), description.structureName());
                    updated++;
                }
            } else {
                partners.save(Partner.imported(source, row.id(), description));
                created++;
            }
        }
        return new Report(created, updated, rejected);
    }

}
