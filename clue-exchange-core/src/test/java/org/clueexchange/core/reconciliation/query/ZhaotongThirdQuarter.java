package org.clueexchange.core.reconciliation.query;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts.CaseFact;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts.UmbrellaClue;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementBuilder;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyStatementContent;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.wire.ExchangeTime;

/**
 * Zhaotong's (昭通市) gang cases in the third quarter of 2020 as an officer would print them: long Chinese case
 * numbers, case names and units, an official found to be an umbrella, one never referred, one in two cases, a
 * "no umbrella" case endorsed by three people and one by two, a follow-up of a case the police never registered, and
 * the police's confirmation. Enough officials to run the page over several sheets of A4.
 */
final class ZhaotongThirdQuarter {

    static final String STATEMENT = "STATEMENT-530600-2020-Q3";
    static final String MAFIA_CASE = "昭公（刑）立字〔2020〕101号";
    static final String TYRANT_CASE = "昭公（刑）立字〔2020〕117号";
    static final String GANG_CASE = "鲁公（刑）立字〔2020〕045号";
    static final String UNREGISTERED_CASE = "巧公（刑）立字〔2020〕009号";
    /** Found to be an umbrella; also named in the gang case of Ludian. */
    static final String UMBRELLA_OFFICIAL = "李某某";
    static final String NEVER_REFERRED = "王某某";
    static final String SIGNER = "赵某某";
    static final int OFFICIALS_OF_THE_MAFIA_CASE = 24;

    private static final String LI = key(1);
    private static final String WANG = key(2);

    private final List<CaseFact> facts = new ArrayList<>();
    private final List<UmbrellaClue> clues = new ArrayList<>();
    private long position;

    static StatementView statement() {
        return new ZhaotongThirdQuarter().view();
    }

    private StatementView view() {
        registered(MAFIA_CASE, "530602", GangCaseType.MAFIA_TYPE_ORGANISATION,
                "陈某某等二十三人组织、领导、参加黑社会性质组织，寻衅滋事，强迫交易，非法采矿案", at(7, 2, 9));
        solved(MAFIA_CASE, "530602", at(7, 20, 16));
        involved(MAFIA_CASE, "530602", LI, UMBRELLA_OFFICIAL, "昭阳区自然资源局党组成员、副局长（正科级）",
                OfficialRank.COUNTY_DIVISION, InvolvementRole.SUSPECTED_UMBRELLA, at(7, 22, 10));
        involved(MAFIA_CASE, "530602", WANG, NEVER_REFERRED, "昭阳区某某镇人民政府副镇长",
                OfficialRank.TOWNSHIP_SECTION, InvolvementRole.BRIBE_TAKER, at(7, 22, 11));
        for (int i = 3; i <= OFFICIALS_OF_THE_MAFIA_CASE; i++) {
            String person = key(i);
            involved(MAFIA_CASE, "530602", person, "张某" + i, "昭阳区公安分局某某派出所民警",
                    OfficialRank.GENERAL_STAFF, InvolvementRole.DERELICTION, at(7, 23, 9));
            referred("POLICE-530602-2020-HS" + i, MAFIA_CASE, "530602", at(7, 24, 9), person);
            // The commission records one of them a rank higher: both ranks are then counted differently.
            followUp(MAFIA_CASE, "530602", person, i == 3 ? OfficialRank.TOWNSHIP_SECTION : OfficialRank.GENERAL_STAFF,
                    at(7, 28, 9));
            finding(MAFIA_CASE, "530602", person, false, null, at(9, 10, 15));
        }
        referred("POLICE-530602-2020-HS001", MAFIA_CASE, "530602", at(7, 25, 9), LI);
        followUp(MAFIA_CASE, "530602", null, null, at(7, 21, 9));
        followUp(MAFIA_CASE, "530602", LI, OfficialRank.COUNTY_DIVISION, at(7, 27, 9));
        finding(MAFIA_CASE, "530602", LI, true, "开除党籍、开除公职，涉嫌受贿罪移送检察机关依法审查起诉", at(9, 18, 15));
        checks(MAFIA_CASE, "530602", "已查清李某某为该组织充当保护伞，收受财物共计人民币四十二万元", at(9, 20, 10));
        finding(MAFIA_CASE, "530602", null, true, null, at(9, 21, 10));

        registered(TYRANT_CASE, "530602", GangCaseType.VILLAGE_TYRANT, "刘某某村霸案", at(7, 6, 9));
        solved(TYRANT_CASE, "530602", at(7, 30, 9));
        followUp(TYRANT_CASE, "530602", null, null, at(8, 1, 9));
        checks(TYRANT_CASE, "530602", "未发现问题", at(8, 28, 9));
        finding(TYRANT_CASE, "530602", null, false, null, at(9, 1, 9));
        sign(TYRANT_CASE, "530602", EndorsementRole.FOLLOW_UP_OFFICER, "ZT-JW-0301", "孙某某", at(9, 2, 9));
        sign(TYRANT_CASE, "530602", EndorsementRole.LEADER_IN_CHARGE, "ZT-JW-0102", SIGNER, at(9, 3, 9));
        sign(TYRANT_CASE, "530602", EndorsementRole.PRINCIPAL_LEADER, "ZT-JW-0001", "周某某", at(9, 4, 9));

        registered(GANG_CASE, "530621", GangCaseType.EVIL_FORCE_GANG, "杨某某等五人恶势力团伙案", at(8, 3, 9));
        solved(GANG_CASE, "530621", at(8, 15, 9));
        involved(GANG_CASE, "530621", LI, UMBRELLA_OFFICIAL, "昭阳区自然资源局党组成员、副局长（正科级）",
                OfficialRank.COUNTY_DIVISION, InvolvementRole.SUSPECTED_UMBRELLA, at(8, 16, 9));
        followUp(GANG_CASE, "530621", null, null, at(8, 17, 9));
        finding(GANG_CASE, "530621", null, false, null, at(9, 25, 9));
        sign(GANG_CASE, "530621", EndorsementRole.FOLLOW_UP_OFFICER, "LD-JW-0201", "吴某某", at(9, 26, 9));
        sign(GANG_CASE, "530621", EndorsementRole.LEADER_IN_CHARGE, "LD-JW-0101", "郑某某", at(9, 27, 9));

        fact(UNREGISTERED_CASE, "530622", CaseFactKind.FOLLOW_UP_OPENED, at(8, 20, 9));

        QuarterlyStatementContent content = QuarterlyStatementBuilder.build(StatementPeriod.of("530600", "2020-Q3"),
                new QuarterlyFacts(facts, clues, facts), List.of());
        Instant issued = at(10, 9, 10);
        return new StatementView(STATEMENT, "530600", "2020-Q3", 1, "5f3a".repeat(16), new PeriodRoot(4,
                "9c1e".repeat(16), "27d0".repeat(16), "clue.discipline.events:0=1208,clue.police.events:0=1377", 212),
                StatementStatus.PARTLY_CONFIRMED, issued, "ZT-DZ-01", position, List.of(
                new StatementView.Confirmation("POLICE", "ZT-GA-07", issued.plusSeconds(86_400), issued
                        .plusSeconds(86_460))), List.of(), List.of(new StatementView.Resolution(
                MAFIA_CASE + ":" + WANG.substring(0, 16), "OFFICIAL_NOT_REFERRED", "已于10月12日补移送问题线索", "ZT-GA-07",
                issued.plusSeconds(2 * 86_400))), content);
    }

