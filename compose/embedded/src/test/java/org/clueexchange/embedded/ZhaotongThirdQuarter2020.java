package org.clueexchange.embedded;

import static org.clueexchange.embedded.MonthlyTrafficGenerator.at;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.CaseScript;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.Official;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.Signature;
import org.clueexchange.embedded.QuarterlyTrafficGenerator.UmbrellaClue;

/**
 * Zhaotong's (昭通市, 530600) gang cases of the third quarter of 2020. Zhaoyang district (昭阳区, 530602) is shaped
 * like the published district figures: it followed 16 evil-force cases (恶势力犯罪集团, 恶势力团伙) and one village
 * tyrant (村霸), closed 14 "no umbrella" with three signatures, re-traced 2 and found an umbrella in one; only five of
 * its cases named an official, so it transferred five umbrella clues for 17 cases solved. Ludian (530621), Qiaojia
 * (530622) and Yanjin (530623) carry one case or clue per kind of break and finding, each with a known side to act
 * and age at the quarter's end (00:00 on 1 October, UTC+8: a fact on day d of the quarter at any hour is
 * {@code 1 October - d - 1} whole days old).
 */
final class ZhaotongThirdQuarter2020 {

    static final String DISTRICT = "530602";

    /** Zhaoyang's 17 cases, in case-number order: 1-8 恶势力犯罪集团, 9-16 恶势力团伙, 17 村霸. */
    final List<CaseScript> district = new ArrayList<>();
    /** Solved at 00:30 on 1 July 2020, China time: the third quarter's. */
    final CaseScript solvedAtMidnight;
    final CaseScript umbrellaFound;
    final List<CaseScript> retraced = new ArrayList<>();
    /** One person (王某甲) named in two of Zhaoyang's cases, with a clue about them from each. */
    final Official inTwoCases;

    /** An official the police named, neither referred nor followed up: unknown to the commission. */
    final CaseScript notReferred;
    /** An official referred by a clue the commission received, never followed up; followed up late, in August. */
    final CaseScript notFollowedUp;
    /** The commission records the official of this case at county/division rank, the police at township/section. */
    final CaseScript reRanked;
    /** Closed "no umbrella" with two signatures of the three. */
    final CaseScript twoSignatures;
    /** Closed "no umbrella" with one person signing for two roles (the adapter refuses the second; raw). */
    final CaseScript oneSignerTwoRoles;
    /** Followed up by the commission, never registered by the police (the adapter refuses it; raw). */
    final CaseScript unregistered;
    final CaseScript unfoundedSupervised;
    final CaseScript unfoundedUnsupervised;

    final List<UmbrellaClue> clues = new ArrayList<>();
    final UmbrellaClue unsupervisedClue;
    final UmbrellaClue clueOfUnregisteredCase;
    final UmbrellaClue notFollowedUpClue;
    final List<UmbrellaClue> cluesAboutTheSamePerson = new ArrayList<>();

    private final QuarterlyTrafficGenerator generator;

