package org.clueexchange.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseSolved;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.Priority;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.events.Subject;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.events.UmbrellaFindingMade;

/** Well-formed events of the Zhaotong (530600) police and discipline commission, for tests in every module. */
public final class ClueEventSamples {

    public static final Agency ZHAOTONG_POLICE = new Agency(AgencyType.POLICE, "530600");
    public static final Agency ZHAOTONG_DISCIPLINE = new Agency(AgencyType.DISCIPLINE, "530600");
    public static final Instant AT = Instant.parse("2020-06-10T02:00:00Z");

    private ClueEventSamples() {
    }

    public static EventEnvelope envelope(String clueId, Agency assertedBy, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID().toString(), clueId, assertedBy, "officer-" + assertedBy.getType(),
                occurredAt.truncatedTo(ChronoUnit.MILLIS), occurredAt.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
    }

    public static ClueContent content(String summary) {
        return ClueContent.newBuilder()
                .setSource(ClueSource.OWN_DISCOVERY)
                .setAllegation(AllegationCategory.PROTECTIVE_UMBRELLA)
                .setPriority(Priority.NORMAL)
                .setSubjects(List.of(new Subject("张某", "某县公安局治安大队 大队长", OfficialRank.TOWNSHIP_SECTION, "保护伞", null)))
                .setLinkedGangCase(new GangCaseReference("ZT-2020-017", GangCaseType.MAFIA_TYPE_ORGANISATION))
                .setSummary(summary)
                .setAttachments(List.of(new Attachment("询问笔录.pdf", "a".repeat(64))))
                .setSuspects(List.of())
                .build();
    }

    public static ClueTransferred transfer(String clueId, Instant occurredAt) {
        ClueContent content = content("为涉黑组织通风报信 (" + clueId + ")");
        return new ClueTransferred(envelope(clueId, ZHAOTONG_POLICE, occurredAt), ZHAOTONG_DISCIPLINE, content,
                ClueContentDigest.of(content));
    }

    /** A discipline commission's clue of gang crime, transferred to the police (纪检监察机关移送). */
    public static ClueTransferred transferToPolice(String clueId, Instant occurredAt) {
        ClueContent content = ClueContent.newBuilder()
                .setSource(ClueSource.INSPECTION_TOUR)
                .setAllegation(AllegationCategory.GANG_CRIME)
                .setPriority(Priority.URGENT)
                .setSubjects(List.of(new Subject("李某", "某镇党委 书记", OfficialRank.TOWNSHIP_SECTION, "涉嫌包庇", null)))
                .setSuspects(List.of("刘某", "陈某"))
                .setLinkedGangCase(null)
                .setSummary("巡察发现刘某团伙强揽工程、暴力讨债 (" + clueId + ")")
                .setAttachments(List.of())
                .build();
        return new ClueTransferred(envelope(clueId, ZHAOTONG_DISCIPLINE, occurredAt), ZHAOTONG_POLICE, content,
                ClueContentDigest.of(content));
    }

    public static ClueReceived receipt(ClueTransferred transfer, Instant occurredAt) {
        return new ClueReceived(receiverEnvelope(transfer, occurredAt), transfer.getEnvelope().getAssertedBy(),
                transfer.getContentDigest(), ReceiptChannel.EXCHANGE, null, List.of());
    }

    /**
     * 纸质移送: the receiver the transfer names signs for the clue on paper, before the transfer arrives through the
     * exchange, naming the sender's case number as the transfer letter gives it and holding no digest.
     */
    public static ClueReceived receiptOutside(ClueTransferred transfer, String senderCaseNumber,
                                              Instant occurredAt) {
        return new ClueReceived(receiverEnvelope(transfer, occurredAt), transfer.getEnvelope().getAssertedBy(), "",
                ReceiptChannel.OUTSIDE, senderCaseNumber, List.of("移送函.pdf", "询问笔录.pdf"));
    }

    public static ClueAccepted acceptance(ClueTransferred transfer, Instant occurredAt) {
        return new ClueAccepted(receiverEnvelope(transfer, occurredAt),
                "ZTJW-2020-" + Math.abs(transfer.getEnvelope().getClueId().hashCode() % 1000));
    }

    public static ClueReturned returned(ClueTransferred transfer, Instant occurredAt) {
        return new ClueReturned(receiverEnvelope(transfer, occurredAt), ReturnReason.MATERIAL_INCOMPLETE,
                "缺少询问笔录原件");
    }

    /** The receiver's disposal in its own terms: 初步核实 at a commission, 立案侦查 at the police. */
    public static DisposalDecided disposal(ClueTransferred transfer, Instant occurredAt) {
        return new DisposalDecided(receiverEnvelope(transfer, occurredAt), receivedByPolice(transfer)
                ? DisposalMethod.CRIMINAL_INVESTIGATION : DisposalMethod.PRELIMINARY_VERIFICATION, null);
    }

    public static ProgressReported progress(ClueTransferred transfer, Instant occurredAt) {
        return new ProgressReported(receiverEnvelope(transfer, occurredAt), "已完成初步核实谈话");
    }

    public static ClueConcluded conclusion(ClueTransferred transfer, Instant occurredAt) {
        return new ClueConcluded(receiverEnvelope(transfer, occurredAt), outcomes(transfer), "查实，给予党纪处分");
    }

    public static FeedbackSent feedback(ClueTransferred transfer, Instant occurredAt) {
        return new FeedbackSent(receiverEnvelope(transfer, occurredAt), outcomes(transfer), "已立案审查，给予党纪处分");
    }