    /** Quarter's day and hour in China Standard Time. */
    private static Instant at(int month, int day, int hour) {
        return LocalDateTime.of(2020, month, day, hour, 0).toInstant(ExchangeTime.CHINA_STANDARD_TIME);
    }

    private static String key(int person) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) person;
        return HexFormat.of().formatHex(bytes);
    }

    private void registered(String caseNumber, String county, GangCaseType type, String name, Instant at) {
        add(caseNumber, county, CaseFactKind.GANG_CASE_REGISTERED, at, type, name, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private void solved(String caseNumber, String county, Instant at) {
        fact(caseNumber, county, CaseFactKind.GANG_CASE_SOLVED, at);
    }

    private void involved(String caseNumber, String county, String key, String name, String unit,
                          OfficialRank rank, InvolvementRole role, Instant at) {
        add(caseNumber, county, CaseFactKind.OFFICIAL_INVOLVED, at, null, null, key, name, unit, rank, role, null,
                null, null, null, null, null);
    }

    private void referred(String clueId, String caseNumber, String county, Instant at, String key) {
        clues.add(new UmbrellaClue(clueId, county, caseNumber, at.minusSeconds(30 * 86_400), county, at,
                at.plusSeconds(3600), List.of(key), null, null));
    }

    private void followUp(String caseNumber, String county, String key, OfficialRank rank, Instant at) {
        add(caseNumber, county, CaseFactKind.FOLLOW_UP_OPENED, at, null, null, key, null, null, rank, null, null,
                null, null, null, null, null);
    }

    private void finding(String caseNumber, String county, String key, boolean found, String outcome, Instant at) {
        add(caseNumber, county, CaseFactKind.UMBRELLA_FINDING_MADE, at, null, null, key, null, null, null, null,
                null, outcome, found, null, null, null);
    }

    private void checks(String caseNumber, String county, String finding, Instant at) {
        for (CaseCheck check : List.of(CaseCheck.RELATIONSHIP_NETWORK, CaseCheck.PROTECTIVE_UMBRELLA,
                CaseCheck.SUPERVISORY_DUTY)) {
            add(caseNumber, county, CaseFactKind.CASE_CHECK_COMPLETED, at, null, null, null, null, null, null, null,
                    check, finding, null, null, null, null);
        }
    }

    private void sign(String caseNumber, String county, EndorsementRole role, String signerId, String name,
                      Instant at) {
        add(caseNumber, county, CaseFactKind.ENDORSEMENT_SIGNED, at, null, null, null, null, null, null, null, null,
                null, null, role, signerId, name);
    }

    private void fact(String caseNumber, String county, CaseFactKind kind, Instant at) {
        add(caseNumber, county, kind, at, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private void add(String caseNumber, String county, CaseFactKind kind, Instant at, GangCaseType type, String name,
                     String personKey, String personName, String unit, OfficialRank rank, InvolvementRole role,
                     CaseCheck check, String text, Boolean found, EndorsementRole endorsementRole, String signerId,
                     String signerName) {
        facts.add(new CaseFact(caseNumber, county, kind, UUID.randomUUID().toString(),
                kind.assertedBy() + "@" + county, at, ++position, type, name, personKey, personName, unit, rank,
                role, check, text, found, endorsementRole, signerId, signerName));
    }
}
