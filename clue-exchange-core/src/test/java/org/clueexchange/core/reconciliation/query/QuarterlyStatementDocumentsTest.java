package org.clueexchange.core.reconciliation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.core.reconciliation.query.PrintedPages.compact;
import static org.clueexchange.core.reconciliation.query.ZhaotongThirdQuarter.GANG_CASE;
import static org.clueexchange.core.reconciliation.query.ZhaotongThirdQuarter.MAFIA_CASE;
import static org.clueexchange.core.reconciliation.query.ZhaotongThirdQuarter.NEVER_REFERRED;
import static org.clueexchange.core.reconciliation.query.ZhaotongThirdQuarter.SIGNER;
import static org.clueexchange.core.reconciliation.query.ZhaotongThirdQuarter.UMBRELLA_OFFICIAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zhaotong's third quarter of 2020 as an officer opens it: the workbook read back by Apache POI, and the page printed
 * by Chromium to PDF and read back by PDFBox. The page, its sheets and a screenshot are left in
 * {@code target/printed-statements} for a person to look at.
 */
class QuarterlyStatementDocumentsTest {

    private static final String WORKBOOK_OFFICIALS = "涉案公职人员明细";

    private final StatementDocuments documents = new StatementDocuments(new ObjectMapper());
    private final StatementView statement = ZhaotongThirdQuarter.statement();

    @Test
    void theWorkbookHasACoverThenASheetPerTableUnderItsChineseNameWithItsHeaderAndNumbersAsNumbers() throws Exception {
        StatementWorkbook workbook = StatementWorkbook.read(documents.write(statement, StatementFormat.XLSX));

        assertThat(workbook.sheets().keySet()).containsExactly("封面", "差异汇总", "保护伞查处比例",
                "成果与移交线索比对", "涉案公职人员职级统计", "差异明细", "跨部门比对发现", "案件明细", WORKBOOK_OFFICIALS,
                "更正");
        assertThat(workbook.headerFrozen()).containsExactlyElementsOf(workbook.sheets().keySet());
        workbook.assertEveryTableFilteredAndEveryTimeADate();
        List<ReportTable> tables = statement.content().tables(statement.notes());
        for (ReportTable table : tables) {
            String sheet = table.title().split(" ")[0];
            assertThat(workbook.sheet(sheet).get(0)).as(sheet).containsExactlyElementsOf(table.columns());
            assertThat(workbook.rows(sheet)).as(sheet).hasSize(table.rows().size());
        }
        assertThat(workbook.rows("封面")).contains(List.of("对账单编号 Statement", ZhaotongThirdQuarter.STATEMENT, "", ""),
                List.of("行政区划 Jurisdiction", "530600 (市级 prefecture, with its counties)", "", ""),
                List.of("对账期间起 Period starts", "2020-Q3", LocalDateTime.of(2020, 7, 1, 0, 0), ""),
                List.of("对账期间止 Period ends (不含 exclusive)", "2020-Q3", LocalDateTime.of(2020, 10, 1, 0, 0), ""),
                List.of("版本 Revision", 1.0, "", "5f3a".repeat(16)),
                List.of("期间根 Period root (RFC 9162)", "第4环 link 4", "", "9c1e".repeat(16)),
                List.of("前一期间根 Previous root", "", "", "27d0".repeat(16)),
                List.of("出具 Issued by", "ZT-DZ-01", LocalDateTime.of(2020, 10, 9, 10, 0), ""),
                List.of("涉案公职人员 Officials", 25.0, "", ""),
                List.of("确认 Confirmed by POLICE", "ZT-GA-07", LocalDateTime.of(2020, 10, 10, 10, 0),
                        "5f3a".repeat(16)));
        assertThat(workbook.rows("涉案公职人员职级统计")).contains(List.of("合计 total", 25.0, 23.0, 2.0));
        assertThat(workbook.sheet("案件明细").get(0)).contains("立案时间 (北京时间 UTC+8) Registered (CST)");
        assertThat(workbook.rows("案件明细")).anySatisfy(row -> assertThat(row).startsWith(MAFIA_CASE, "530602",
                "黑社会性质组织", "陈某某等二十三人组织、领导、参加黑社会性质组织，寻衅滋事，强迫交易，非法采矿案",
                LocalDateTime.of(2020, 7, 2, 9, 0)));
        assertThat(workbook.rows("案件明细")).anySatisfy(row -> assertThat(row).contains("赵某某（ZT-JW-0102）"));
        assertThat(workbook.rows(WORKBOOK_OFFICIALS)).anySatisfy(row -> assertThat(row).startsWith(MAFIA_CASE,
                UMBRELLA_OFFICIAL).contains("昭阳区自然资源局党组成员、副局长（正科级）", "县处级", "是 yes",
                "开除党籍、开除公职，涉嫌受贿罪移送检察机关依法审查起诉"));
        assertThat(workbook.rows("差异明细")).extracting(row -> row.get(6)).containsExactly("OFFICIAL_NOT_REFERRED",
                "OFFICIAL_NOT_REFERRED", "ENDORSEMENT_INCOMPLETE", "RANK_COUNT_DIFFERS", "RANK_COUNT_DIFFERS",
                "FOLLOW_UP_OF_UNREGISTERED_CASE");
        assertThat(workbook.rows("差异明细").get(0)).startsWith(MAFIA_CASE + ":" + "02" + "0".repeat(14), MAFIA_CASE,
                NEVER_REFERRED).contains("政法机关", 70.0, "31至90天", "已于10月12日补移送问题线索 (ZT-GA-07)");
        assertThat(workbook.rows("差异汇总")).contains(List.of(
                "涉案公职人员未移送问题线索 official involved, never referred OFFICIAL_NOT_REFERRED", 0.0, 0.0, 2.0,
                0.0, 2.0));
        assertThat(workbook.rows("更正")).isEmpty();
        assertThat(workbook.autoFilters()).containsEntry("更正", "A1:G1");
    }