    public static FeedbackAcknowledged acknowledgement(FeedbackSent feedback, ClueTransferred transfer,
                                                       Instant occurredAt) {
        return new FeedbackAcknowledged(envelope(transfer.getEnvelope().getClueId(),
                transfer.getEnvelope().getAssertedBy(), occurredAt), feedback.getEnvelope().getEventId());
    }

    public static SupervisionOrdered supervision(ClueTransferred transfer, Instant occurredAt) {
        return new SupervisionOrdered(envelope(transfer.getEnvelope().getClueId(),
                transfer.getEnvelope().getAssertedBy(), occurredAt), SupervisionKind.SUPERVISION, null, null,
                "请加快核查进度");
    }

    /**
     * The agency's confirmation of its jurisdiction's statement, e.g. {@code STATEMENT-530600-2020-06}, by the
     * digest and the root the core issued it with.
     */
    public static StatementConfirmed confirmation(String statementId, Agency agency, String digest, String root,
                                                  Instant occurredAt) {
        StatementId statement = StatementId.parse(statementId).orElseThrow();
        return new StatementConfirmed(envelope(statementId, agency, occurredAt), statementId,
                statement.jurisdiction(), statement.period(), digest, root);
    }

    /** The core's refusal of a confirmation, as it answers one that names another digest than revision 1's. */
    public static StatementConfirmationRecorded refusal(StatementConfirmed confirmation, String statementDigest,
                                                        Instant decidedAt) {
        return new StatementConfirmationRecorded(UUID.randomUUID().toString(), confirmation.getStatementId(),
                ConfirmationOutcome.REFUSED, confirmation.getEnvelope().getAssertedBy(),
                confirmation.getEnvelope().getEventId(), confirmation.getDigest(),
                "digest " + confirmation.getDigest() + " is not that of revision 1 (" + statementDigest + ")", 1,
                statementDigest, decidedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A person key, as the adapters make it of an ID number, for the samples' officials. */
    public static final String PERSON_KEY = "5".repeat(64);

    /** 涉黑涉恶案件立案 by the police of 530600, of a case of Zhaoyang district (530602). */
    public static GangCaseRegistered gangCase(String caseNumber, Instant occurredAt) {
        return new GangCaseRegistered(envelope(caseNumber, ZHAOTONG_POLICE, occurredAt), caseNumber,
                GangCaseType.EVIL_FORCE_CRIMINAL_GROUP, "张某某等人恶势力犯罪集团案", "530602");
    }

    public static GangCaseSolved solved(String caseNumber, Instant occurredAt) {
        return new GangCaseSolved(envelope(caseNumber, ZHAOTONG_POLICE, occurredAt), caseNumber);
    }

    public static OfficialInvolved officialInvolved(String caseNumber, Instant occurredAt) {
        return new OfficialInvolved(envelope(caseNumber, ZHAOTONG_POLICE, occurredAt), caseNumber, PERSON_KEY, "王某",
                "某区公安分局 副局长", OfficialRank.COUNTY_DIVISION, InvolvementRole.SUSPECTED_UMBRELLA);
    }

    /** 同步跟进 of the official the police named. */
    public static FollowUpOpened followUp(String caseNumber, Instant occurredAt) {
        return new FollowUpOpened(envelope(caseNumber, ZHAOTONG_DISCIPLINE, occurredAt), caseNumber, PERSON_KEY,
                OfficialRank.COUNTY_DIVISION);
    }

    public static CaseCheckCompleted check(String caseNumber, Instant occurredAt) {
        return new CaseCheckCompleted(envelope(caseNumber, ZHAOTONG_DISCIPLINE, occurredAt), caseNumber,
                CaseCheck.PROTECTIVE_UMBRELLA, "查明王某多次为该团伙通风报信");
    }

    public static UmbrellaFindingMade umbrellaFound(String caseNumber, Instant occurredAt) {
        return new UmbrellaFindingMade(envelope(caseNumber, ZHAOTONG_DISCIPLINE, occurredAt), caseNumber, PERSON_KEY,
                true, "开除党籍、移送检察机关");
    }

    public static EndorsementSigned endorsement(String caseNumber, Instant occurredAt) {
        return new EndorsementSigned(envelope(caseNumber, ZHAOTONG_DISCIPLINE, occurredAt), caseNumber,
                EndorsementRole.FOLLOW_UP_OFFICER, "JW-007", "李某");
    }

    public static RetraceOrdered retrace(String caseNumber, Instant occurredAt) {
        return new RetraceOrdered(envelope(caseNumber, ZHAOTONG_DISCIPLINE, occurredAt), caseNumber,
                "群众举报反映仍有保护伞未查清");
    }

    /** The receiver's outcomes in its own terms, as {@link AgencyVocabulary} requires. */
    private static List<OutcomeCount> outcomes(ClueTransferred transfer) {
        return receivedByPolice(transfer)
                ? List.of(new OutcomeCount(Outcome.CRIMINAL_CASE_OPENED, 1),
                        new OutcomeCount(Outcome.SENT_FOR_PROSECUTION, 2))
                : List.of(new OutcomeCount(Outcome.PUT_ON_FILE, 1), new OutcomeCount(Outcome.PARTY_DISCIPLINE, 1));
    }

    private static boolean receivedByPolice(ClueTransferred transfer) {
        return transfer.getReceiver().getType() == AgencyType.POLICE;
    }

    private static EventEnvelope receiverEnvelope(ClueTransferred transfer, Instant occurredAt) {
        return envelope(transfer.getEnvelope().getClueId(), transfer.getReceiver(), occurredAt);
    }
}
