package org.clueexchange.core.intake;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.core.ledger.messages.ClueAcceptanceRecorded;
import org.clueexchange.core.ledger.messages.ClueReceiptRecorded;
import org.clueexchange.core.ledger.messages.ClueReturnRecorded;
import org.clueexchange.core.ledger.messages.ClueTransferRecorded;
import org.clueexchange.core.ledger.messages.ConclusionRecorded;
import org.clueexchange.core.ledger.messages.DisposalRecorded;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.FeedbackAcknowledgementRecorded;
import org.clueexchange.core.ledger.messages.FeedbackRecorded;
import org.clueexchange.core.ledger.messages.OutcomeTally;
import org.clueexchange.core.ledger.messages.ProgressRecorded;
import org.clueexchange.core.ledger.messages.SupervisionRecorded;
import org.clueexchange.core.ledger.messages.TransferredClue;
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
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEvents;

/** Turns each agency event into the fact its clue's ledger entry records, for the intake and a replay alike. */
public final class LedgerFacts {

    private LedgerFacts() {
    }

    public static FactRecorded of(SpecificRecord event) throws InvalidFactException {
        Assertion assertion = Assertion.of(ClueEvents.envelopeOf(event));
        String clueId = ClueEvents.envelopeOf(event).getClueId();
        if (event instanceof ClueTransferred transfer) {
            return new ClueTransferRecorded(clueId, assertion, AgencyId.of(transfer.getReceiver()),
                    clue(transfer.getContent(), transfer.getContentDigest()));
        }
        if (event instanceof ClueReceived receipt) {
            return new ClueReceiptRecorded(clueId, assertion, AgencyId.of(receipt.getSender()),
                    ClueContentDigest.heldBy(receipt).orElse(null), receipt.getChannel(),
                    receipt.getSenderCaseNumber(), receipt.getDocuments());
        }
        if (event instanceof ClueAccepted acceptance) {
            return new ClueAcceptanceRecorded(clueId, assertion, acceptance.getReceiverCaseNumber());
        }
        if (event instanceof ClueReturned returned) {
            return new ClueReturnRecorded(clueId, assertion, returned.getReason(), returned.getExplanation());
        }
        if (event instanceof DisposalDecided disposal) {
            return new DisposalRecorded(clueId, assertion, disposal.getMethod(), disposal.getExplanation());
        }
        if (event instanceof ProgressReported progress) {
            return new ProgressRecorded(clueId, assertion, progress.getSummary());
        }
        if (event instanceof ClueConcluded conclusion) {
            return new ConclusionRecorded(clueId, assertion, tallies(conclusion.getOutcomes()),
                    conclusion.getSummary());
        }
        if (event instanceof FeedbackSent feedback) {
            return new FeedbackRecorded(clueId, assertion, tallies(feedback.getOutcomes()), feedback.getSummary());
        }
        if (event instanceof FeedbackAcknowledged acknowledgement) {
            return new FeedbackAcknowledgementRecorded(clueId, assertion, acknowledgement.getFeedbackEventId());
        }
        if (event instanceof SupervisionOrdered supervision) {
            return new SupervisionRecorded(clueId, assertion, supervision.getKind(),
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
                        subject.getUnit(), subject.getRank(), subject.getRole(), subject.getPersonKey())).toList(),
                content.getLinkedGangCase() == null ? null : new TransferredClue.GangCase(
                        content.getLinkedGangCase().getCaseNumber(), content.getLinkedGangCase().getCaseType()),
                content.getSummary(),
                content.getAttachments().stream().map(attachment -> new TransferredClue.Document(
                        attachment.getName(), attachment.getSha256())).toList(),
                content.getSuspects(), digest);
    }
}
