package org.clueexchange.core.ledger.messages;

import java.util.List;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.events.ReceiptChannel;

/**
 * 签收: the receiver signed for the clue, holding content with this digest, through the exchange or outside it.
 *
 * @param contentDigest    the digest of the content the receiver holds; none if it got the clue outside the exchange
 *                         and holds no digest of it
 * @param channel          how the clue reached the receiver; through the exchange in events recorded before channels
 *                         existed
 * @param senderCaseNumber the sender's case number as the receiver names it, from the transfer letter it holds
 * @param documents        the documents the receiver signed for, by name
 */
public record ClueReceiptRecorded(String clueId, Assertion assertion, AgencyId sender, String contentDigest,
                                  ReceiptChannel channel, String senderCaseNumber,
                                  List<String> documents) implements FactRecorded {

    public ClueReceiptRecorded {
        channel = channel == null ? ReceiptChannel.EXCHANGE : channel;
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    @Override
    public FactKind factKind() {
        return FactKind.RECEIVED;
    }

    @Override
    public String senderCaseNumber() {
        return senderCaseNumber;
    }
}
