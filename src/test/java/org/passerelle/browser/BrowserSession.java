package org.passerelle.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Playwright driver and one headless Debian Chromium per test class (the driver is heavy to start):
 * {@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final Duration LOGIN_BUDGET = Duration.ofSeconds(180);
    private static final Duration LOGIN_STEP = Duration.ofSeconds(40);

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-gpu")));
    }

    Page newPage() {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale("fr-FR")).newPage();
        page.setDefaultTimeout(120_000); // generous: CI machines are loaded
        return page;
    }

    /** A page that answers our own pages' HTTP Basic login (the directory, the dashboard). */
    Page newPage(String user, String password) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale("fr-FR")
                .setHttpCredentials(user, password)).newPage();
        page.setDefaultTimeout(120_000); // generous: CI machines are loaded
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Camunda webapps' login form (Tasklist, Cockpit, Admin). Signed in once the form is gone: a reload before that
     * would show the login page again. On a loaded machine a click may be lost while the app is still starting, or
     * the answer may be slow: the form is sent again until it goes, and a failure says what the server answered.
     */
    static void logIn(Page page, String user, String password) {
        Locator username = page.locator("input[ng-model=username]");
        long deadline = System.nanoTime() + LOGIN_BUDGET.toNanos();
        String lastAnswer = "no answer";
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            if (attempt > 1 && username.count() == 0) {
                return;
            }
            username.fill(user);
            page.locator("input[ng-model=password]").fill(password);
            try {
                Response answer = page.waitForResponse(BrowserSession::isLoginAnswer,
                        new Page.WaitForResponseOptions().setTimeout(LOGIN_STEP.toMillis()),
                        () -> page.locator("button[type=submit]").click());
                lastAnswer = answer.status() + " " + answer.statusText();
            } catch (TimeoutError noAnswer) {
                lastAnswer = "no answer within " + LOGIN_STEP.toSeconds() + " s";
            }
            try {
                username.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED)
                        .setTimeout(LOGIN_STEP.toMillis()));
                return;
            } catch (TimeoutError stillThere) {
                screenshot(page, "login-attempt-" + attempt + "-" + user);
            }
        }
        throw new AssertionError("Could not sign in as " + user + " within " + LOGIN_BUDGET.toSeconds()
                + " s; the last login answer: " + lastAnswer);
    }

    private static boolean isLoginAnswer(Response response) {
        return "POST".equals(response.request().method()) && response.url().contains("/api/admin/auth/user/")
                && response.url().contains("/login/");
    }

    /**
     * Puts a task first in Tasklist's lists (oldest due first): tasks other tests left in the shared engine would
     * otherwise come before the one a test just created. Each call gives an older due date than the last.
     */
    static void firstInLists(org.camunda.bpm.engine.TaskService tasks, String taskId) {
        tasks.setDueDate(taskId, oldestDueYet());
    }

    /** A due date older than every one given before in this JVM (and than any real task's). */
    static java.util.Date oldestDueYet() {
        return new java.util.Date(2_000_000_000_000L - System.currentTimeMillis());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browser.close();
        playwright.close();
    }
}
