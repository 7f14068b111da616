package org.clueexchange.core.reconciliation.monthly.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.core.reconciliation.query.PrintedPages.compact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.query.Chromium;
import org.clueexchange.core.reconciliation.query.PrintedPages;
import org.clueexchange.core.reconciliation.query.StatementDocuments;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month of Zhaotong whose lines fill every column, both digests differing, printed as an officer's browser prints
 * the statement: every cell of every line on the paper, each sheet of lines under the lines' header.
 */
class PrintedLinesTest {

    private static final StatementPeriod JUNE = StatementPeriod.of("530600", "2020-06");
    private static final int LINES = 40;
    private static final AgencyId POLICE = new AgencyId(AgencyType.POLICE, "530602");
    private static final AgencyId DISCIPLINE = new AgencyId(AgencyType.DISCIPLINE, "530602");
    private static final String LINES_HEADER = "【接收方】签收时间 Received";

    @Test
    void everyCellOfEveryLineIsOnTheSheetsOfLinesEachUnderTheLinesHeader(@TempDir Path dir) throws Exception {
        StatementContent content = new StatementContent(JUNE.id(), JUNE.jurisdiction(), "", "2020-06", JUNE.start(),
                JUNE.end(), lines(), List.of(), List.of());
        Path page = Files.writeString(dir.resolve(JUNE.id() + ".html"), StatementDocuments.page(JUNE.id(),
                Cadence.MONTHLY.title(), Cadence.MONTHLY.englishTitle(), content.tables(BreakNotes.NONE),
                Cadence.MONTHLY.signatories()), StandardCharsets.UTF_8);
        Chromium chromium = Chromium.in(dir);

        Path pdf = chromium.printToPdf(page);
        PrintedPages printed = PrintedPages.read(pdf);
        PrintedPages.keepInTarget(chromium, page, pdf, "monthly-full");

        assertThat(printed.pages()).allSatisfy(sheet -> {
            sheet.assertA4LandscapeWithinItsMargins();
            assertThat(sheet.smallest()).as("no text shrunk to fit").isGreaterThanOrEqualTo(7.9f);
        });
        int firstLines = printed.pages().indexOf(printed.pages().stream()
                .filter(sheet -> compact(sheet.text()).contains(compact(LINES_HEADER))).findFirst().orElseThrow());
        assertThat(printed.pages().subList(firstLines, printed.pages().size()))
                .filteredOn(sheet -> sheet.text().contains("CLUE-"))
                .as("each sheet of lines starts with the lines' header").hasSizeGreaterThan(1)
                .allSatisfy(sheet -> assertThat(compact(sheet.text())).contains(compact(LINES_HEADER)));
        String text = compact(printed.text());
        ReportTable table = content.lineTable();
        int end = text.indexOf("更正Amendmentstoconfirmedstatements");
        for (int i = table.rows().size() - 1; i >= 0; i--) {
            List<Object> row = table.rows().get(i);
            int start = text.indexOf(compact(row.get(0).toString()),
                    text.indexOf(compact(LINES_HEADER)));
            assertThat(start).as("line %s printed", row.get(0)).isPositive();
            assertThat(text.substring(start, end)).as("line %s, as printed", row.get(0)).contains(row.stream()
                    .map(Objects::toString).filter(cell -> !cell.isEmpty()).map(PrintedPages::compact)
                    .toArray(String[]::new));
            end = start;
        }
        String last = printed.pages().get(printed.pages().size() - 1).text();
        assertThat(last).as("the signature blocks, all on the last sheet").contains(Cadence.MONTHLY.signatories());
    }

    /** Lines with both records complete, long texts in every column, and the digests of the two sides differing. */
    private static List<StatementLine> lines() {
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            boolean fromPolice = i % 2 == 1;
            Instant sent = JUNE.start().plus(Duration.ofHours(7L * i));
            StatementLine.SenderRecord sender = new StatementLine.SenderRecord(sent, digest(i, 's'),
                    sent.plus(Duration.ofDays(12)));
            StatementLine.ReceiverRecord receiver = new StatementLine.ReceiverRecord(sent.plusSeconds(600),
                    i % 3 == 0 ? ReceiptChannel.OUTSIDE : null, digest(i, 'r'), sent.plusSeconds(1200),
                    "ZTJW-2020-" + (100 + i), sent.plus(Duration.ofDays(1)), ReturnReason.MATERIAL_INCOMPLETE,
                    sent.plus(Duration.ofDays(2)), DisposalMethod.values()[i % DisposalMethod.values().length],
                    sent.plus(Duration.ofDays(9)), sent.plus(Duration.ofDays(10)));
            List<StatementLine.Break> breaks = List.of(
                    new StatementLine.Break(BreakCategory.CONTENT_DIGEST_DIFFERS,
                            BreakCategory.CONTENT_DIGEST_DIFFERS.label(), SideToAct.BOTH, sent, 20,
                            AgingBucket.UP_TO_30_DAYS, null),
                    new StatementLine.Break(BreakCategory.SEQUENCE_ANOMALY, BreakCategory.SEQUENCE_ANOMALY.label(),
                            SideToAct.BOTH, sent, 20, AgingBucket.UP_TO_30_DAYS, "退回后又办结 concluded after return"));
            lines.add(new StatementLine("CLUE-530602-2020-06-%03d".formatted(i),
                    fromPolice ? Direction.POLICE_TO_DISCIPLINE : Direction.DISCIPLINE_TO_POLICE,
                    fromPolice ? POLICE : DISCIPLINE, fromPolice ? DISCIPLINE : POLICE, LedgerState.FEEDBACK_SENT,
                    sender, receiver, breaks));
        }
        return lines;
    }

    private static String digest(int line, char side) {
        byte[] bytes = new byte[32];
        for (int b = 0; b < bytes.length; b++) {
            bytes[b] = (byte) (line * 31 + b * 7 + side);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
