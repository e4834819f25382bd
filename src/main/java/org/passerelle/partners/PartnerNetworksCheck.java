package org.passerelle.partners;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/**
 * A "Réseaux partenaires" table is refused at deploy time unless every row can be used: a code, a name, sane ages,
 * a known diploma level and zone, import names of their own; and no network the directory still uses is removed.
 */
@Component
class PartnerNetworksCheck implements DecisionCheck {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PartnerNetworksCheck.class);

    static final Set<String> ZONES = Set.of("metropole", "outre-mer");

    private final PartnerRepository partners;

    PartnerNetworksCheck(PartnerRepository partners) {
        this.partners = partners;
    }

    @Override
    public String decisionKey() {
        return PartnerNetworks.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision, java.util.Collection<DmnDecision> deployedWith) {
        List<String> problems = new ArrayList<>(problems(engine, decision));
        if (!byAPerson()) {
            return problems;
        }
        Set<String> codes = PartnerNetworks.byCode(PartnerNetworks.evaluate(engine, decision)).keySet();
        // "Réseaux conseillés" deployed with this table is checked against it by PartnerRoutingCheck; the one running
        // now must keep every network it advises.
        if (deployedWith.stream().noneMatch(d -> PartnerRouting.DECISION_ID.equals(d.getKey()))) {
            var configuration = org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration();
            DmnDecision routing = null;
            try {
                if (configuration != null && configuration.getDeploymentCache()
                        .findDeployedLatestDecisionDefinitionByKey(PartnerRouting.DECISION_ID) instanceof DmnDecision deployed) {
                    routing = deployed;
                }
            } catch (RuntimeException noneDeployedYet) {
                // no routing table yet: nothing advises any network
            }
            if (routing != null) {
                PartnerRoutingCheck.advised(routing).stream().filter(code -> !codes.contains(code)).forEach(code -> problems.add(
                        "le réseau « " + code + " » est conseillé par « Réseaux conseillés » : gardez sa ligne ou changez cette table"));
            }
        }
        return problems;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        var rows = PartnerNetworks.evaluate(engine, decision);
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("aucun réseau partenaire");
        }
        Set<String> codes = new HashSet<>();
        Set<String> importNames = new HashSet<>();
        for (var row : rows) {
            Object code = row.get("code");
            if (!(code instanceof String text) || !text.matches("[A-Z][A-Z0-9_]{1,39}")) {
                problems.add("code « " + code + " » : des majuscules, chiffres et tirets bas, sans espace ni accent");
            } else if (!codes.add(text)) {
                problems.add("code « " + text + " » présent deux fois");
            }
            if (!(row.get("libelle") instanceof String label) || label.isBlank() || label.length() > 80) {
                problems.add("réseau « " + code + " » : un nom de 80 caractères au plus est attendu");
            }
            problems.addAll(ageProblems(code, row.get("ageMin"), row.get("ageMax")));
            if (row.get("diplomeMax") instanceof String level && !level.isBlank() && !DiplomaLevels.isKnown(level.strip())) {
                problems.add("réseau « " + code + " » : niveau de diplôme inconnu « " + level + " »");
            } else if (row.get("diplomeMax") != null && !(row.get("diplomeMax") instanceof String)) {
                problems.add("réseau « " + code + " » : le diplôme le plus élevé s'écrit entre guillemets");
            }
            if (row.get("zone") != null && !(row.get("zone") instanceof String zone && (zone.isBlank() || ZONES.contains(zone.strip())))) {
                problems.add("réseau « " + code + " » : zone « " + row.get("zone") + " » inconnue (vide, « metropole » ou « outre-mer »)");
            }
            for (String name : PartnerNetworks.networkOf(row).importNames()) {
                if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                    problems.add("réseau « " + code + " » : nom à l'import « " + name + " » (minuscules, chiffres et tirets)");
                } else if (!importNames.add(name)) {
                    problems.add("nom à l'import « " + name + " » donné à deux réseaux");
                }
            }
        }
        List<String> inUse = partners.networksInUse();
        List<String> removedInUse = inUse.stream().filter(used -> !codes.contains(used)).toList();
        if (byAPerson()) {
            // The directory's form names a network by its import name: a network in use keeps one.
            rows.stream().map(PartnerNetworks::networkOf).filter(n -> inUse.contains(n.code()) && n.importNames().isEmpty())
                    .forEach(n -> problems.add("réseau « " + n.code() + " » : ses structures ont besoin d'au moins un nom à l'import"));
        }
        if (byAPerson()) {
            removedInUse.forEach(used -> problems.add("le réseau « " + used + " » a des structures dans l'annuaire : gardez sa ligne"));
        } else if (!removedInUse.isEmpty()) {
            // Passerelle's own table at start must not stop the application: its services keep their code and rules.
            log.warn("The shipped partner networks table lacks networks the directory uses: {}", removedInUse);
        }
        return problems;
    }

    /** A deployment by someone signed in (a lead from Modeler), not the application's own at start. */
    private static boolean byAPerson() {
        var command = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        return command != null && command.getAuthenticatedUserId() != null;
    }

    private static List<String> ageProblems(Object code, Object min, Object max) {
        List<String> problems = new ArrayList<>();
        for (Object age : new Object[] {min, max}) {
            if (age != null && !(age instanceof Number number && number.intValue() >= 0 && number.intValue() <= 99)) {
                problems.add("réseau « " + code + " » : un âge de 0 à 99 ans est attendu, pas « " + age + " »");
            }
        }
        if (min instanceof Number low && max instanceof Number high && low.intValue() > high.intValue()) {
            problems.add("réseau « " + code + " » : l'âge minimum dépasse l'âge maximum");
        }
        return problems;
    }
}
