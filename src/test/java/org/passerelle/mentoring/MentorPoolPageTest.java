package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Programme leads search, edit, deactivate and import company mentors; everyone else is kept out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorPoolPageTest {

    private static final String HEADER = "prenom;nom;entreprise;metier;secteur;email;departements;distance;aides;objectifs;langues;capacite;disponibilites\n";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired MentorRepository mentors;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    /** The database is shared between test classes: every address and company of a test carries it. */
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String lead;

    @BeforeEach
    void users() {
        lead = TestUsers.ensure(identity, "poolLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "poolMediator", Roles.MEDIATORS);
    }

    @Test
    void onlyProgrammeLeadsSeeThePool() throws Exception {
        assertThat(get("/programme/mentors", null).statusCode()).isIn(401, 302);
        assertThat(get("/programme/mentors", "poolMediator").statusCode()).isEqualTo(403);
        assertThat(get("/programme/mentors/import", "poolMediator").statusCode()).isEqualTo(403);
        Mentor mentor = mentor("Secret " + suffix, "secret." + suffix + "@example.org");
        assertThat(get("/programme/mentors/" + mentor.getId(), null).statusCode()).isIn(401, 302);
        assertThat(get("/programme/mentors", lead).body()).contains("<a href=\"/programme/mentors\">Mentors</a>");
    }

    @Test
    void aLeadFindsAMentorByCompany() throws Exception {
        Mentor mentor = mentor("Orange Lens " + suffix, "awa." + suffix + "@example.org");
        mentor("Autre Boîte " + suffix + "x", "autre." + suffix + "@example.org");

        var found = get("/programme/mentors?q=" + URLEncoder.encode("orange lens " + suffix, StandardCharsets.UTF_8), lead);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Awa Diallo", "Orange Lens " + suffix, "Développeuse", "Numérique", "93", "0 / 2",
                "Actif", "1 mentor(s)", "href=\"/programme/mentors/" + mentor.getId() + "\"", "href=\"/programme/mentors/import\"")
                .doesNotContain("Autre Boîte");
    }

    @Test
    void aLeadEditsAMentor() throws Exception {
        Mentor mentor = mentor("Edit " + suffix, "edit." + suffix + "@example.org");
        var page = get("/programme/mentors/" + mentor.getId(), lead);
        assertThat(page.body()).contains("value=\"Awa\"", "value=\"Edit " + suffix + "\"", "<option value=\"numerique\" selected=\"selected\">",
                "value=\"93\"", "name=\"aides\" value=\"cv\" checked", "name=\"objectifs\" value=\"stage\" checked", "value=\"2\"");

        var saved = post("/programme/mentors/" + mentor.getId(), "_csrf=" + csrf(page.body()) + "&prenom=Awa&nom=Diallo-Ba"
                + "&entreprise=Edit+" + suffix + "&metier=Cheffe+de+projet&secteur=sante&email=EDIT2." + suffix + "%40example.org"
                + "&departements=75%2C+971&distance=oui&aides=cv&aides=reseau&objectifs=emploi&langues=anglais&capacite=3"
                + "&disponibilites=le+samedi");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/programme/mentors/" + mentor.getId()));
        Mentor.Profile profile = mentors.findById(mentor.getId()).orElseThrow().profile();
        assertThat(profile.lastName()).isEqualTo("Diallo-Ba");
        assertThat(profile.email()).isEqualTo("edit2." + suffix + "@example.org");
        assertThat(profile.territories()).containsExactly("75", "971");
        assertThat(profile.remote()).isTrue();
        assertThat(profile.helps()).containsExactly("cv", "reseau");
        assertThat(profile.goals()).containsExactly("emploi");
        assertThat(profile.capacity()).isEqualTo(3);
        assertThat(get("/programme/mentors?q=edit2." + suffix, lead).body()).contains("Diallo-Ba", "Santé", "75, 971 · à distance", "0 / 3");
    }

    @Test
    void badInputIsRefusedInFrenchWithTheTypedValuesKept() throws Exception {
        Mentor mentor = mentor("Refus " + suffix, "refus." + suffix + "@example.org");
        String token = csrf(get("/programme/mentors/" + mentor.getId(), lead).body());

        var refused = post("/programme/mentors/" + mentor.getId(), "_csrf=" + token + "&prenom=&nom=Diallo"
                + "&entreprise=Tap%C3%A9e+" + suffix + "&secteur=numerique&email=refus." + suffix + "%40example.org"
                + "&departements=999&aides=cv&objectifs=stage&capacite=0");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Indiquez le prénom.", "Département inconnu : « 999 »", "(de 1 à 10)",
                "value=\"Tapée " + suffix + "\"", "value=\"999\"", "value=\"0\"");
        Mentor unchanged = mentors.findById(mentor.getId()).orElseThrow();
        assertThat(unchanged.getFirstName()).isEqualTo("Awa");
        assertThat(unchanged.getCompany()).isEqualTo("Refus " + suffix);
        assertThat(unchanged.getCapacity()).isEqualTo(2);

        mentor("Autre " + suffix, "pris." + suffix + "@example.org");
        var taken = post("/programme/mentors/" + mentor.getId(), "_csrf=" + token + "&prenom=Awa&nom=Diallo&entreprise=Refus+"
                + suffix + "&secteur=numerique&email=pris." + suffix + "%40example.org&departements=93&aides=cv&objectifs=stage&capacite=2");
        assertThat(taken.statusCode()).isIn(400, 409);
        assertThat(taken.body()).contains("Un autre mentor utilise déjà cette adresse.", "value=\"pris." + suffix + "@example.org\"");
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getEmail()).isEqualTo("refus." + suffix + "@example.org");

        assertThat(get("/programme/mentors/999999999", lead).statusCode()).isEqualTo(404);
        assertThat(get("/programme/mentors/pas-un-numero", lead).body()).contains("Mentor introuvable");
        assertThat(post("/programme/mentors/999999999", "_csrf=" + token + "&prenom=X").statusCode()).isEqualTo(404);
    }

    @Test
    void aLeadDeactivatesAndReactivatesAMentor() throws Exception {
        Mentor mentor = mentor("Pause " + suffix, "pause." + suffix + "@example.org");
        String token = csrf(get("/programme/mentors/" + mentor.getId(), lead).body());

        assertThat(post("/programme/mentors/" + mentor.getId() + "/desactiver", "").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.ACTIVE);

        assertThat(post("/programme/mentors/" + mentor.getId() + "/desactiver", "_csrf=" + token).statusCode()).isEqualTo(303);
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.INACTIVE);
        assertThat(get("/programme/mentors/" + mentor.getId() + "?fait=desactive", lead).body()).contains("Mentor désactivé",
                "Réactiver ce mentor");
        assertThat(get("/programme/mentors?q=pause." + suffix, lead).body()).contains("Désactivé");

        assertThat(post("/programme/mentors/" + mentor.getId() + "/reactiver", "_csrf=" + token).statusCode()).isEqualTo(303);
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.ACTIVE);
        assertThat(post("/programme/mentors/" + mentor.getId() + "/reactiver", "_csrf=" + token).statusCode())
                .as("only a deactivated mentor").isEqualTo(409);
    }

    @Test
    void aLeadErasesAMentorOnRequestAndNothingThatNamesThemStays() throws Exception {
        Mentor mentor = mentor("Efface " + suffix, "efface." + suffix + "@example.org");
        String token = csrf(get("/programme/mentors/" + mentor.getId(), lead).body());

        HttpResponse<String> unconfirmed = post("/programme/mentors/" + mentor.getId() + "/effacer", "_csrf=" + token);
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Cochez la case pour confirmer");
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.ACTIVE);

        HttpResponse<String> erased = post("/programme/mentors/" + mentor.getId() + "/effacer", "_csrf=" + token + "&confirme=oui");
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).contains("Les données du mentor sont effacées");
        Mentor row = mentors.findById(mentor.getId()).orElseThrow();
        assertThat(row.getStatus()).isEqualTo(Mentor.Status.ERASED);
        assertThat(String.join(" ", row.getFirstName(), row.getLastName(), row.getCompany(), String.valueOf(row.getEmail())))
                .doesNotContain(suffix);
        assertThat(get("/programme/mentors/" + mentor.getId(), lead).statusCode()).isEqualTo(404);
        assertThat(get("/programme/mentors?q=" + suffix, lead).body()).doesNotContain("efface." + suffix);
    }

    @Test
    void aCompanysListImportsItsGoodLinesAndReportsTheBadOnes() throws Exception {
        String token = csrf(get("/programme/mentors/import", lead).body());
        String csv = HEADER
                + "Awa;Diallo;Acme " + suffix + ";Développeuse;numerique;awa." + suffix + "@example.org;75|93;non;cv|entretien;stage;français;2;le mardi soir\n"
                + "Marc;Durand;Acme " + suffix + ";Chef de chantier;BTP;marc." + suffix + "@example.org;971;oui;Réseau et contacts;alternance|emploi;;1;\n"
                + "Zoé;;Acme " + suffix + ";;inconnu;zoe." + suffix + "@example.org;999;peut-être;;stage;;0;\n";

        var first = upload(token, csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("2 mentor(s) ajouté(s), 0 mis à jour, 1 ligne(s) refusée(s)", "Ligne 4 : ",
                "Indiquez le nom.", "Département inconnu : « 999 »", "« distance »");
        assertThat(mentors.findByEmail("zoe." + suffix + "@example.org")).isEmpty();
        Mentor awa = mentors.findByEmail("awa." + suffix + "@example.org").orElseThrow();
        assertThat(awa.getStatus()).isEqualTo(Mentor.Status.ACTIVE);
        assertThat(awa.getTerritories()).containsExactly("75", "93");
        assertThat(awa.getHelps()).containsExactly("cv", "entretien");
        Mentor marc = mentors.findByEmail("marc." + suffix + "@example.org").orElseThrow();
        assertThat(marc.getSector()).isEqualTo("btp");
        assertThat(marc.isRemote()).isTrue();
        assertThat(marc.getHelps()).containsExactly("reseau");
        assertThat(marc.getGoals()).containsExactly("alternance", "emploi");

        var again = upload(token, csv.replace("Développeuse", "Architecte").getBytes(StandardCharsets.UTF_8), null);

        assertThat(again.body()).contains("0 mentor(s) ajouté(s), 2 mis à jour, 1 ligne(s) refusée(s)");
        assertThat(mentors.findAll().stream().filter(m -> ("awa." + suffix + "@example.org").equals(m.getEmail()))).hasSize(1);
        assertThat(mentors.findByEmail("awa." + suffix + "@example.org").orElseThrow().getJobTitle()).isEqualTo("Architecte");
    }

    @Test
    void aListMissingAColumnImportsNothing() throws Exception {
        String token = csrf(get("/programme/mentors/import", lead).body());
        String csv = HEADER.replace(";capacite", "")
                + "Awa;Diallo;Acme;Développeuse;numerique;manque." + suffix + "@example.org;75;non;cv;stage;français;le soir\n";

        var refused = upload(token, csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Il manque la colonne « capacite »", "rien n&#39;a été importé");
        assertThat(mentors.findByEmail("manque." + suffix + "@example.org")).isEmpty();
    }

    @Test
    void commasQuotesAndAPastedListAreRead() throws Exception {
        String token = csrf(get("/programme/mentors/import", lead).body());
        String csv = "\uFEFF" + HEADER.replace(';', ',').toUpperCase().replace("PRENOM", "Prénom")
                + "Léa,Martin,\"Dupont, Fils & Cie " + suffix + "\",\"Cheffe \"\"pâtissière\"\"\",tourisme,lea." + suffix
                + "@example.org,\"75, 92\",non,\"cv, entretien\",stage,\"français, anglais\",2,\"le lundi,\nle jeudi\"\r\n"
                + "Paul,Roux,Sans guillemets, " + suffix + ",,commerce,paul." + suffix + "@example.org,13,non,cv,stage,,1,\n";

        var comma = upload(token, csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(comma.statusCode()).isEqualTo(200);
        assertThat(comma.body()).contains("1 mentor(s) ajouté(s)", "Ligne 4 : Plus de cellules que de colonnes");
        Mentor lea = mentors.findByEmail("lea." + suffix + "@example.org").orElseThrow();
        assertThat(lea.getFirstName()).isEqualTo("Léa");
        assertThat(lea.getCompany()).isEqualTo("Dupont, Fils & Cie " + suffix);
        assertThat(lea.getJobTitle()).isEqualTo("Cheffe \"pâtissière\"");
        assertThat(lea.getTerritories()).containsExactly("75", "92");
        assertThat(lea.getHelps()).containsExactly("cv", "entretien");
        assertThat(lea.getLanguages()).isEqualTo("français, anglais");
        assertThat(mentors.findByEmail("paul." + suffix + "@example.org")).isEmpty();

        var pasted = upload(token, null, HEADER + "Inès;Petit;\"Banque; Assurance " + suffix + "\";;sante;ines." + suffix
                + "@example.org;;oui;decouverte;emploi;;3;\n");

        assertThat(pasted.body()).contains("1 mentor(s) ajouté(s), 0 mis à jour, 0 ligne(s) refusée(s)");
        Mentor ines = mentors.findByEmail("ines." + suffix + "@example.org").orElseThrow();
        assertThat(ines.getCompany()).isEqualTo("Banque; Assurance " + suffix);
        assertThat(ines.isRemote()).isTrue();
        assertThat(ines.getCapacity()).isEqualTo(3);
    }

    @Test
    void tooLongOrUnreadableListsAreRefusedWhole() throws Exception {
        String token = csrf(get("/programme/mentors/import", lead).body());
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= MentorCsv.MAX_ROWS; i++) {
            csv.append("A;B;Long ").append(suffix).append(";;autre;long").append(i).append('.').append(suffix)
                    .append("@example.org;75;non;cv;stage;;1;\n");
        }

        var tooLong = upload(token, csv.toString().getBytes(StandardCharsets.UTF_8), null);
        var latin1 = upload(token, (HEADER + "Zoé;Martin;Latin " + suffix + ";;autre;latin." + suffix
                + "@example.org;75;non;cv;stage;;1;\n").getBytes(StandardCharsets.ISO_8859_1), null);
        var empty = upload(token, null, "");
        String overOneMegabyte = HEADER + ("A;B;Gros " + suffix + ";;autre;gros." + suffix + "@example.org;75;non;cv;stage;;1;"
                + " ".repeat(1000) + "\n").repeat(1100);
        var bigFile = upload(token, overOneMegabyte.getBytes(StandardCharsets.UTF_8), null);
        var bigPaste = upload(token, null, overOneMegabyte);

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("2001 lignes de mentors : 2000 au plus");
        assertThat(mentors.findByEmail("long0." + suffix + "@example.org")).isEmpty();
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.body()).contains("pas enregistré en UTF-8");
        assertThat(mentors.findByEmail("latin." + suffix + "@example.org")).isEmpty();
        assertThat(bigFile.statusCode()).isEqualTo(413);
        assertThat(bigFile.body()).contains("La liste dépasse 1 Mo", "name=\"fichier\"");
        assertThat(bigPaste.statusCode()).isEqualTo(413);
        assertThat(bigPaste.body()).contains("La liste dépasse 1 Mo");
        assertThat(mentors.findByEmail("gros." + suffix + "@example.org")).isEmpty();
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Choisissez un fichier ou collez la liste.");
    }

    private Mentor mentor(String company, String email) {
        return mentors.save(Mentor.of(new Mentor.Profile("Awa", "Diallo", company, "Développeuse", "numerique", email,
                List.of("93"), false, List.of("cv"), List.of("stage"), "français", 2, "le soir"), Mentor.Status.ACTIVE, Instant.now()));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, TestUsers.password(user)));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(lead, TestUsers.password(lead)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The import form as a browser sends it: multipart, with the file, the pasted text or both. */
    private HttpResponse<String> upload(String token, byte[] file, String pasted) throws Exception {
        String boundary = "----mentors" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (file != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"mentors.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (pasted != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"texte\"\r\n\r\n" + pasted + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/programme/mentors/import"))
                .header("Authorization", basic(lead, TestUsers.password(lead)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
