package org.clueexchange.core.reconciliation.quarterly.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.wire.Jurisdictions;

/** The figures of a quarterly statement, as officers report them upward. */
final class QuarterlyFigures {

    private QuarterlyFigures() {
    }

    /**
     * 保护伞查处比例: of the gang cases of each type solved by the quarter's end, how many discipline found an umbrella
     * in, beside the same ratio for the whole province, to which a prefecture compares itself.
     */
    static ReportTable umbrellaRatios(List<CaseRecord> solved, List<CaseRecord> provinceSolved) {
        Map<GangCaseType, int[]> here = tally(solved);
        Map<GangCaseType, int[]> province = tally(provinceSolved);
        List<List<Object>> rows = new ArrayList<>();
        for (GangCaseType type : GangCaseType.values()) {
            int[] counts = here.getOrDefault(type, new int[2]);
            int[] provincial = province.getOrDefault(type, new int[2]);
            if (counts[0] == 0 && provincial[0] == 0) {
                continue;
            }
            rows.add(List.of(typeLabel(type), counts[0], counts[1], ratio(counts), provincial[0], provincial[1],
                    ratio(provincial)));
        }
        return new ReportTable("保护伞查处比例 umbrella-found ratio by case type",
                List.of("案件类型 case type", "破获案件 cases solved", "发现保护伞 umbrella found", "比例 ratio",
                        "全省破获 province: solved", "全省发现 province: found", "全省比例 province ratio"), rows);
    }

    private static Map<GangCaseType, int[]> tally(List<CaseRecord> solved) {
        Map<GangCaseType, int[]> counts = new EnumMap<>(GangCaseType.class);
        for (CaseRecord record : solved) {
            int[] count = counts.computeIfAbsent(record.registration.caseType(), t -> new int[2]);
            count[0]++;
            if (record.umbrellaFound()) {
                count[1]++;
            }
        }
        return counts;
    }

    private static String ratio(int[] counts) {
        if (counts[0] == 0) {
            return "—";
        }
        return BigDecimal.valueOf(100L * counts[1]).divide(BigDecimal.valueOf(counts[0]), 1, RoundingMode.HALF_UP)
                + "%";
    }

    /**
     * 成果与移交线索不匹配: per jurisdiction, the gang cases solved against the umbrella clues the police transferred,
     * with the cases signed off "no umbrella" listed for re-examination.
     */
    static ReportTable mismatch(String scope, List<CaseRecord> solved, List<QuarterlyFacts.UmbrellaClue> clues) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> toReview = new TreeMap<>();
        for (CaseRecord record : solved) {
            counts.computeIfAbsent(record.jurisdiction, j -> new int[2])[0]++;
            if (record.signedNoUmbrella()) {
                toReview.computeIfAbsent(record.jurisdiction, j -> new ArrayList<>()).add(record.caseNumber);
            }
        }
        for (QuarterlyFacts.UmbrellaClue clue : clues) {
            String jurisdiction = clue.linkedCaseJurisdiction() != null ? clue.linkedCaseJurisdiction()
                    : clue.senderJurisdiction();
            // A clue sent from here about another jurisdiction's case counts there, on that jurisdiction's statement.
            if (Jurisdictions.liesWithin(jurisdiction, scope)) {
                counts.computeIfAbsent(jurisdiction, j -> new int[2])[1]++;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((jurisdiction, count) -> {
            List<String> review = toReview.getOrDefault(jurisdiction, List.of());
            rows.add(List.of(jurisdiction, count[0], count[1],
                    count[0] == 0 ? "—" : BigDecimal.valueOf(count[1]).divide(BigDecimal.valueOf(count[0]), 2,
                            RoundingMode.HALF_UP).toPlainString(),
                    review.size(), String.join("、", review)));
        });
        return new ReportTable("成果与移交线索比对 gang cases solved against umbrella clues transferred",
                List.of("辖区 jurisdiction", "破获涉黑涉恶案件 cases solved", "移送保护伞线索 umbrella clues transferred",
                        "每案线索 clues per case", "签字“无保护伞” signed no umbrella",
                        "重点复查案件 cases to re-examine"), rows);
    }

    /** 涉案公职人员职级统计: the officials involved by rank, as each agency counts them. */
    static ReportTable officialsByRank(Map<OfficialRank, List<Instant>> police,
                                       Map<OfficialRank, List<Instant>> discipline) {
        List<List<Object>> rows = new ArrayList<>();
        int policeTotal = 0;
        int disciplineTotal = 0;
        for (OfficialRank rank : OfficialRank.values()) {
            int byPolice = police.getOrDefault(rank, List.of()).size();
            int byDiscipline = discipline.getOrDefault(rank, List.of()).size();
            if (byPolice == 0 && byDiscipline == 0) {
                continue;
            }
            policeTotal += byPolice;
            disciplineTotal += byDiscipline;
            rows.add(List.of(rankLabel(rank), byPolice, byDiscipline, byPolice - byDiscipline));
        }
        rows.add(List.of("合计 total", policeTotal, disciplineTotal, policeTotal - disciplineTotal));
        return new ReportTable("涉案公职人员职级统计 officials involved by rank",
                List.of("职级 rank", "政法机关统计 police count", "纪检监察机关统计 discipline count",
                        "差额 difference"), rows);
    }

    static String rankLabel(OfficialRank rank) {
        return switch (rank) {
            case PROVINCIAL_MINISTERIAL -> "省部级";
            case DEPARTMENT_BUREAU -> "厅局级";
            case COUNTY_DIVISION -> "县处级";
            case TOWNSHIP_SECTION -> "乡科级";
            case GENERAL_STAFF -> "一般干部";
            case VILLAGE_CADRE -> "村（社区）干部";
            case OTHER -> "其他";
        };
    }

    static String typeLabel(GangCaseType type) {
        return switch (type) {
            case MAFIA_TYPE_ORGANISATION -> "黑社会性质组织";
            case EVIL_FORCE_CRIMINAL_GROUP -> "恶势力犯罪集团";
            case EVIL_FORCE_GANG -> "恶势力团伙";
            case VILLAGE_TYRANT -> "村霸";
            case OTHER -> "其他";
        };
    }
}
