package org.clueexchange.core.reconciliation.quarterly.statement;

import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.casefile.Endorsement;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts.CaseFact;
import org.clueexchange.core.reconciliation.quarterly.statement.QuarterlyFacts.UmbrellaClue;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;

/**
 * A province's gang cases over 2018 to the third quarter of 2020, as both agencies' facts would have made them: each
 * case registered and solved, its officials named, most of them referred in an umbrella clue and followed up, the
 * three checks, a finding, the endorsement of a "no umbrella" closure, a few re-traced; some officials in two cases.
 * Generated from a seed alone, so that a run can be repeated.
 */
final class SyntheticProvince {

    static final String PROVINCE = "530000";
    private static final String[] COUNTIES = {"530102", "530103", "530111", "530302", "530321", "530402", "530502",
            "530602", "530621", "530681", "530702", "530802", "530902", "532301", "532501", "532601", "532801",
            "532901", "533102", "533301", "533401"};
    private static final GangCaseType[] TYPES = {GangCaseType.MAFIA_TYPE_ORGANISATION,
            GangCaseType.EVIL_FORCE_CRIMINAL_GROUP, GangCaseType.EVIL_FORCE_CRIMINAL_GROUP,
            GangCaseType.EVIL_FORCE_GANG, GangCaseType.EVIL_FORCE_GANG, GangCaseType.EVIL_FORCE_GANG,
            GangCaseType.VILLAGE_TYRANT};
    private static final OfficialRank[] RANKS = {OfficialRank.DEPARTMENT_BUREAU, OfficialRank.COUNTY_DIVISION,
            OfficialRank.COUNTY_DIVISION, OfficialRank.TOWNSHIP_SECTION, OfficialRank.TOWNSHIP_SECTION,
            OfficialRank.TOWNSHIP_SECTION, OfficialRank.GENERAL_STAFF, OfficialRank.GENERAL_STAFF,
            OfficialRank.VILLAGE_CADRE, OfficialRank.VILLAGE_CADRE};
    private static final Instant FIRST = LocalDate.of(2018, 1, 1).atStartOfDay().toInstant(CHINA_STANDARD_TIME);
    /** 1 July 2020, China time: every case is solved before the third quarter's end. */
    private static final Instant LAST_REGISTRATION = LocalDate.of(2020, 7, 1).atStartOfDay()
            .toInstant(CHINA_STANDARD_TIME);
    private static final long DAY = 86_400;

    final List<CaseFact> facts = new ArrayList<>();
    final List<UmbrellaClue> clues = new ArrayList<>();
    int officials;
    private final SplittableRandom random;
    private long position;

    SyntheticProvince(int cases, int officialsPerCase, long seed) {
        this(PROVINCE, cases, officialsPerCase, seed);
    }