    ZhaotongThirdQuarter2020(QuarterlyTrafficGenerator generator) {
        this.generator = generator;
        inTwoCases = official("王某甲", DISTRICT, "昭阳区某镇 副镇长", "GENERAL_STAFF", null, null, null);
        for (int i = 1; i <= 17; i++) {
            String type = i <= 8 ? "EVIL_FORCE_CRIMINAL_GROUP" : i <= 16 ? "EVIL_FORCE_GANG" : "VILLAGE_TYRANT";
            Instant solved = i == 1 ? at(LocalDateTime.of(2020, 7, 1, 0, 30)) : on(7, i + 5, 10);
            Instant registered = i == 1 ? on(6, 20, 9) : on(7, i, 9);
            Instant found = solved.plus(Duration.ofDays(20)).plusSeconds(3600);
            List<Official> officials = new ArrayList<>();
            if (i <= 2) {
                officials.add(new Official(inTwoCases.name(), inTwoCases.idNumber(), inTwoCases.unit(),
                        inTwoCases.rank(), solved.plusSeconds(86_400 + 3600), solved.plusSeconds(3 * 86_400 + 3600),
                        inTwoCases.rank(), null, null));
            } else if (i == 3 || i == 4 || i == 17) {
                String rank = i == 3 ? "GENERAL_STAFF" : "VILLAGE_CADRE";
                officials.add(official(i == 3 ? "李某乙" : i == 4 ? "张某丙" : "赵某丁", DISTRICT,
                        i == 17 ? "昭阳区某村 村委会主任" : "昭阳区某局 科员", rank, solved.plusSeconds(86_400 + 3600),
                        solved.plusSeconds(3 * 86_400 + 3600), i == 3 ? found : null));
            }
            boolean umbrella = i == 3;
            List<Signature> signatures = umbrella ? List.of() : threeSignatures(found, "JW-" + DISTRICT + "-" + i);
            CaseScript script = new CaseScript("A5306022020070%03d".formatted(i), DISTRICT, type,
                    "昭阳区第" + i + "号" + (i == 17 ? "村霸案" : "恶势力案"), registered, solved, officials,
                    solved.plusSeconds(3 * 86_400), solved.plusSeconds(10 * 86_400), umbrella, found, signatures,
                    i >= 15 && i <= 16 ? on(9, i - 5, 10) : null);
            district.add(script);
            for (Official named : officials) {
                UmbrellaClue clue = new UmbrellaClue("ZTGA-Q3-D%02d".formatted(i), script.caseNumber(), type, named,
                        solved.plusSeconds(2 * 86_400), solved.plusSeconds(2 * 86_400 + 3600), null, null);
                clues.add(clue);
                if (i <= 2) {
                    cluesAboutTheSamePerson.add(clue);
                }
            }
        }
        solvedAtMidnight = district.get(0);
        umbrellaFound = district.get(2);
        retraced.addAll(district.subList(14, 16));

        notReferred = solvedCase("A5306212020080001", "530621", "EVIL_FORCE_GANG", on(8, 1, 9), on(8, 5, 10),
                List.of(official("钱某戊", "530621", "鲁甸县某乡 党委副书记", "TOWNSHIP_SECTION", on(8, 6, 11), null,
                        null)));
        Official notFollowedUpOfficial = official("孙某己", "530621", "鲁甸县某局 局长助理", "TOWNSHIP_SECTION",
                on(8, 11, 11), null, null);
        notFollowedUp = solvedCase("A5306212020080002", "530621", "EVIL_FORCE_GANG", on(8, 2, 9), on(8, 10, 10),
                List.of(notFollowedUpOfficial));
        notFollowedUpClue = clue("ZTGA-Q3-B02", notFollowedUp, notFollowedUpOfficial, on(8, 12, 10), null, null);
        Official reRankedOfficial = new Official("周某庚", generator.idNumber("530622"), "巧家县某局 副局长",
                "TOWNSHIP_SECTION", on(8, 16, 11), on(8, 18, 10), "COUNTY_DIVISION", null, null);
        reRanked = solvedCase("A5306222020080001", "530622", "MAFIA_TYPE_ORGANISATION", on(8, 3, 9), on(8, 15, 10),
                List.of(reRankedOfficial));
        clue("ZTGA-Q3-B03", reRanked, reRankedOfficial, on(8, 17, 10), null, null);
        oneSignerTwoRoles = new CaseScript("A5306222020080002", "530622", "EVIL_FORCE_CRIMINAL_GROUP",
                "巧家县某恶势力犯罪集团案", on(8, 4, 9), on(8, 20, 10), List.of(), on(8, 21, 9), on(8, 25, 9), false,
                on(9, 1, 10), List.of(new Signature("FOLLOW_UP_OFFICER", "JW-530622-201", "吴某", on(9, 2, 10), false),
                new Signature("LEADER_IN_CHARGE", "JW-530622-201", "吴某", on(9, 2, 11), true),
                new Signature("PRINCIPAL_LEADER", "JW-530622-203", "郑某", on(9, 2, 12), false)), null);
        twoSignatures = new CaseScript("A5306222020080003", "530622", "EVIL_FORCE_CRIMINAL_GROUP",
                "巧家县另一恶势力犯罪集团案", on(8, 5, 9), on(8, 22, 10), List.of(), on(8, 23, 9), on(8, 26, 9), false,
                on(9, 5, 10), List.of(new Signature("FOLLOW_UP_OFFICER", "JW-530622-211", "冯某", on(9, 6, 10), false),
                new Signature("LEADER_IN_CHARGE", "JW-530622-212", "陈某", on(9, 6, 11), false)), null);
        unregistered = new CaseScript("A5306232020080009", "530623", "EVIL_FORCE_GANG", null, null, null,
                List.of(), on(8, 25, 10), null, null, null, List.of(), null);
        Official supervisedOfficial = official("褚某辛", "530623", "盐津县某村 党支部书记", "VILLAGE_CADRE",
                on(7, 29, 11), on(7, 31, 10), null);
        unfoundedSupervised = solvedCase("A5306232020070001", "530623", "EVIL_FORCE_GANG", on(7, 20, 9),
                on(7, 28, 10), List.of(supervisedOfficial));
        clue("ZTGA-Q3-B05", unfoundedSupervised, supervisedOfficial, on(7, 30, 10), on(9, 8, 10), on(9, 9, 10));
        Official unsupervisedOfficial = official("卫某壬", "530623", "盐津县某村 村委会主任", "VILLAGE_CADRE",
                on(7, 30, 11), on(8, 1, 10), null);
        unfoundedUnsupervised = solvedCase("A5306232020070002", "530623", "EVIL_FORCE_GANG", on(7, 21, 9),
                on(7, 29, 10), List.of(unsupervisedOfficial));
        unsupervisedClue = clue("ZTGA-Q3-B06", unfoundedUnsupervised, unsupervisedOfficial, on(7, 31, 10),
                on(9, 12, 10), null);
        clueOfUnregisteredCase = new UmbrellaClue("ZTGA-Q3-B07", "A5306212020099999", "EVIL_FORCE_GANG",
                official("蒋某癸", "530621", "鲁甸县某所 所长", "TOWNSHIP_SECTION", null, null, null), on(9, 15, 10),
                on(9, 15, 11), null, null);
        clues.add(clueOfUnregisteredCase);
    }

