package org.clueexchange.core.casefile;

import java.time.Instant;
import org.clueexchange.events.Agency;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseSolved;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.UmbrellaFindingMade;
import org.clueexchange.wire.ClueEventSamples;

/** The agencies' facts about one gang case of Zhaotong, as they come on the wire. */
public final class CaseFactSamples {

    public static final Agency POLICE = ClueEventSamples.ZHAOTONG_POLICE;
    public static final Agency DISCIPLINE = ClueEventSamples.ZHAOTONG_DISCIPLINE;

    private CaseFactSamples() {
    }

    public static GangCaseRegistered registration(String caseNumber, Instant at) {
        return new GangCaseRegistered(ClueEventSamples.envelope(caseNumber, POLICE, at), caseNumber,
                GangCaseType.MAFIA_TYPE_ORGANISATION, "张某某等人涉黑组织案", "530602");
    }

    public static GangCaseSolved solution(String caseNumber, Instant at) {
        return new GangCaseSolved(ClueEventSamples.envelope(caseNumber, POLICE, at), caseNumber);
    }

    public static OfficialInvolved official(String caseNumber, String personKey, Instant at) {
        return new OfficialInvolved(ClueEventSamples.envelope(caseNumber, POLICE, at), caseNumber, personKey,
                "张某", "某县公安局治安大队 大队长", OfficialRank.TOWNSHIP_SECTION, InvolvementRole.SUSPECTED_UMBRELLA);
    }

    public static CaseCheckCompleted check(String caseNumber, Instant at) {
        return new CaseCheckCompleted(ClueEventSamples.envelope(caseNumber, DISCIPLINE, at), caseNumber,
                CaseCheck.RELATIONSHIP_NETWORK, "未发现其他关系人");
    }

    public static UmbrellaFindingMade finding(String caseNumber, boolean umbrellaFound, Instant at) {
        return new UmbrellaFindingMade(ClueEventSamples.envelope(caseNumber, DISCIPLINE, at), caseNumber, null,
                umbrellaFound, null);
    }

    public static EndorsementSigned signature(String caseNumber, EndorsementRole role, String signerId, Instant at) {
        return new EndorsementSigned(ClueEventSamples.envelope(caseNumber, DISCIPLINE, at), caseNumber, role,
                signerId, "签字人" + signerId);
    }

    public static RetraceOrdered retrace(String caseNumber, Instant at) {
        return new RetraceOrdered(ClueEventSamples.envelope(caseNumber, DISCIPLINE, at), caseNumber, "群众举报新线索");
    }
}
