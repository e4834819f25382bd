package org.passerelle.benchmark;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.passerelle.PasserelleApplication;
import org.passerelle.channels.inbox.WebhookSignature;
import org.passerelle.security.Roles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A campaign pushed through the real webhooks (not a test): N youths (default 10,437, Walt For You's filled forms) with
 * a realistic mix of channels, campaigns and territories (overseas included); a share of them answers the guided first
 * questions in their own words. Measures the time until every delivery is applied and the dashboard's slowest query,
 * and takes the dashboard's screenshot for the README.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.CampaignGenerator -Dexec.args="10437"</pre>
 */
public final class CampaignGenerator {

    private static final String SECRET = "test-app-secret";
    private static final String[][] CAMPAIGNS = {{"tiktok-declic-automne", "40"}, {"instagram-walt-2026", "30"},
            {"facebook-antilles", "12"}, {"tiktok-reunion", "10"}, {"snapchat-mayotte", "8"}};
    /** Départements with their share of the campaign's contacts, overseas included (about 1 in 5). */
    private static final String[][] TERRITORIES = {{"93", "14"}, {"59", "10"}, {"13", "9"}, {"75", "8"}, {"69", "7"}, {"62", "6"},
            {"33", "5"}, {"31", "5"}, {"971", "7"}, {"972", "5"}, {"974", "8"}, {"973", "4"}, {"976", "3"}, {"2A", "1"}, {"57", "8"}};
    private static final String[][] ANSWERS = {{"Oui"}, {"j'ai 17 ans", "19", "né en 2004", "22 ans", "j'ai 24 ans"}, {}, {"1", "2", "3", "2", "4"},
            {"aucun", "CAP", "bac pro", "bac", "BTS"}, {"Un emploi", "Une formation", "Je ne sais pas", "je cherche une alternance"},
            {"le matin", "les après-midi", "tout le temps", "le mercredi"}};

    private CampaignGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int youths = args.length > 0 ? Integer.parseInt(args[0]) : 10_437;
        double answering = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        Path db = Files.createTempDirectory("passerelle-campaign");
        ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class, "--spring.profiles.active=test",
                "--server.port=0", "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN",
                "--passerelle.qualification.enabled=true", "--spring.datasource.url=jdbc:h2:file:" + db.resolve("db") + ";AUTO_SERVER=FALSE");
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        ManagementService management = context.getBean(ManagementService.class);
        Random random = new Random(10_437);
        HttpClient http = HttpClient.newBuilder().build();
        ExecutorService clients = Executors.newFixedThreadPool(8);

        long start = System.nanoTime();
        List<String> answeringYouths = new ArrayList<>();
        for (int i = 0; i < youths; i++) {
            String campaign = weighted(CAMPAIGNS, random);
            boolean whatsApp = random.nextInt(100) < 75;
            String id = (whatsApp ? "336" : "9") + String.format("%08d", i);
            if (whatsApp && random.nextDouble() < answering) {
                answeringYouths.add(id + "|" + weighted(TERRITORIES, random));
            }
            String body = whatsApp ? whatsApp(id, "wamid.c" + i, "Jeune" + i, "Bonjour, je viens de la pub " + campaign, campaign)
                    : messenger(id, "m_c" + i, "Bonjour, je viens de la pub", campaign);
            clients.submit(() -> post(http, port, whatsApp ? "/webhooks/whatsapp" : "/webhooks/messenger", body));
        }
        drain(clients, management);
        double intakeSeconds = (System.nanoTime() - start) / 1e9;

        // The youths who answer do so question by question, as the questions come.
        long answersStart = System.nanoTime();
        for (int round = 0; round < ANSWERS.length; round++) {
            clients = Executors.newFixedThreadPool(8);
            for (String youth : answeringYouths) {
                String[] parts = youth.split("\\|");
                String[] choices = round == 2 ? new String[] {parts[1]} : ANSWERS[round];
                String text = choices[random.nextInt(choices.length)];
                String body = round == 0 || round == 5 ? whatsAppButton(parts[0], "wamid.a" + round + parts[0], text)
                        : whatsApp(parts[0], "wamid.a" + round + parts[0], "Jeune", text, null);
                clients.submit(() -> post(http, port, "/webhooks/whatsapp", body));
            }
            drain(clients, management);
        }
        double answersSeconds = (System.nanoTime() - answersStart) / 1e9;

        IdentityService identity = context.getBean(IdentityService.class);
        if (identity.createUserQuery().userId("campagne").count() == 0) {
            var user = identity.newUser("campagne");
            user.setFirstName("Sophie");
            user.setLastName("Superviseure");
            user.setPassword("campagne-2026");
            identity.saveUser(user);
            identity.createMembership("campagne", Roles.SUPERVISORS);
        }
        long slowest = 0;
        long slowestCold = 0;
        String slowestQuery = "";
        // First round cold (the application's first queries), second round as supervisors meet it.
        for (int pass = 0; pass < 2; pass++) {
        for (String by : List.of("campagne", "canal", "territoire", "semaine")) {
            long queryStart = System.nanoTime();
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reporting/funnel?par=" + by))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("campagne:campagne-2026".getBytes()))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - queryStart) / 1_000_000;
            if (json.statusCode() != 200) {
                throw new IllegalStateException("funnel " + by + ": HTTP " + json.statusCode());
            }
            if (pass == 0) {
                slowestCold = Math.max(slowestCold, ms);
            } else if (ms > slowest) {
                slowest = ms;
                slowestQuery = by;
            }
        }
        }
        screenshot(port);
        String line = String.format(Locale.ROOT, "Campaign of %d youths (%d answering the first questions): intake drained in %.0f s "
                + "(%.1f youths/s), answers drained in %.0f s, slowest dashboard query (par=%s) %d ms (first, cold: %d ms)", youths,
                answeringYouths.size(), intakeSeconds, youths / intakeSeconds, answersSeconds, slowestQuery, slowest, slowestCold);
        System.out.println(line);
        Files.createDirectories(Paths.get("target/benchmarks"));
        Files.writeString(Paths.get("target/benchmarks/campaign.txt"), line + "\n");
        context.close();
        System.exit(0);
    }

    /** Waits until the clients are done and no delivery, journey or question step is left to run. */
    private static void drain(ExecutorService clients, ManagementService management) throws InterruptedException {
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.HOURS);
        while (management.createJobQuery().executable().messages().count() > 0) {
            Thread.sleep(500); // a benchmark polling the engine's backlog, not a test waiting on a condition
        }
    }

    private static void post(HttpClient http, int port, String path, String body) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                System.err.println("webhook answered " + answer.statusCode());
            }
        } catch (Exception e) {
            System.err.println("webhook failed: " + e);
        }
    }

    private static String weighted(String[][] choices, Random random) {
        int total = 0;
        for (String[] choice : choices) {
            total += Integer.parseInt(choice[1]);
        }
        int pick = random.nextInt(total);
        for (String[] choice : choices) {
            pick -= Integer.parseInt(choice[1]);
            if (pick < 0) {
                return choice[0];
            }
        }
        return choices[0][0];
    }

    /** A WhatsApp text as the Cloud API sends it; a first message from an ad carries the ad's referral. */
    private static String whatsApp(String waId, String messageId, String name, String text, String campaign) {
        String referral = campaign == null ? "" : ",\"referral\":{\"source_type\":\"ad\",\"source_id\":\"" + campaign + "\",\"headline\":\"" + campaign + "\"}";
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}%s}]},
                  "field":"messages"}]}]}""".formatted(name, waId, waId, messageId, System.currentTimeMillis() / 1000, text, referral);
    }

    private static String whatsAppButton(String waId, String messageId, String title) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[{"profile":{"name":"Jeune"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
                    "interactive":{"type":"button_reply","button_reply":{"id":"reponse-1","title":"%s"}}}]},
                  "field":"messages"}]}]}""".formatted(waId, waId, messageId, System.currentTimeMillis() / 1000, title);
    }

    private static String messenger(String psid, String mid, String text, String campaign) {
        return """
                {"object":"page","entry":[{"id":"PAGE_ID","time":%d,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"PAGE_ID"},
                  "timestamp":%d,"message":{"mid":"%s","text":"%s"},"referral":{"ad_id":"%s","source":"ADS","type":"OPEN_THREAD"}}]}]}"""
                .formatted(System.currentTimeMillis(), psid, System.currentTimeMillis(), mid, text, campaign);
    }

    private static void screenshot(int port) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"))).setHeadless(true));
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1300, 900).setLocale("fr-FR")
                    .setExtraHTTPHeaders(Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("campagne:campagne-2026".getBytes(StandardCharsets.UTF_8))))).newPage();
            page.navigate("http://localhost:" + port + "/tableau-de-bord/campagnes?par=territoire");
            Files.createDirectories(Paths.get("docs"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs/campaign-dashboard.png")).setFullPage(true));
        } catch (Exception e) {
            System.err.println("screenshot not taken: " + e);
        }
    }
}
