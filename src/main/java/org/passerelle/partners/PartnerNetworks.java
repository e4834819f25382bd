package org.passerelle.partners;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The partner networks as the latest deployed "Réseaux partenaires" decision lists them: a lead's new row (say
 * "Service civique") is offered in the directory, the import, "Réseaux conseillés" and the figures from the next
 * request on, without Java or restart. A network's national rules apply to its services that state none.
 */
@Service
public class PartnerNetworks {

    public static final String DECISION = "partnerNetworks";

    // The national networks Passerelle ships with (processes/partner-networks.dmn), named by the demo directory, the
    // Missions Locales referential and the tests.
    public static final String MISSION_LOCALE = "MISSION_LOCALE";
    public static final String FRANCE_TRAVAIL = "FRANCE_TRAVAIL";
    public static final String E2C = "E2C";
    public static final String EPIDE = "EPIDE";
    public static final String CCI = "CCI";
    public static final String GEIQ = "GEIQ";
    public static final String MFR = "MFR";
    public static final String RSMA = "RSMA";
    public static final String APPRENTISSAGE = "APPRENTISSAGE";

    /** A network: ages (inclusive), the highest diploma accepted, the zone every service is limited to, import names. */
    public record Network(String code, String label, Integer ageMin, Integer ageMax, String maxDiplomaLevel,
            String zoneLimit, List<String> importNames) {
    }

    private final DecisionService decisions;

    public PartnerNetworks(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Every network by code, in the table's order. */
    public Map<String, Network> all() {
        var context = Context.getCommandContext();
        return byCode(context == null ? rows() : context.runWithoutAuthorization(this::rows));
    }

    public Optional<Network> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : all().get(code));
    }

    /** The network's French name; a code no longer in the table reads as itself. */
    public String label(String code) {
        return code == null ? "" : ofCode(code).map(Network::label).orElse(code);
    }

    /** The network a file names ("mission-locale", "pole-emploi"…), case aside. */
    public Optional<Network> byImportName(String name) {
        return name == null ? Optional.empty() : byImportName(all(), name);
    }

    static Optional<Network> byImportName(Map<String, Network> networks, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return networks.values().stream().filter(n -> n.importNames().contains(wanted)).findFirst();
    }

    /** The networks as shipped in processes/partner-networks.dmn, read without the engine (unit tests, benchmarks). */
    public static Map<String, Network> shipped() {
        try (InputStream table = PartnerNetworks.class.getResourceAsStream("/processes/partner-networks.dmn")) {
            DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
            return byCode(evaluate(engine, engine.parseDecision(DECISION, table)));
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("processes/partner-networks.dmn is missing from the classpath", unreadable);
        }
    }

    /** The table's rows for a decision parsed outside the engine (the deploy-time check). */
    static List<Map<String, Object>> evaluate(DmnEngine engine, DmnDecision decision) {
        return engine.evaluateDecisionTable(decision, input()).getResultList();
    }

    static Map<String, Network> byCode(List<Map<String, Object>> rows) {
        Map<String, Network> networks = new LinkedHashMap<>();
        rows.forEach(row -> networks.putIfAbsent(String.valueOf(row.get("code")), networkOf(row)));
        return networks;
    }

    /** A row as the table gives it; a row the deploy check would refuse is not expected here. */
    static Network networkOf(Map<String, Object> row) {
        String names = row.get("nomsImport") instanceof String text ? text : "";
        return new Network(String.valueOf(row.get("code")), String.valueOf(row.get("libelle")), integer(row.get("ageMin")),
                integer(row.get("ageMax")), blankAsNull(row.get("diplomeMax")), blankAsNull(row.get("zone")),
                Arrays.stream(names.split(",")).map(n -> n.strip().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty()).toList());
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static String blankAsNull(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    private static VariableMap input() {
        return Variables.createVariables().putValue("programme", "passerelle");
    }

    private List<Map<String, Object>> rows() {
        return decisions.evaluateDecisionTableByKey(DECISION, input()).getResultList();
    }
}
