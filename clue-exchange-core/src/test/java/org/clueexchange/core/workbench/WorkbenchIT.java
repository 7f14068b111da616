package org.clueexchange.core.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real browser, on a core over a real broker and PostgreSQL, for September 2017 in Nanning: an
 * officer signs in with the API's token, issues the month, narrows its
 * breaks, follows one to the clue's timelines and audit trail, explains it, and finds the downloads and the hand-over
 * to each agency's adapter for confirmation. The statement page is kept as {@code target/workbench/statement.png}.
 */
class WorkbenchIT {

    /** Guangxi's: no other test publishes a clue of Nanning (450100), so its statements list these alone. */
    private static final String OFFICER = CoreCredentials.officer("450000");
    private static final String NANNING = "450100";
    private static final String STATEMENT = "STATEMENT-450100-2017-09";
    /** 10:00 on 12 September 2017 in Zhaotong. */
    private static final Instant SEPTEMBER_12 = Instant.parse("2017-09-12T02:00:00Z");
    private static final String POLICE_CONFIRMATION = "https://police-adapter.example/confirm";

    static RunningCore core;
    static ClueTransferred unreceived;
    static ClueTransferred concluded;

    ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        core = RunningCore.start(infrastructure.postgres().createDatabase("workbench"),
                infrastructure.kafka().bootstrapServers(), "workbench-it",
                Map.of("clue-exchange.workbench.police-confirmation", POLICE_CONFIRMATION));
        String run = UUID.randomUUID().toString().substring(0, 8);
        unreceived = inNanning(ClueEventSamples.transferToPolice("DISCIPLINE-" + NANNING + "-W" + run + "-1",
                SEPTEMBER_12));
        concluded = inNanning(ClueEventSamples.transfer("POLICE-" + NANNING + "-W" + run + "-2", SEPTEMBER_12));
        try (AgencyTopics topics = new AgencyTopics(infrastructure.kafka().bootstrapServers())) {
            for (SpecificRecord fact : List.<SpecificRecord>of(unreceived, concluded,
                    ClueEventSamples.receipt(concluded, SEPTEMBER_12.plusSeconds(600)),
                    ClueEventSamples.acceptance(concluded, SEPTEMBER_12.plusSeconds(1200)),
                    ClueEventSamples.disposal(concluded, SEPTEMBER_12.plusSeconds(1800)),
                    ClueEventSamples.conclusion(concluded, SEPTEMBER_12.plus(Duration.ofDays(8))),
                    ClueEventSamples.feedback(concluded, SEPTEMBER_12.plus(Duration.ofDays(9))))) {
                topics.publish(fact);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> core.entry(clueId(concluded))
                .map(entry -> entry.path("state").asText().equals("FEEDBACK_SENT")).orElse(false)
                && core.entry(clueId(unreceived)).isPresent());
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    /** The last page the browser showed, kept beside the screenshot for whoever reads a failure. */
    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (browser != null) {
            Path out = Files.createDirectories(Path.of("target", "workbench"));
            Files.writeString(out.resolve(test.getTestMethod().orElseThrow().getName() + "-last-page.html"),
                    browser.getPageSource());
            browser.quit();
        }
    }

