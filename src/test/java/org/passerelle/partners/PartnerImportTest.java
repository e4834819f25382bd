package org.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Directory imports over real HTTP: good rows kept, bad rows reported with their reasons, idempotent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerImportTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired PartnerRepository partners;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "importLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "importMediator", Roles.MEDIATORS);
    }

    private HttpResponse<String> post(String user, String contentType, String body, String source) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/partners/import?source=" + source))
                .header("Authorization", basic(user, TestUsers.password(user))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static final String DATA_INCLUSION = """
            [
              {"id": "ml-93-saint-denis", "nom": "Accompagnement des jeunes 16-25 ans",
               "structure": {"nom": "Mission Locale de Saint-Denis", "code_insee": "93066", "reseaux_porteurs": ["mission-locale"]},
               "courriel": "contact@ml-saint-denis.example.org", "telephone": "01 00 00 00 00",
               "publics": ["jeunes-16-26"], "zone_eligibilite": ["93066", "93070"], "zone_eligibilite_type": "commune",
               "conditions_acces": ["Avoir entre 16 et 25 ans"], "modes_mobilisation": ["envoyer-un-mail"]},
              {"id": "epide-lyon", "nom": "Parcours EPIDE", "courriel": null, "telephone": null, "publics": [null],
               "structure": {"nom": "EPIDE Lyon-Meyzieu", "code_departement": "69", "reseaux_porteurs": ["epide"]},
               "zone_eligibilite": ["84"], "zone_eligibilite_type": "region"},
              {"id": "bad-network", "nom": "Service inconnu", "structure": {"nom": "X", "code_departement": "75", "reseaux_porteurs": ["banque"]}},
              {"id": "bad-zone", "nom": "Zone fausse", "structure": {"nom": "Y", "code_departement": "20", "reseaux_porteurs": ["e2c"]},
               "zone_eligibilite": ["999"]},
              {"nom": "Sans identifiant", "structure": {"nom": "Z", "code_departement": "13", "reseaux_porteurs": ["e2c"]},
               "criteres": {"age_min": 30, "age_max": 20}}
            ]""";

    @Test
    void aDataInclusionExportKeepsGoodRowsReportsBadOnesAndIsIdempotent() throws Exception {
        var first = post("importLead", "application/json", DATA_INCLUSION, "di-test");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(first.body());
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected")).hasSize(3);
        assertThat(first.body()).contains("réseau inconnu : banque", "département inconnu : 20", "zone inconnue : 999",
                "identifiant manquant", "âge minimum supérieur à l'âge maximum");

        Partner ml = partners.findBySourceAndSourceId("di-test", "ml-93-saint-denis").orElseThrow();
        assertThat(ml.getNetwork()).isEqualTo(PartnerNetworks.MISSION_LOCALE);
        assertThat(ml.getDepartement()).isEqualTo("93");
        assertThat(ml.getZoneEligibilite()).isEqualTo("com:93066,com:93070");
        assertThat(ml.getAgeMin()).as("network rule when the service states none").isEqualTo(16);
        assertThat(ml.getAgeMax()).isEqualTo(25);
        Partner epide = partners.findBySourceAndSourceId("di-test", "epide-lyon").orElseThrow();
        assertThat(epide.getMaxDiplomaLevel()).isEqualTo("bac");
        assertThat(epide.getZoneEligibilite()).isEqualTo("reg:84");

        var again = post("importLead", "application/json", DATA_INCLUSION, "di-test");
        assertThat(json.readTree(again.body()).get("created").asInt()).isZero();
        assertThat(json.readTree(again.body()).get("updated").asInt()).isEqualTo(2);
        assertThat(partners.findAll().stream().filter(p -> "di-test".equals(p.getSource())).count()).isEqualTo(2);
    }

    @Test
    void aProgrammeLeadsCsvIsImportedWithItsCriteria() throws Exception {
        String csv = """
                id;nom;reseau;departement;courriel;age_min;age_max;diplome_max;zones;statuts;places;actif
                geiq-btp-idf;GEIQ BTP Île-de-France;geiq;75;geiq@example.org;18;25;bac;reg:11;;4;oui
                e2c-971;E2C Guadeloupe;e2c;971;e2c971@example.org;;;;dep:971;;;oui
                cap-rqth;Accompagnement RQTH;mission-locale;93;;16;25;;dep:93;RQTH;;non
                broken;Ligne cassée;mfr;93;;dix-huit;25;doctorat;dep:93;;;oui
                no-at;Courriel faux;e2c;13;contact.e2c13.example.org;;;;dep:13;;;oui
                odd-status;Statut inconnu;e2c;13;;;;;dep:13;handicape;;oui
                too-long;%s;e2c;13;;;;;dep:13;;;oui
                hidden;E2C‮cahcet;e2c;13;;;;;dep:13;;;oui
                """.formatted("Structure très longue ".repeat(12));

        var response = post("importLead", "text/csv", csv, "csv-test");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(report.get("rejected").get(1).get("row").asInt()).isEqualTo(5);
        assertThat(report.get("rejected")).hasSize(5);
        assertThat(response.body()).contains("âge minimum n'est pas un nombre : dix-huit", "niveau de diplôme inconnu : doctorat",
                "adresse courriel invalide : contact.e2c13.example.org",
                "statut inconnu : handicape (attendus : rqth, ase, qpv, demandeurEmploi, etudiant)",
                "nom trop long : 263 caractères (200 au plus)", "nom : caractères invisibles ou de contrôle refusés");
        assertThat(partners.findBySourceAndSourceId("csv-test", "e2c-971").orElseThrow().getMaxDiplomaLevel()).isEqualTo("aucun");
        Partner rqth = partners.findBySourceAndSourceId("csv-test", "cap-rqth").orElseThrow();
        assertThat(rqth.isActive()).isFalse();
        assertThat(rqth.getRequiredStatuses()).isEqualTo("rqth");
        assertThat(partners.findBySourceAndSourceId("csv-test", "geiq-btp-idf").orElseThrow().getCapacity()).isEqualTo(4);
    }

    @Test
    void theNationalMissionsLocalesReferentialBecomesOneServicePerStructure() throws Exception {
        String referential = """
                [{"id": "9001", "nom_officiel": "93-ML EXEMPLE", "nom_usuel": "Mission Locale Exemple", "code_departement": "93",
                  "nom_region": "Structure régionale Île-de-France", "code_region": "11", "timezone": "Europe/Paris"},
                 {"id": "9002", "nom_officiel": "974-ML EXEMPLE SUD", "nom_usuel": "Mission Locale Exemple Sud", "code_departement": "974",
                  "code_region": "04", "timezone": "Indian/Reunion"},
                 {"id": "9003", "nom_officiel": "99-ML NULLE PART", "code_departement": "99"},
                 {"id": "9004", "nom_officiel": "06-ML SANS NOM USUEL", "nom_usuel": null, "code_departement": "06", "code_region": null},
                 {"id": "9005", "nom_officiel": "ML_SANS_DEPARTEMENT", "nom_usuel": null, "code_departement": null}]""";

        var response = post("importLead", "application/json", referential, "ml-test&format=missions-locales");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("created").asInt()).isEqualTo(3);
        assertThat(response.body()).contains("département inconnu : 99", "département inconnu : null").doesNotContain("zone inconnue : null");
        assertThat(partners.findBySourceAndSourceId("ml-test", "9004").orElseThrow().getName())
                .as("JSON null is 'not given', not the text \"null\"").isEqualTo("06-ML SANS NOM USUEL");
        Partner reunion = partners.findBySourceAndSourceId("ml-test", "9002").orElseThrow();
        assertThat(reunion.getName()).as("usual name, then the official one that names the town")
                .isEqualTo("Mission Locale Exemple Sud (974-ML EXEMPLE SUD)");
        assertThat(reunion.getZoneEligibilite()).isEqualTo("dep:974");
        assertThat(reunion.getAgeMax()).isEqualTo(25);

        // The lead completes the contact; importing a newer list renames but keeps it.
        reunion.describe(new Partner.Description(reunion.getName(), reunion.getStructureName(), reunion.getNetwork(), "974", null,
                "sud@ml974.example.org", null, 16, 25, null, null, null, "dep:974", null, null, null, 3, true));
        partners.save(reunion);
        var again = post("importLead", "application/json", referential.replace("Mission Locale Exemple Sud", "ML Exemple Sud-Est"),
                "ml-test&format=missions-locales");
        assertThat(json.readTree(again.body()).get("created").asInt()).isZero();
        Partner renamed = partners.findBySourceAndSourceId("ml-test", "9002").orElseThrow();
        assertThat(renamed.getName()).isEqualTo("ML Exemple Sud-Est (974-ML EXEMPLE SUD)");
        assertThat(renamed.getEmail()).isEqualTo("sud@ml974.example.org");
        assertThat(renamed.getCapacity()).isEqualTo(3);
    }

    @Test
    void onlyProgrammeLeadsImportAndBadFilesAreRefused() {
        assertThat(post("importMediator", "application/json", "[]", "x").statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/partners/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]"))).statusCode()).isEqualTo(401);
        var notJson = post("importLead", "application/json", "{\"services\": 3", "x");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
