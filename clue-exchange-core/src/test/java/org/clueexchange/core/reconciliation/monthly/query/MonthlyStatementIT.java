package org.clueexchange.core.reconciliation.monthly.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.core.reconciliation.query.PrintedPages.compact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.api.RequestBodyLimit;
import org.clueexchange.core.RunningCore;
import org.clueexchange.core.cli.CoreCommandLine;
import org.clueexchange.core.ledger.ReceiptChannels;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.query.Chromium;
import org.clueexchange.core.reconciliation.query.PrintedPages;
import org.clueexchange.core.reconciliation.query.StatementWorkbook;
import org.clueexchange.core.reconciliation.statement.StatementCells;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monthly statements over a real broker and PostgreSQL, for March 2019 in Zhaotong (no other test's facts fall in or
 * before it): issued from the ledger, written out in every format, explained, confirmed by both agencies, and left
 * as confirmed when late facts arrive, which the next month's statement carries as amendments.
 */
class MonthlyStatementIT {

    private static final String JURISDICTION = "530600";
    private static final String MARCH = "STATEMENT-530600-2019-03";
    private static final String OFFICER = CoreCredentials.officer("530000");
    /** The header of the lines table's first receiver's column, which no other table has. */
    private static final String RECEIVER_COLUMNS_HEADER = "【接收方】签收时间 Received";
    /** 10:00 on 12 March 2019 in Zhaotong. */
    private static final Instant MARCH_12 = Instant.parse("2019-03-12T02:00:00Z");

    static RunningCore core;
    static Database database;
    static AgencyTopics topics;
    static JsonHttp http;
    static ClueTransferred unreceived;
    static ClueTransferred concluded;
    static FeedbackSent feedback;

    @BeforeAll
    static void start() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        database = infrastructure.postgres().createDatabase("monthly_statement");
        core = RunningCore.start(database, infrastructure.kafka().bootstrapServers(), "monthly-statement-it");
        topics = new AgencyTopics(infrastructure.kafka().bootstrapServers());
        http = core.as(OFFICER);

        String run = UUID.randomUUID().toString().substring(0, 8);
        unreceived = ClueEventSamples.transferToPolice("DISCIPLINE-530600-M" + run + "-1", MARCH_12);
        concluded = ClueEventSamples.transfer("POLICE-530600-M" + run + "-2", MARCH_12);
        feedback = ClueEventSamples.feedback(concluded, MARCH_12.plus(Duration.ofDays(9)));
        publish(unreceived, concluded,
                ClueEventSamples.receipt(concluded, MARCH_12.plusSeconds(600)),
                ClueEventSamples.acceptance(concluded, MARCH_12.plusSeconds(1200)),
                ClueEventSamples.disposal(concluded, MARCH_12.plusSeconds(1800)),
                ClueEventSamples.conclusion(concluded, MARCH_12.plus(Duration.ofDays(8))),
                feedback);
        await().atMost(Duration.ofSeconds(30)).until(() -> core.entry(concluded.getEnvelope().getClueId())
                .map(entry -> entry.path("state").asText().equals("FEEDBACK_SENT")).orElse(false)
                && core.entry(unreceived.getEnvelope().getClueId()).isPresent());
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void aStatementShowsEachSideAndEachBreakAndTheTotals() {
        JsonNode statement = issue("2019-03").successfully();

        assertThat(statement.path("statementId").asText()).isEqualTo(MARCH);
        assertThat(statement.path("digest").asText()).matches("[0-9a-f]{64}");
        JsonNode lines = statement.path("content").path("lines");
        assertThat(lines).extracting(line -> line.path("clueId").asText()).containsExactly(
                unreceived.getEnvelope().getClueId(), concluded.getEnvelope().getClueId());
        assertThat(lines.get(1).path("state").asText()).isEqualTo("FEEDBACK_SENT");
        assertThat(lines.get(1).path("receiverRecord").path("feedbackAt").asText()).isEqualTo("2019-03-21T02:00:00Z");
        assertThat(lines.get(1).path("breaks")).extracting(found -> found.path("category").asText() + "/"
                + found.path("sideToAct").asText() + "/" + found.path("ageDays").asLong())
                .containsExactly("FEEDBACK_NOT_ACKNOWLEDGED/SENDER/10");
        assertThat(lines.get(0).path("breaks")).extracting(found -> found.path("category").asText() + "/"
                + found.path("sideToAct").asText() + "/" + found.path("ageDays").asLong() + "/"
                + found.path("aging").asText())
                .containsExactly("SENT_NOT_RECEIVED/RECEIVER/19/UP_TO_30_DAYS");
        JsonNode stages = statement.path("content").path("summary").get(0);
        assertThat(stages.path("title").asText()).startsWith("线索移送情况");
        assertThat(stages.path("rows").get(0)).extracting(JsonNode::asText).startsWith("政法机关→纪检监察机关",
                "1", "1", "1", "1", "1", "1");
        assertThat(stages.path("rows").get(1)).extracting(JsonNode::asText).startsWith("纪检监察机关→政法机关",
                "1", "1", "0", "0");
    }

