package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.FactKind;

/** 签收: the receiver signed for the clue, holding content with this digest. */
public record ClueReceiptRecorded(String clueId, Assertion assertion, AgencyId sender,
                                  String contentDigest) implements FactRecorded {

    @Override
    public FactKind factKind() {
        return FactKind.RECEIVED;
    }
}
