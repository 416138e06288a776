package io.celerity.it;

import io.celerity.it.web.WebTask;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser: headless Chromium driven by Selenium from the client side, signed in over HTTP
 * basic (the test application's users alice, bob and admin) through Chromium's DevTools. Tasks are started through the
 * test application, as WebApiIT starts them; each test narrows the list to a provider number of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong PROVIDERS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("celerity.test.target", "target"), "dashboard-screenshots");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<WebDriver> browsers = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("dashboard-it", "").addPackage(WebTask.class.getPackage());
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void anOwner_watchesHerTasksLive_readsOneInDetail_andRevokesOne() throws Exception {
        long provider = PROVIDERS.incrementAndGet();
        String key = UUID.randomUUID().toString();
        String quick = start("quick", "alice", "provider=" + provider);
        String steps = start("steps", "alice", "provider=" + provider + "&key=" + key);
        String later = start("quick", "alice", "provider=" + provider + "&countdown=3600");
        WebDriver alice = browser("alice");

        alice.get(tasksOf(provider));
        WebDriverWait wait = waitFor(alice);
        wait.until(driver -> state(driver, quick).equals("SUCCESS") && state(driver, later).equals("SCHEDULED"));
        wait.until(driver -> state(driver, steps).equals("PROGRESS"));
        wait.until(driver -> {
            WebElement bar = row(driver, steps).findElement(By.tagName("progress"));
            return "1".equals(bar.getDomProperty("value")) && "2".equals(bar.getDomProperty("max"));
        });
        wait.until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        wait.until(driver -> !count(driver, "SUCCESS").equals("…"));
        screenshot(alice, "tasks");

        ((JavascriptExecutor) alice).executeScript("window.notReloaded = true");
        assertEquals(204, send("POST", "app/gate/" + key, null).statusCode());
        wait.until(driver -> state(driver, steps).equals("SUCCESS"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) alice).executeScript("return window.notReloaded === true"),
                "the change arrived through the feed, without a reload");

        wait.until(driver -> {
            row(driver, quick).findElement(By.cssSelector("td.task a")).click();
            return true;
        });
        wait.until(driver -> driver.findElements(By.cssSelector(".timeline li")).size() == 3);
        assertEquals(List.of("QUEUED", "STARTED", "SUCCESS"), alice.findElements(By.cssSelector(".timeline li"))
                .stream().map(item -> item.getDomAttribute("data-state")).toList());
        assertEquals("3", alice.findElement(By.cssSelector("#result-title + pre")).getText());
        screenshot(alice, "detail");

        alice.findElement(By.cssSelector("a.back")).click();
        wait.until(driver -> state(driver, later).equals("SCHEDULED"));
        wait.until(driver -> {
            row(driver, later).findElement(By.cssSelector("td.select input")).click();
            return true;
        });
        alice.findElement(By.cssSelector(".toolbar button[data-action=revoke]")).click();
        alice.findElement(By.cssSelector("dialog button[data-confirm=revoke]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dialog .ok-count"), "1 succeeded"));
        assertEquals("0 failed", alice.findElement(By.cssSelector("dialog .failed-count")).getText());
        alice.findElement(By.cssSelector("dialog button.primary")).click();
        wait.until(driver -> state(driver, later).equals("REVOKED"));

        alice.findElement(By.id("filter-search")).sendKeys(key.substring(0, 13));
        alice.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("tbody tr[data-id]")).stream()
                .map(tr -> tr.getDomAttribute("data-id")).toList().equals(List.of(steps)));
        assertTrue(alice.getCurrentUrl().contains("q="), "the search is in the address: " + alice.getCurrentUrl());

        alice.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> !driver.findElement(By.cssSelector("th.wide")).isDisplayed());
        screenshot(alice, "tasks-phone");
    }

    @Test
    void anOwner_neverSeesAnotherOwnersTasks() throws Exception {
        long provider = PROVIDERS.incrementAndGet();
        String alices = start("quick", "alice", "provider=" + provider);
        WebDriver bob = browser("bob");

        bob.get(tasksOf(provider));
        WebDriverWait wait = waitFor(bob);
        wait.until(ExpectedConditions.textToBe(By.id("task-total"), "0 tasks"));
        assertEquals("No tasks match.", bob.findElement(By.cssSelector("td.empty")).getText());

        bob.get(base + "celerity/ui/#/tasks/" + alices);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".table-error"), "No such task, or not one of yours."));
        assertFalse(bob.getPageSource().contains("web-quick"));
    }

    @Test
    void anAdmin_seesEveryonesTasks_andRetriesAllMatching_withTheFailuresExplained() throws Exception {
        long provider = PROVIDERS.incrementAndGet();
        String query = "provider=" + provider;
        start("fail", "alice", query);
        start("fail", "alice", query);
        start("fail", "bob", query);
        String succeeded = start("quick", "bob", query);
        WebDriver admin = browser("admin");

        admin.get(tasksOf(provider) + "&size=2");
        WebDriverWait wait = waitFor(admin);
        wait.until(ExpectedConditions.textToBe(By.id("task-total"), "4 tasks"));
        wait.until(driver -> count(driver, "FAILURE").equals("3") && count(driver, "SUCCESS").equals("1"));

        admin.findElement(By.cssSelector("thead th.select input")).click();
        WebElement everyMatching = admin.findElement(By.cssSelector(".toolbar button.link"));
        assertEquals("Select all 4 matching", everyMatching.getText());
        everyMatching.click();
        admin.findElement(By.cssSelector(".toolbar button[data-action=retry]")).click();
        admin.findElement(By.cssSelector("dialog button[data-confirm=retry]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dialog .ok-count"), "3 succeeded"));
        assertEquals("1 failed", admin.findElement(By.cssSelector("dialog .failed-count")).getText());
        String reason = admin.findElement(By.cssSelector("dialog .failures li")).getText();
        assertTrue(reason.startsWith(succeeded + ": "), reason);
        screenshot(admin, "bulk-summary");
        admin.findElement(By.cssSelector("dialog button.primary")).click();

        wait.until(ExpectedConditions.textToBe(By.id("task-total"), "7 tasks"));
        String alices = send("GET", "celerity/api/tasks?" + query, "alice").body();
        assertTrue(Pattern.compile("\"total\"\\s*:\\s*4[,}]").matcher(alices).find(),
                "alice's two failures ran again as hers: " + alices);
    }

    @Test
    void aWorkflowsTask_showsItsWorkflow_andTheStateChipsNarrowTheList() throws Exception {
        long provider = PROVIDERS.incrementAndGet();
        String root = start("chain", "alice", "provider=" + provider);
        String failed = start("fail", "alice", "provider=" + provider);
        WebDriver alice = browser("alice");

        alice.get(tasksOf(provider));
        WebDriverWait wait = waitFor(alice);
        wait.until(driver -> count(driver, "SUCCESS").equals("2") && count(driver, "FAILURE").equals("1"));
        alice.findElement(By.cssSelector(".state-choice[data-state=FAILURE] input")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("tbody tr[data-id]")).stream()
                .map(row -> row.getDomAttribute("data-id")).toList().equals(List.of(failed)));
        assertTrue(alice.getCurrentUrl().contains("state=FAILURE"), alice.getCurrentUrl());

        alice.get(base + "celerity/ui/#/tasks/" + root);
        wait.until(driver -> driver.findElements(By.cssSelector("table.workflow tbody tr[data-state=SUCCESS]"))
                .size() == 2);
        assertEquals("true", alice.findElement(By.cssSelector("table.workflow tr[data-id='" + root + "']"))
                .getDomAttribute("aria-current"));
    }

    @Test
    void theFiles_needACaller_comeWithStrictHeaders_andNothingElseIsServed() throws Exception {
        assertEquals(401, send("GET", "celerity/ui/", null).statusCode());
        assertEquals(401, send("GET", "celerity/ui/config.json", null).statusCode());

        HttpResponse<String> page = send("GET", "celerity/ui/", "alice");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> script = send("GET", "celerity/ui/app.js", "alice");
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));

        String config = send("GET", "celerity/ui/config.json", "alice").body();
        assertTrue(config.contains("\"api\":\"/dashboard-it/celerity/api/\""), config);
        assertTrue(config.contains("\"feed\":\"/dashboard-it/celerity/tasks\""), config);
        assertTrue(config.contains("\"user\":\"alice\""), config);

        for (String path : List.of("celerity/ui/nothing.js", "celerity/ui/App.js", "celerity/ui/index.html.bak",
                "celerity/ui/%2e%2e%2fDashboardServlet.class", "celerity/ui/..%2F..%2Fmessage%2FWebMessage.class")) {
            int status = send("GET", path, "alice").statusCode();
            assertTrue(status == 404 || status == 400, path + " answered " + status);
        }
    }

    @Test
    void anAdmin_seesThisNode_itsQueues_andTheTaskItRunsNow() throws Exception {
        String key = UUID.randomUUID().toString();
        String slow = start("slow", "alice", "provider=" + PROVIDERS.incrementAndGet() + "&key=" + key);
        WebDriver admin = browser("admin");

        admin.get(base + "celerity/ui/#/nodes");
        WebDriverWait wait = waitFor(admin);
        wait.until(driver -> !driver.findElements(By.cssSelector(".node tr[data-id='" + slow + "']")).isEmpty());
        WebElement node = admin.findElement(By.xpath("//section[contains(@class, 'node')][.//tr[@data-id='" + slow
                + "']]"));
        assertEquals("false", node.getDomAttribute("data-lost"));
        assertFalse(node.findElements(By.cssSelector("tr[data-queue='celerity.tasks']")).isEmpty(), node.getText());
        assertTrue(node.findElement(By.cssSelector(".heartbeat")).getText().endsWith("ago"));
        screenshot(admin, "nodes");

        assertEquals(204, send("POST", "app/gate/" + key, null).statusCode());
        wait.until(driver -> driver.findElements(By.cssSelector(".node tr[data-id='" + slow + "']")).isEmpty());
    }

    @Test
    void anAdmin_disablesEnablesEditsAndRunsASchedule_andAnOwnerIsToldTheAdminRoleIsNeeded() throws Exception {
        String name = "dashboard-" + UUID.randomUUID();
        assertEquals(201, send("POST", "celerity/api/schedules", "admin", "{\"name\": \"" + name + "\", \"task\": "
                + "\"web-quick\", \"every\": \"1h\", \"arguments\": [2, 3]}").statusCode());
        WebDriver admin = browser("admin");

        admin.get(base + "celerity/ui/#/schedules");
        WebDriverWait wait = waitFor(admin);
        By row = By.cssSelector("tr[data-name='" + name + "']");
        wait.until(driver -> "true".equals(driver.findElement(row).getDomAttribute("data-enabled")));
        assertEquals("every 1 h", admin.findElement(row).findElement(By.cssSelector(".timing")).getText());
        click(wait, "tr[data-name='" + name + "'] input.switch");
        wait.until(driver -> "false".equals(driver.findElement(row).getDomAttribute("data-enabled")));
        assertTrue(send("GET", "celerity/api/schedules/" + name, "admin").body()
                .matches("(?s).*\"enabled\"\\s*:\\s*false.*"));
        click(wait, "tr[data-name='" + name + "'] input.switch");
        wait.until(driver -> "true".equals(driver.findElement(row).getDomAttribute("data-enabled")));

        click(wait, "tr[data-name='" + name + "'] button[data-action=edit]");
        new Select(admin.findElement(By.id("schedule-timing"))).selectByValue("cron");
        WebElement when = admin.findElement(By.id("schedule-when"));
        when.clear();
        when.sendKeys("0 0 30 2 *");
        admin.findElement(By.cssSelector("dialog button[data-confirm=save]")).click();
        wait.until(driver -> driver.findElement(By.id("schedule-problem")).getText().startsWith("CELERITY-07"));
        screenshot(admin, "schedule-form");
        admin.findElement(By.cssSelector("dialog button.secondary")).click();

        click(wait, "tr[data-name='" + name + "'] button[data-action=run]");
        wait.until(driver -> !driver.findElements(By.cssSelector(".notice a[data-id]")).isEmpty());
        String run = admin.findElement(By.cssSelector(".notice a[data-id]")).getDomAttribute("data-id");
        wait.until(driver -> driver.findElement(row).findElement(By.cssSelector(".runs")).getText().equals("1"));
        screenshot(admin, "schedules");
        click(wait, ".notice a[data-id]");
        wait.until(driver -> driver.findElements(By.cssSelector(".timeline li[data-state=SUCCESS]")).size() == 1);
        assertEquals("5", admin.findElement(By.cssSelector("#result-title + pre")).getText());
        assertTrue(admin.getCurrentUrl().endsWith("#/tasks/" + run), admin.getCurrentUrl());

        admin.get(base + "celerity/ui/#/schedules");
        wait.until(driver -> !driver.findElements(row).isEmpty());
        click(wait, "tr[data-name='" + name + "'] button[data-action=delete]");
        admin.findElement(By.cssSelector("dialog button[data-confirm=delete]")).click();
        wait.until(driver -> driver.findElements(row).isEmpty());
        assertEquals(404, send("GET", "celerity/api/schedules/" + name, "admin").statusCode());

        WebDriver alice = browser("alice");
        alice.get(base + "celerity/ui/#/schedules");
        waitFor(alice).until(driver -> driver.findElement(By.cssSelector(".page-error")).getText()
                .startsWith("The admin role is needed"));
        assertTrue(alice.findElements(By.cssSelector("nav a[data-page=schedules]")).isEmpty(),
                "an owner's top bar has no link to a page she may not use");
    }

    @Test
    void anAdmin_redrivesOneDeadLetter_andDiscardsAnother_fromTheQueuesPage() throws Exception {
        discardEveryDeadLetter();
        long provider = PROVIDERS.incrementAndGet();
        String failed = send("POST", "app/dead-letter?provider=" + provider, "alice").body();
        String unwanted = send("POST", "app/dead-letter?provider=" + provider, "alice").body();
        WebDriver admin = browser("admin");

        admin.get(base + "celerity/ui/#/queues");
        WebDriverWait wait = waitFor(admin);
        wait.until(driver -> !driver.findElements(By.cssSelector("tr[data-queue='celerity.tasks']")).isEmpty());
        By letter = By.cssSelector(".dead-letters tr[data-task='" + failed + "']");
        By unwantedLetter = By.cssSelector(".dead-letters tr[data-task='" + unwanted + "']");
        wait.until(driver -> !driver.findElements(letter).isEmpty() && !driver.findElements(unwantedLetter).isEmpty());
        assertTrue(admin.findElement(letter).findElement(By.cssSelector(".reason")).getText()
                .startsWith("CELERITY-0228"));
        screenshot(admin, "queues");

        click(wait, ".dead-letters tr[data-task='" + unwanted + "'] button[data-action=discard]");
        admin.findElement(By.cssSelector("dialog button[data-confirm=discard]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("toast"), "Dead letter discarded"));
        wait.until(driver -> driver.findElements(unwantedLetter).isEmpty());

        click(wait, ".dead-letters tr[data-task='" + failed + "'] button[data-action=redrive]");
        admin.findElement(By.cssSelector("dialog button[data-confirm=redrive]")).click();
        wait.until(driver -> !driver.findElements(By.cssSelector(".notice a[data-id]")).isEmpty());
        wait.until(driver -> driver.findElements(letter).isEmpty());
        WebElement redriven = admin.findElement(By.cssSelector(".notice a[data-id]"));
        assertFalse(redriven.getDomAttribute("data-id").equals(failed), "a new task");
        redriven.click();
        wait.until(driver -> driver.findElements(By.cssSelector(".timeline li[data-state=SUCCESS]")).size() == 1);
        assertEquals("3", admin.findElement(By.cssSelector("#result-title + pre")).getText());
    }

    @Test
    void anAdmin_readsThroughputAndRunTimes_onTheChartsPage_forAnHourOrADay() throws Exception {
        long provider = PROVIDERS.incrementAndGet();
        start("quick", "alice", "provider=" + provider);
        start("quick", "alice", "provider=" + provider);
        start("fail", "alice", "provider=" + provider);
        WebDriver admin = browser("admin");
        admin.get(tasksOf(provider));
        WebDriverWait wait = waitFor(admin);
        wait.until(driver -> count(driver, "SUCCESS").equals("2") && count(driver, "FAILURE").equals("1"));

        admin.findElement(By.cssSelector("nav a[data-page=charts]")).click();
        By quickRuns = By.cssSelector(".run-times tr[data-task=web-quick] .count");
        wait.until(driver -> Integer.parseInt(driver.findElement(quickRuns).getText()) >= 2);
        assertEquals(4, admin.findElements(By.cssSelector("svg.chart polyline")).size(), "a line per series");
        assertTrue(Integer.parseInt(admin.findElement(By.cssSelector(".legend li[data-series=failed] .muted")).getText()
                .trim()) >= 1, "the failed task counts");
        assertTrue(admin.findElement(By.id("throughput-chart-title")).getDomProperty("textContent")
                .startsWith("Tasks per minute"));
        screenshot(admin, "charts");

        admin.findElement(By.cssSelector("a[data-window=day]")).click();
        wait.until(driver -> driver.findElement(By.id("throughput-chart-title")).getDomProperty("textContent")
                .startsWith("Tasks per 10 minutes"));
        assertEquals("true", admin.findElement(By.cssSelector("a[data-window=day]")).getDomAttribute("aria-current"));
    }

    // ---------------------------------------------------------------- the browser

    private WebDriver browser(String user) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("celerity.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                // the sign-in below goes through DevTools, which leaves the page without a known address: Chromium then
                // takes it for a public one, and blocks its feed to a loopback server (WildFly's 127.0.0.1) as a
                // request into the local network. A page a person opens keeps its loopback address, and is not blocked.
                "--disable-features=LocalNetworkAccessChecks");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("celerity.test.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        ((HasAuthentication) driver).register(UsernameAndPassword.of(user, user + "-pw"));
        return driver;
    }

    /** Waits for a condition; rows are redrawn as changes arrive, so an element found may go stale: look again. */
    private static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Clicks what the selector finds when it is there, again if a refresh redrew it meanwhile. */
    private static void click(WebDriverWait wait, String selector) {
        wait.until(driver -> {
            driver.findElement(By.cssSelector(selector)).click();
            return true;
        });
    }

    private String tasksOf(long provider) {
        return base + "celerity/ui/#/tasks?filter=" + URLEncoder.encode("provider=" + provider, StandardCharsets.UTF_8);
    }

    /** The state a task's row shows, or "" while it has none. */
    private static String state(WebDriver driver, String id) {
        List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-id='" + id + "']"));
        return rows.isEmpty() ? "" : rows.get(0).getDomAttribute("data-state");
    }

    private static WebElement row(WebDriver driver, String id) {
        return driver.findElement(By.cssSelector("tbody tr[data-id='" + id + "']"));
    }

    private static String count(WebDriver driver, String state) {
        return driver.findElement(By.cssSelector(".state-choice[data-state=" + state + "] .count")).getText();
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    // ---------------------------------------------------------------- the test application over HTTP

    private String start(String kind, String user, String query) throws Exception {
        HttpResponse<String> response = send("POST", "app/start/" + kind + "?" + query, user);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /**
     * The classes before this one share the broker and may have left dead letters: without them, the page's first 50
     * (the oldest) hold this test's.
     */
    private void discardEveryDeadLetter() throws Exception {
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        while (true) {
            HttpResponse<String> page = send("GET", "celerity/api/dead-letters?size=200", "admin");
            assertEquals(200, page.statusCode(), page.body());
            List<String> ids = id.matcher(page.body()).results().map(match -> match.group(1)).toList();
            if (ids.isEmpty()) {
                return;
            }
            for (String letter : ids) {
                int status = send("DELETE", "celerity/api/dead-letters/" + letter, "admin").statusCode();
                assertTrue(status == 204 || status == 404, "discarding " + letter + ": " + status);
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        return send(method, path, user, null);
    }

    /** A request, with a JSON body unless {@code json} is null. */
    private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