    @Test
    void aStatementIsReadAsAWorkbookACsvFileAndAPrintablePage() throws Exception {
        JsonNode issued = issue("2019-03").successfully();

        StatementWorkbook workbook = StatementWorkbook.read(download(MARCH, "xlsx"));
        assertThat(workbook.sheets().keySet()).startsWith("封面", "差异汇总", "线索移送情况")
                .contains("线索明细", "差异明细").endsWith("更正");
        assertThat(workbook.headerFrozen()).containsExactlyElementsOf(workbook.sheets().keySet());
        workbook.assertEveryTableFilteredAndEveryTimeADate();
        assertThat(workbook.rows("封面")).contains(List.of("对账单编号 Statement", MARCH, "", ""),
                List.of("对账期间起 Period starts", "2019-03", LocalDateTime.of(2019, 3, 1, 0, 0), ""),
                List.of("版本 Revision", issued.path("revision").asDouble(), "", issued.path("digest").asText()));
        assertThat(workbook.sheet("线索明细").get(0)).startsWith("线索编号 Clue", "移送方向 Direction")
                .contains("【移送方】移送时间 (北京时间 UTC+8) Transferred (CST)");
        assertThat(workbook.rows("线索明细")).extracting(row -> row.get(0), row -> row.get(1)).containsExactly(
                tuple(unreceived.getEnvelope().getClueId(), "纪检监察机关→政法机关"),
                tuple(concluded.getEnvelope().getClueId(), "政法机关→纪检监察机关"));
        assertThat(workbook.rows("线索明细").get(1)).as("10:00 on 12 March in Zhaotong, received ten minutes later")
                .containsSubsequence(LocalDateTime.of(2019, 3, 12, 10, 0), LocalDateTime.of(2019, 3, 12, 10, 10));
        assertThat(workbook.rows("线索移送情况").get(0)).startsWith("政法机关→纪检监察机关", 1.0, 1.0, 1.0, 1.0);
        assertThat(workbook.rows("差异明细")).extracting(row -> row.get(0), row -> row.get(2), row -> row.get(5))
                .containsExactlyInAnyOrder(tuple(unreceived.getEnvelope().getClueId(), "SENT_NOT_RECEIVED", 19.0),
                        tuple(concluded.getEnvelope().getClueId(), "FEEDBACK_NOT_ACKNOWLEDGED", 10.0));
        assertThat(workbook.rows("差异明细")).extracting(row -> row.get(1)).contains("已移送未签收", "已反馈未确认");
        assertThat(workbook.rows("更正")).isEmpty();
        byte[] csv = download(MARCH, "csv");
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("线索编号 Clue,移送方向 Direction")
                .contains(unreceived.getEnvelope().getClueId() + ",纪检监察机关→政法机关");
        assertThat(new String(download(MARCH, "html"), StandardCharsets.UTF_8)).contains("问题线索一月一对账")
                .contains("已移送未签收").contains("纪检监察机关对账人");
    }

