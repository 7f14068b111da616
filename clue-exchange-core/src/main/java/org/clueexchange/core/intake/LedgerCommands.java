package org.clueexchange.core.intake;

import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.ledger.AgencyId;
import org.clueexchange.core.ledger.Assertion;
import org.clueexchange.core.ledger.RecordAcceptance;
import org.clueexchange.core.ledger.RecordReceipt;
import org.clueexchange.core.ledger.RecordTransfer;
import org.clueexchange.core.ledger.TransferredClue;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.InvalidFactException;

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
        throw new InvalidFactException("the ledger does not record " + ClueEvents.typeOf(event) + " facts");
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
                digest);
    }
}
