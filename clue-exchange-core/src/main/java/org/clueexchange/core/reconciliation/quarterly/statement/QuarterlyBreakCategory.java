package org.clueexchange.core.reconciliation.quarterly.statement;

/** The kinds of disagreement the quarterly statement (一季度一对账) reports, each with the agency that must act. */
public enum QuarterlyBreakCategory {
    /** A solved case names an official about whom the police transferred no umbrella clue. */
    OFFICIAL_NOT_REFERRED("涉案公职人员未移送问题线索 official involved, never referred", PartyToAct.POLICE),
    /** An umbrella clue about an official reached discipline, who never opened a follow-up of them. */
    REFERRAL_NOT_FOLLOWED_UP("已移送未同步跟进 referred, never followed up", PartyToAct.DISCIPLINE),
    /** A case closed "no umbrella" lacks one of the three signatures, or one person signed for two roles. */
    ENDORSEMENT_INCOMPLETE("未发现保护伞但签字背书不全 no-umbrella closure not fully endorsed", PartyToAct.DISCIPLINE),
    /** The two agencies count the officials involved of one rank differently. */
    RANK_COUNT_DIFFERS("涉案公职人员职级统计不一致 officials counted by rank differently", PartyToAct.BOTH),
    /** Discipline follows up a case the police never registered. */
    FOLLOW_UP_OF_UNREGISTERED_CASE("跟进案件未立案 follow-up of a case never registered", PartyToAct.POLICE),
    /** An umbrella clue concluded unfounded (查否) was never put under supervision (督办). */
    UNFOUNDED_WITHOUT_SUPERVISION("保护伞线索查否未督办 concluded unfounded, not supervised", PartyToAct.DISCIPLINE);

    private final String label;
    private final PartyToAct party;

    QuarterlyBreakCategory(String label, PartyToAct party) {
        this.label = label;
        this.party = party;
    }

    public String label() {
        return label;
    }

    public PartyToAct party() {
        return party;
    }
}