    @Test
    void thePrintedPageFitsA4LandscapeAndEndsWithTheSignatures(@TempDir Path dir) throws Exception {
        JsonNode statement = issue("2019-03").successfully();
        Path page = Files.write(dir.resolve(MARCH + ".html"), download(MARCH, "html"));
        Chromium chromium = Chromium.in(dir);

        Path pdf = chromium.printToPdf(page);
        PrintedPages printed = PrintedPages.read(pdf);
        PrintedPages.keepInTarget(chromium, page, pdf, "monthly");

        assertThat(printed.pages()).isNotEmpty().allSatisfy(sheet -> {
            sheet.assertA4LandscapeWithinItsMargins();
            assertThat(sheet.smallest()).as("no text shrunk to fit a table too wide for the paper")
                    .isGreaterThanOrEqualTo(7.9f);
            assertThat(sheet.text()).contains(MARCH);
        });
        assertThat(printed.pages().get(0).text()).contains("问题线索一月一对账");
        assertThat(compact(printed.text())).contains(unreceived.getEnvelope().getClueId(), "已移送未签收",
                "纪检监察机关→政法机关", "更正Amendmentstoconfirmedstatements", "无None");
        String last = printed.pages().get(printed.pages().size() - 1).text();
        assertThat(last).as("the signature blocks, all on one sheet").contains(Cadence.MONTHLY.signatories());
        printed.keepSheetInTarget(pdf, RECEIVER_COLUMNS_HEADER, "monthly-lines");
        String text = compact(printed.text());
        int at = text.indexOf(compact(RECEIVER_COLUMNS_HEADER));
        int end = text.indexOf("更正Amendmentstoconfirmedstatements", at);
        JsonNode lines = statement.path("content").path("lines");
        assertThat(receiverColumns(lines.get(1))).as("the concluded clue's receiver's record").hasSize(9);
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonNode line = lines.get(i);
            int start = text.indexOf(compact(line.path("clueId").asText()), at);
            assertThat(start).as("line %s printed after the lines' header", line.path("clueId")).isPositive();
            assertThat(text.substring(start, end)).as("line %s, as printed", line.path("clueId").asText())
                    .contains(Stream.concat(Stream.of(receiverColumns(line)), Stream.of(breakLabels(line)))
                            .toArray(String[]::new));
            end = start;
        }
    }

    /** The cells of the line's receiver's record as the statement prints them, those with a value. */
    private static String[] receiverColumns(JsonNode line) {
        JsonNode receiver = line.path("receiverRecord");
        Stream<String> times = Stream.of("receivedAt", "acceptedAt", "returnedAt", "disposedAt", "concludedAt",
                "feedbackAt").map(receiver::path).filter(JsonNode::isTextual)
                .map(at -> StatementCells.text(StatementCells.time(Instant.parse(at.asText()))));
        Stream<String> texts = Stream.of("contentDigest", "caseNumber", "returnReason", "disposalMethod")
                .map(receiver::path).filter(JsonNode::isTextual).map(JsonNode::asText);
        Stream<String> channel = receiver.path("receivedAt").isTextual()
                ? Stream.of(ReceiptChannels.label(receiver.path("receiptChannel").isTextual()
                        ? ReceiptChannel.valueOf(receiver.path("receiptChannel").asText()) : ReceiptChannel.EXCHANGE))
                : Stream.empty();
        return Stream.of(times, texts, channel).flatMap(cell -> cell).map(PrintedPages::compact)
                .toArray(String[]::new);
    }

    private static String[] breakLabels(JsonNode line) {
        String[] labels = StreamSupport.stream(line.path("breaks").spliterator(), false)
                .map(found -> compact(found.path("label").asText())).toArray(String[]::new);
        assertThat(labels).as("the breaks of %s", line.path("clueId")).isNotEmpty();
        return labels;
    }

    @Test
    void anOfficerReadsTheWorkbookAndThePageFromOneCommand(@TempDir Path out) throws IOException {
        int exit = CoreCommandLine.run("reconcile", "monthly", "--direct", "--jurisdiction", JURISDICTION,
                "--period", "2019-03", "--out", out.toString(), "--officer", "ZT-DZ-01",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--clue-exchange.kafka.bootstrap-servers="
                        + ExchangeInfrastructure.shared().kafka().bootstrapServers(),
                "--" + AgencyKeyring.CORE_AGENCY_KEYS + "=" + AgencyKeyring.forTests().file());

        assertThat(exit).isZero();
        assertThat(out.resolve(MARCH + ".xlsx")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve(MARCH + ".html"))).contains(MARCH);
    }

    @Test
    void badRequestsNameTheirField() {
        assertThat(field(issue("2019-13"))).isEqualTo("period");
        assertThat(field(http.post("/api/reconciliation/monthly", Map.of("jurisdiction", "5306",
                "period", "2019-03")))).isEqualTo("jurisdiction");
        JsonHttp.Response unfinished = issue("2999-01");
        assertThat(unfinished.status()).isEqualTo(400);
        assertThat(field(unfinished)).isEqualTo("period");
        JsonHttp.Response pdf = http.get("/api/reconciliation/monthly/" + MARCH + "?format=pdf");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(field(pdf)).isEqualTo("format");
        assertThat(http.get("/api/reconciliation/monthly/STATEMENT-530600-1999-01").status()).isEqualTo(404);
        assertThat(field(resolve("POLICE-530600-\u0000", "寄出"))).isEqualTo("clueId");
        assertThat(field(resolve(unreceived.getEnvelope().getClueId(), "寄出\u0000"))).isEqualTo("note");
        JsonHttp.Response tooLarge = http.post("/api/reconciliation/monthly", Map.of("jurisdiction", JURISDICTION,
                "period", "2019-03", "padding", "x".repeat((int) RequestBodyLimit.MAX_BYTES)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(field(tooLarge)).isEqualTo("body");
    }

    @Test
    void aBreakIsExplainedWithANoteThatTheStatementShowsBesideIt() {
        issue("2019-03").successfully();

        JsonNode resolved = http.post("/api/reconciliation/monthly/" + MARCH + "/break-resolutions", Map.of(
                "clueId", unreceived.getEnvelope().getClueId(), "category", "SENT_NOT_RECEIVED",
                "note", "纸质材料3月30日寄出，纪委4月2日签收")).successfully();

        assertThat(resolved.path("resolutions")).extracting(resolution -> resolution.path("category").asText())
                .containsExactly("SENT_NOT_RECEIVED");
        JsonHttp.Response unlisted = http.post("/api/reconciliation/monthly/" + MARCH + "/break-resolutions",
                Map.of("clueId", unreceived.getEnvelope().getClueId(), "category", "RETURNED", "note", "x"));
        assertThat(unlisted.status()).isEqualTo(404);
        assertThat(field(unlisted)).isEqualTo("clueId");
    }

    private static JsonHttp.Response resolve(String clueId, String note) {
        return http.post("/api/reconciliation/monthly/" + MARCH + "/break-resolutions", Map.of("clueId", clueId,
                "category", "SENT_NOT_RECEIVED", "note", note));
    }

    private static JsonHttp.Response issue(String period) {
        return http.post("/api/reconciliation/monthly", Map.of("jurisdiction", JURISDICTION, "period", period));
    }

    private static String field(JsonHttp.Response response) {
        assertThat(response.status()).isBetween(400, 499);
        return StreamSupport.stream(response.body().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).findFirst().orElse("");
    }

    private static byte[] download(String statementId, String format) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(core.uri() + "/api/reconciliation/monthly/" + statementId + "?format=" + format))
                        .header("Authorization", "Bearer " + core.token(OFFICER)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void publish(SpecificRecord... events) throws Exception {
        for (SpecificRecord event : events) {
            topics.publish(event);
        }
    }
}