    @Test
    void thePrintedPageFitsA4LandscapeRepeatsItsHeadersAndEndsWithTheSignatures(@TempDir Path dir) throws Exception {
        Path page = dir.resolve(ZhaotongThirdQuarter.STATEMENT + ".html");
        Files.write(page, documents.write(statement, StatementFormat.HTML));
        Chromium chromium = Chromium.in(dir);

        Path pdf = chromium.printToPdf(page);
        PrintedPages printed = PrintedPages.read(pdf);
        PrintedPages.keepInTarget(chromium, page, pdf, "quarterly");

        assertThat(printed.pages()).hasSizeGreaterThan(1).allSatisfy(sheet -> {
            sheet.assertA4LandscapeWithinItsMargins();
            assertThat(sheet.height()).isBetween(594f, 596f);
            assertThat(sheet.smallest()).as("no text shrunk to fit a table too wide for the paper")
                    .isGreaterThanOrEqualTo(7.9f);
            assertThat(sheet.text()).contains(ZhaotongThirdQuarter.STATEMENT).containsPattern("第 \\d+ 页 共 "
                    + printed.pages().size() + " 页");
        });
        String first = printed.pages().get(0).text();
        assertThat(first).contains("涉黑涉恶案件一季度一对账", "对账单编号 Statement");
        assertThat(compact(printed.text())).contains(compact(MAFIA_CASE), compact(GANG_CASE), UMBRELLA_OFFICIAL,
                SIGNER, "已于10月12日补移送问题线索");
        assertThat(printed.pages()).filteredOn(sheet -> sheet.text().contains("张某"))
                .as("each sheet of the officials' table starts with its header").hasSizeGreaterThan(1)
                .allSatisfy(sheet -> assertThat(compact(sheet.text())).contains("人员标识Personkey"));
        assertThat(compact(printed.text())).contains("更正Amendmentstoconfirmedstatements", "无None");
        String last = printed.pages().get(printed.pages().size() - 1).text();
        assertThat(last).as("the signature blocks, all on one sheet").contains(Cadence.QUARTERLY.signatories());
        assertThat(last.split("日期 Date", -1)).hasSize(Cadence.QUARTERLY.signatories().length + 1);
    }
}