    List<CaseScript> cases() {
        List<CaseScript> all = new ArrayList<>(district);
        all.addAll(List.of(notReferred, notFollowedUp, reRanked, oneSignerTwoRoles, twoSignatures, unregistered,
                unfoundedSupervised, unfoundedUnsupervised));
        return all;
    }

    /** The official of a case with one official. */
    static Official officialOf(CaseScript script) {
        return script.officials().get(0);
    }

    /** A solved case whose commission follows up the case, three days after it was solved, and checks nothing yet. */
    private static CaseScript solvedCase(String caseNumber, String county, String type, Instant registered,
                                         Instant solved, List<Official> officials) {
        return new CaseScript(caseNumber, county, type, "县级第" + caseNumber.substring(13) + "号涉黑涉恶案",
                registered, solved, officials, solved.plusSeconds(3 * 86_400 - 3600), null, null, null, List.of(),
                null);
    }

    /** 跟进人员, 分管领导 and 主要领导, three people, the day after the finding. */
    private static List<Signature> threeSignatures(Instant found, String signerPrefix) {
        return List.of(new Signature("FOLLOW_UP_OFFICER", signerPrefix + "-1", "跟进人员甲", found.plusSeconds(86_400),
                        false),
                new Signature("LEADER_IN_CHARGE", signerPrefix + "-2", "分管领导乙", found.plusSeconds(86_400 + 3600),
                        false),
                new Signature("PRINCIPAL_LEADER", signerPrefix + "-3", "主要领导丙", found.plusSeconds(86_400 + 7200),
                        false));
    }

    /**
     * An official with a new ID number, whom the commission follows up at the police's rank on {@code followedUp};
     * a finding on them at {@code found}, an umbrella.
     */
    private Official official(String name, String county, String unit, String rank, Instant involved,
                              Instant followedUp, Instant found) {
        return new Official(name, generator.idNumber(county), unit, rank, involved, followedUp,
                followedUp == null ? null : rank, found == null ? null : true, found);
    }

    /** An umbrella clue about the case's official, received an hour after its transfer. */
    private UmbrellaClue clue(String recordId, CaseScript script, Official about, Instant transferred,
                              Instant unfounded, Instant supervised) {
        UmbrellaClue clue = new UmbrellaClue(recordId, script.caseNumber(), script.caseType(), about, transferred,
                transferred.plusSeconds(3600), unfounded, supervised);
        clues.add(clue);
        return clue;
    }

    /** {@code hour}:mm on that day of 2020, China time, the minute drawn from the generator's seed. */
    private Instant on(int month, int day, int hour) {
        return at(LocalDateTime.of(2020, month, day, hour, generator.minute()));
    }
}