    /** The same kind of province elsewhere: Yunnan's counties renumbered into {@code province}'s. */
    SyntheticProvince(String province, int cases, int officialsPerCase, long seed) {
        this.random = new SplittableRandom(seed);
        List<String[]> people = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            String county = province.substring(0, 2) + COUNTIES[random.nextInt(COUNTIES.length)].substring(2);
            String caseNumber = "A" + county + String.format("%08d", c);
            Instant registered = FIRST.plusSeconds(random.nextLong((LAST_REGISTRATION.getEpochSecond()
                    - FIRST.getEpochSecond() - 30 * DAY)));
            Instant solved = registered.plusSeconds(DAY * (1 + random.nextInt(30)));
            GangCaseType type = TYPES[random.nextInt(TYPES.length)];
            add(caseNumber, county, CaseFactKind.GANG_CASE_REGISTERED, "POLICE@" + county, registered, type,
                    "某某等人" + type.name() + "案", null, null, null, null, null, null, null, null, null, null, null);
            add(caseNumber, county, CaseFactKind.GANG_CASE_SOLVED, "POLICE@" + county, solved, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
            Instant followUp = solved.plusSeconds(DAY * random.nextInt(1, 20));
            add(caseNumber, county, CaseFactKind.FOLLOW_UP_OPENED, "DISCIPLINE@" + county, followUp, null, null,
                    null, null, null, null, null, null, null, null, null, null, null);
            boolean umbrella = random.nextInt(5) == 0;
            for (int o = 0; o < officialsPerCase; o++) {
                String[] person = !people.isEmpty() && random.nextInt(20) == 0
                        ? people.get(random.nextInt(people.size()))
                        : new String[] {key(), "官员" + people.size(), RANKS[random.nextInt(RANKS.length)].name()};
                people.add(person);
                OfficialRank rank = OfficialRank.valueOf(person[2]);
                Instant named = solved.plusSeconds(random.nextLong(DAY));
                add(caseNumber, county, CaseFactKind.OFFICIAL_INVOLVED, "POLICE@" + county, named, null, null,
                        person[0], person[1], "某县某局", rank, InvolvementRole.values()[random.nextInt(4)], null,
                        null, null, null, null, null);
                officials++;
                if (random.nextInt(100) < 85) {
                    Instant transferred = named.plusSeconds(DAY * random.nextInt(1, 10));
                    boolean unfounded = random.nextInt(3) == 0;
                    clues.add(new UmbrellaClue("POLICE-" + county + "-" + caseNumber + "-" + o, county, caseNumber,
                            registered, county, transferred, transferred.plusSeconds(DAY), List.of(person[0]),
                            unfounded ? transferred.plusSeconds(60 * DAY) : null,
                            unfounded && random.nextInt(5) > 0 ? transferred.plusSeconds(70 * DAY) : null));
                    if (random.nextInt(100) < 92) {
                        OfficialRank recorded = random.nextInt(50) == 0 ? RANKS[random.nextInt(RANKS.length)] : rank;
                        add(caseNumber, county, CaseFactKind.FOLLOW_UP_OPENED, "DISCIPLINE@" + county,
                                transferred.plusSeconds(DAY * 2), null, null, person[0], null, null, recorded,
                                null, null, null, null, null, null, null);
                        add(caseNumber, county, CaseFactKind.UMBRELLA_FINDING_MADE, "DISCIPLINE@" + county,
                                transferred.plusSeconds(DAY * 40), null, null, person[0], null, null, null, null,
                                null, umbrella && o == 0 ? "开除党籍、移送检察机关" : null, umbrella && o == 0, null,
                                null, null);
                    }
                }
            }
            Instant checked = followUp.plusSeconds(DAY * 30);
            for (CaseCheck check : List.of(CaseCheck.RELATIONSHIP_NETWORK, CaseCheck.PROTECTIVE_UMBRELLA,
                    CaseCheck.SUPERVISORY_DUTY)) {
                add(caseNumber, county, CaseFactKind.CASE_CHECK_COMPLETED, "DISCIPLINE@" + county, checked, null,
                        null, null, null, null, null, null, check, "已查清", null, null, null, null);
            }
            Instant finding = checked.plusSeconds(DAY * 5);
            add(caseNumber, county, CaseFactKind.UMBRELLA_FINDING_MADE, "DISCIPLINE@" + county, finding, null, null,
                    null, null, null, null, null, null, null, umbrella, null, null, null);
            if (!umbrella) {
                int signatures = random.nextInt(20) == 0 ? 2 : 3;
                for (int s = 0; s < signatures; s++) {
                    EndorsementRole role = Endorsement.ROLES.get(s);
                    add(caseNumber, county, CaseFactKind.ENDORSEMENT_SIGNED, "DISCIPLINE@" + county,
                            finding.plusSeconds(DAY * s), null, null, null, null, null, null, null, null, null, null,
                            role, county + "-signer-" + s, "签字人" + s);
                }
                if (random.nextInt(30) == 0) {
                    add(caseNumber, county, CaseFactKind.RETRACE_ORDERED, "DISCIPLINE@" + county,
                            finding.plusSeconds(DAY * 10), null, null, null, null, null, null, null, null,
                            "群众反映有保护伞", null, null, null, null);
                }
            }
        }
    }

    private void add(String caseNumber, String jurisdiction, CaseFactKind kind, String assertedBy, Instant at,
                     GangCaseType type, String name, String personKey, String personName, String unit,
                     OfficialRank rank, InvolvementRole role, CaseCheck check, String text, Boolean found,
                     EndorsementRole endorsementRole, String signerId, String signerName) {
        facts.add(new CaseFact(caseNumber, jurisdiction, kind, new UUID(random.nextLong(), random.nextLong())
                .toString(), assertedBy, at, ++position, type, name, personKey, personName, unit, rank, role, check,
                text, found, endorsementRole, signerId, signerName));
    }

    private String key() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