    @Test
    void anOfficerIssuesTheMonthWorksABreakThroughToItsNoteAndIsHandedToTheAdapterToConfirm(@TempDir Path dir)
            throws Exception {
        browser = Browser.headless(dir, 1440, 1000);
        signIn(OFFICER, core.token(OFFICER));

        new Select(browser.findElement(By.id("jurisdiction"))).selectByValue(NANNING);
        WebElement period = browser.findElement(By.id("period"));
        period.clear();
        period.sendKeys("2017-09");
        browser.findElement(By.id("issue")).click();

        assertThat(text("statement-id")).isEqualTo(STATEMENT);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("问题线索一月一对账");
        assertThat(queueItems()).containsExactly(clueId(unreceived), clueId(concluded));
        assertThat(text("unexplained")).isEqualTo("2");
        waitFor(By.cssSelector("#chart-aging svg"));
        waitFor(By.cssSelector("#chart-months svg"));
        keepScreenshot("statement");

        new Select(browser.findElement(By.id("filter-category"))).selectByValue("SENT_NOT_RECEIVED");
        browser.findElement(By.id("apply-filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(
                "category=SENT_NOT_RECEIVED"));
        assertThat(queueItems()).containsExactly(clueId(unreceived));
        new Select(browser.findElement(By.id("filter-category"))).selectByValue("");
        new Select(browser.findElement(By.id("filter-side"))).selectByValue("SENDER");
        browser.findElement(By.id("apply-filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("side=SENDER"));
        assertThat(queueItems()).containsExactly(clueId(concluded));

        browser.findElement(By.linkText(clueId(concluded))).click();
        assertThat(text("clue-id")).isEqualTo(clueId(concluded));
        assertThat(text("sender-timeline")).contains("移送");
        assertThat(text("receiver-timeline")).contains("签收", "受理", "反馈");
        assertThat(browser.findElements(By.cssSelector("#audit tbody tr"))).as("its six facts on the topics")
                .hasSize(6);
        assertThat(text("limits")).contains("反馈时限", "按时 met");
        browser.findElement(By.id("note-FEEDBACK_NOT_ACKNOWLEDGED")).sendKeys("已电话催办确认 <b>反馈</b>");
        browser.findElement(By.id("resolve-FEEDBACK_NOT_ACKNOWLEDGED")).click();
        assertThat(text("resolved")).contains("差异说明已记录");
        assertThat(browser.getPageSource()).contains("已电话催办确认 &lt;b&gt;反馈&lt;/b&gt; (" + OFFICER + ")");

        JsonNode statement = core.as(OFFICER).get("/api/reconciliation/monthly/" + STATEMENT).successfully();
        assertThat(statement.path("resolutions")).extracting(resolution -> resolution.path("clueId").asText() + "/"
                + resolution.path("resolvedBy").asText()).containsExactly(clueId(concluded) + "/" + OFFICER);

        String csrf = browser.findElement(By.cssSelector("form[action$='/workbench/logout'] input[name=_csrf]"))
                .getDomProperty("value");
        HttpResponse<byte[]> controlCharacters = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        core.uri().resolve("/workbench/statements/" + STATEMENT + "/resolutions"))
                .header("Cookie", sessionCookie()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("clueId=" + clueId(unreceived)
                        + "&category=SENT_NOT_RECEIVED&note=%E5%B7%B2%1B%5B2J&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(controlCharacters.statusCode()).isEqualTo(302);
        browser.get(core.uri() + "/workbench/statements/" + STATEMENT + "/clues/" + clueId(unreceived));
        assertThat(text("refusal")).startsWith("note:");
        assertThat(inSession(core.uri() + "/workbench/statements/" + STATEMENT + "?aging=OVER_9000"))
                .satisfies(refused -> assertThat(refused.statusCode()).isEqualTo(400))
                .satisfies(refused -> assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                        .contains("\"field\":\"aging\""));

        browser.findElement(By.id("back")).click();
        assertThat(text("unexplained")).isEqualTo("1");
        WebElement confirm = browser.findElement(By.cssSelector("a.confirm"));
        assertThat(confirm.getDomProperty("href")).startsWith(POLICE_CONFIRMATION + "?statementId=" + STATEMENT
                + "&digest=" + statement.path("digest").asText() + "&root=" + statement.path("periodRoot")
                .path("root").asText());
        HttpResponse<byte[]> workbook = inSession(browser.findElement(By.id("download-xlsx")).getDomProperty("href"));
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains("attachment", STATEMENT));
        assertThat(workbook.body()).startsWith('P', 'K');
        HttpResponse<byte[]> printable = inSession(browser.findElement(By.id("download-html")).getDomProperty("href"));
        assertThat(new String(printable.body(), StandardCharsets.UTF_8)).contains("纪检监察机关对账人");
        assertThat(inSession(browser.findElement(By.id("download-csv")).getDomProperty("href")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyAnOfficerWithTheRightTokenSignsInAndSeesOnlyTheJurisdiction(@TempDir Path dir) throws Exception {
        browser = Browser.headless(dir, 1280, 900);
        signIn(OFFICER, "0".repeat(64));
        assertThat(browser.getCurrentUrl()).endsWith("/workbench/login?error");
        signIn(CoreCredentials.AUDITOR, core.token(CoreCredentials.AUDITOR));
        assertThat(browser.getCurrentUrl()).endsWith("/workbench/login?error");

        core.as(OFFICER).post("/api/reconciliation/monthly", Map.of("jurisdiction", NANNING, "period", "2017-09"))
                .successfully();
        String otherProvince = CoreCredentials.officer("620000");
        signIn(otherProvince, core.token(otherProvince));
        assertThat(browser.findElements(By.cssSelector("#jurisdiction option")))
                .extracting(WebElement::getText).allSatisfy(choice -> assertThat(choice).startsWith("62"));
        browser.get(core.uri() + "/workbench/statements/" + STATEMENT);
        assertThat(browser.getPageSource()).contains("not-entitled", "statementId").doesNotContain(clueId(unreceived));
        browser.get(core.uri() + "/workbench/statements/" + STATEMENT + "/clues/" + clueId(unreceived));
        assertThat(browser.getPageSource()).contains("not-entitled").doesNotContain("sender-timeline");

        HttpResponse<byte[]> withoutToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        core.uri().resolve("/workbench/statements")).header("Cookie", sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jurisdiction=620000&period=2017-09")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(withoutToken.statusCode()).as("a form posted without its CSRF token").isEqualTo(403);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(core.uri().resolve(
                        "/api/reconciliation/monthly/" + STATEMENT)).header("Cookie", sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                .as("the browser's session is no credential of the API").isEqualTo(401);
    }

    private void signIn(String user, String token) {
        browser.get(core.uri() + "/workbench");
        if (!browser.getCurrentUrl().contains("/workbench/login")) {
            browser.findElement(By.cssSelector("form[action$='/workbench/logout'] button")).click();
        }
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
    }

    private List<String> queueItems() {
        return browser.findElements(By.cssSelector("#breaks tbody a.clue")).stream().map(WebElement::getText)
                .toList();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElements(element).isEmpty());
    }

    /** The whole page, as tall as it is, kept where a person can look at it after the run. */
    private void keepScreenshot(String name) throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1440, height.intValue() + 200));
        Path out = Files.createDirectories(Path.of("target", "workbench"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    private HttpResponse<byte[]> inSession(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String sessionCookie() {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        return session.getName() + "=" + session.getValue();
    }

    /** The sample transfer between the agencies of Nanning instead of Zhaotong's. */
    private static ClueTransferred inNanning(ClueTransferred transfer) {
        Agency sender = new Agency(transfer.getEnvelope().getAssertedBy().getType(), NANNING);
        return new ClueTransferred(ClueEventSamples.envelope(clueId(transfer), sender, SEPTEMBER_12),
                new Agency(transfer.getReceiver().getType(), NANNING), transfer.getContent(),
                transfer.getContentDigest());
    }

    private static String clueId(ClueTransferred transfer) {
        return transfer.getEnvelope().getClueId();
    }
}
