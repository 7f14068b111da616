package org.clueexchange.core.ledger;

import org.clueexchange.events.ReceiptChannel;

/** How the ledger and its statements name the channel by which a clue reached its receiver. */
public final class ReceiptChannels {

    private ReceiptChannels() {
    }

    public static String label(ReceiptChannel channel) {
        return switch (channel) {
            case EXCHANGE -> "平台移送";
            case OUTSIDE -> "纸质移送";
        };
    }
}
