package org.clueexchange.core.intake;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.ledger.AgencyId;
import org.clueexchange.core.ledger.Assertion;
import org.clueexchange.core.ledger.OutcomeTally;
import org.clueexchange.core.ledger.RecordAcceptance;
import org.clueexchange.core.ledger.RecordConclusion;
import org.clueexchange.core.ledger.RecordDisposal;
import org.clueexchange.core.ledger.RecordFeedback;
import org.clueexchange.core.ledger.RecordFeedbackAcknowledgement;
import org.clueexchange.core.ledger.RecordProgress;
import org.clueexchange.core.ledger.RecordReceipt;
import org.clueexchange.core.ledger.RecordReturn;
import org.clueexchange.core.ledger.RecordSupervision;
import org.clueexchange.core.ledger.RecordTransfer;
import org.clueexchange.core.ledger.TransferredClue;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.subscription.InvalidFactException;
import org.clueexchange.wire.ClueEvents;

/** Turns each agency event into the ledger command that records it. */
final class LedgerCommands {

    private LedgerCommands() {
    }

    static Object of(SpecificRecord event) throws InvalidFactException {
        Assertion assertion = Assertion.of(ClueEvents.envelopeOf(event));
        String clueId = ClueEvents.envelopeOf(event).getClueId();
        if (event instanceof ClueTransferred transfer) {
            return new RecordTransfer(clueId, assertion, AgencyId.of(transfer.getReceiver()),
                    clue(transfer.getContent(), transfer.getContentDigest()));
        }
        if (event instanceof ClueReceived receipt) {
            return new RecordReceipt(clueId, assertion, AgencyId.of(receipt.getSender()), receipt.getContentDigest());
        }
        if (event instanceof ClueAccepted acceptance) {
            return new RecordAcceptance(clueId, assertion, acceptance.getReceiverCaseNumber());
        }
        if (event instanceof ClueReturned returned) {
            return new RecordReturn(clueId, assertion, returned.getReason(), returned.getExplanation());
        }
        if (event instanceof DisposalDecided disposal) {
            return new RecordDisposal(clueId, assertion, disposal.getMethod(), disposal.getExplanation());
        }
        if (event instanceof ProgressReported progress) {
            return new RecordProgress(clueId, assertion, progress.getSummary());
        }
        if (event instanceof ClueConcluded conclusion) {
            return new RecordConclusion(clueId, assertion, tallies(conclusion.getOutcomes()), conclusion.getSummary());
        }
        if (event instanceof FeedbackSent feedback) {
            return new RecordFeedback(clueId, assertion, tallies(feedback.getOutcomes()), feedback.getSummary());
        }
        if (event instanceof FeedbackAcknowledged acknowledgement) {
            return new RecordFeedbackAcknowledgement(clueId, assertion, acknowledgement.getFeedbackEventId());
        }
        if (event instanceof SupervisionOrdered supervision) {
            return new RecordSupervision(clueId, assertion, supervision.getKind(),
                    supervision.getEscalatedTo() == null ? null : AgencyId.of(supervision.getEscalatedTo()),
                    supervision.getDueAt(), supervision.getInstructions());
        }
        throw new InvalidFactException("the ledger does not record " + ClueEvents.typeOf(event) + " facts");
    }

    private static List<OutcomeTally> tallies(List<OutcomeCount> outcomes) {
        return outcomes.stream().map(count -> new OutcomeTally(count.getOutcome(), count.getPersons())).toList();
    }

    private static TransferredClue clue(ClueContent content, String digest) {
        return new TransferredClue(content.getSource(), content.getAllegation(), content.getPriority(),
                content.getSubjects().stream().map(subject -> new TransferredClue.Subject(subject.getName(),
                        subject.getUnit(), subject.getRank(), subject.getRole())).toList(),
                content.getLinkedGangCase() == null ? null : new TransferredClue.GangCase(
                        content.getLinkedGangCase().getCaseNumber(), content.getLinkedGangCase().getCaseType()),
                content.getSummary(),
                content.getAttachments().stream().map(attachment -> new TransferredClue.Document(
                        attachment.getName(), attachment.getSha256())).toList(),
                content.getSuspects(), digest);
    }
}
