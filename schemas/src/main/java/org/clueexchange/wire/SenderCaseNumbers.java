package org.clueexchange.wire;

import java.text.Normalizer;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;

/**
 * The sender's own case number (移送方案号): the number under which the sending agency keeps the case a clue came
 * from, as its transfer letter (移送函) names it, e.g. 昭公（刑）立字〔2020〕123号. A receiver that got the clue on paper
 * knows it by that number before the exchange delivers the transfer.
 *
 * <p>A police transfer names it as the gang case the clue was found in (案件编号); a commission's transfer names its
 * own case (审查调查案件编号) at the end of its summary, as {@link #withInquiryNumber} writes it; a receipt names it
 * as {@code senderCaseNumber}. Two numbers are the same number if their {@link #key}s are: the letter a receiver
 * types from may write brackets, digits and spaces in other widths than the sender's system.
 */
public final class SenderCaseNumbers {

    private static final String INQUIRY_OPENING = "（审查调查案件 ";
    private static final String INQUIRY_CLOSING = "）";
    /**
     * How many characters naming an inquiry number adds to a commission's summary besides the number: those of
     * {@code （审查调查案件 } and {@code ）}, as a constant that request annotations can name.
     */
    public static final int INQUIRY_FRAME = 9;

    private SenderCaseNumbers() {
    }

    /** A commission's summary naming its inquiry number at its end, where {@link #ofTransfer} reads it back. */
    public static String withInquiryNumber(String summary, String inquiryNumber) {
        return summary + INQUIRY_OPENING + inquiryNumber + INQUIRY_CLOSING;
    }

    /** The sender's case number the fact names: a transfer's, or the one a receipt names; none for other facts. */
    public static Optional<String> of(SpecificRecord event) {
        if (event instanceof ClueTransferred transfer) {
            return ofTransfer(transfer.getEnvelope().getAssertedBy().getType(),
                    transfer.getContent().getLinkedGangCase() == null ? null
                            : transfer.getContent().getLinkedGangCase().getCaseNumber(),
                    transfer.getContent().getSummary());
        }
        if (event instanceof ClueReceived receipt) {
            return Optional.ofNullable(receipt.getSenderCaseNumber());
        }
        return Optional.empty();
    }

    /**
     * The case number a transfer by {@code sender} names, from the parts of its content that name it, so that a
     * ledger keeping those parts reads the number as the contract does.
     */
    public static Optional<String> ofTransfer(AgencyType sender, String linkedGangCaseNumber, String summary) {
        return switch (sender) {
            case POLICE -> Optional.ofNullable(linkedGangCaseNumber);
            case DISCIPLINE -> inquiryNumberIn(summary);
            case UNKNOWN -> Optional.empty();
        };
    }

    /** The form in which two case numbers are compared: compatibility characters folded (NFKC), no white space. */
    public static String key(String caseNumber) {
        return Normalizer.normalize(caseNumber, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    public static boolean same(String one, String other) {
        return key(one).equals(key(other));
    }

    private static Optional<String> inquiryNumberIn(String summary) {
        int opening = summary.lastIndexOf(INQUIRY_OPENING);
        if (opening < 0 || !summary.endsWith(INQUIRY_CLOSING)) {
            return Optional.empty();
        }
        String number = summary.substring(opening + INQUIRY_OPENING.length(),
                summary.length() - INQUIRY_CLOSING.length());
        return number.isBlank() || number.contains("\n") || number.contains("\r") ? Optional.empty()
                : Optional.of(number);
    }
}
