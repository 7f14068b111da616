package org.clueexchange.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.Subject;

/**
 * The structural rules every clue event obeys, whoever wrote it. A decoded event that breaks one is not a fact
 * (it goes to the dead-letter topic); a well-formed event that contradicts others is a fact, and the ledger records
 * the contradiction as an anomaly instead.
 */
public final class ClueEventValidator {

    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CLUE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_TEXT = 20_000;

    private ClueEventValidator() {
    }

    /** The rules the event breaks, each as {@code field.path: reason}; empty when it is well-formed. */
    public static List<String> violations(SpecificRecord event) {
        List<String> violations = new ArrayList<>();
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        check(violations, EVENT_ID.matcher(envelope.getEventId()).matches(), "envelope.eventId",
                "must be a lower-case UUID");
        check(violations, CLUE_ID.matcher(envelope.getClueId()).matches(), "envelope.clueId",
                "must be 1-128 of A-Z a-z 0-9 . _ : - and start with a letter or digit");
        agency(violations, "envelope.assertedBy", envelope.getAssertedBy());
        text(violations, "envelope.actor", envelope.getActor(), 64);
        if (event instanceof ClueTransferred transfer) {
            transfer(violations, envelope, transfer);
        } else if (event instanceof ClueReceived receipt) {
            agency(violations, "sender", receipt.getSender());
            check(violations, SHA256_HEX.matcher(receipt.getContentDigest()).matches(), "contentDigest",
                    "must be 64 lower-case hex digits");
        } else if (event instanceof ClueAccepted acceptance) {
            text(violations, "receiverCaseNumber", acceptance.getReceiverCaseNumber(), 64);
        }
        return violations;
    }

    private static void transfer(List<String> violations, EventEnvelope envelope, ClueTransferred transfer) {
        agency(violations, "receiver", transfer.getReceiver());
        check(violations, transfer.getReceiver().getType() != envelope.getAssertedBy().getType(), "receiver.type",
                "a clue is transferred to the other kind of agency");
        text(violations, "content.summary", transfer.getContent().getSummary(), MAX_TEXT);
        List<Subject> subjects = transfer.getContent().getSubjects();
        for (int i = 0; i < subjects.size(); i++) {
            text(violations, "content.subjects[" + i + "].name", subjects.get(i).getName(), 100);
            text(violations, "content.subjects[" + i + "].unit", subjects.get(i).getUnit(), 200);
        }
        List<Attachment> attachments = transfer.getContent().getAttachments();
        for (int i = 0; i < attachments.size(); i++) {
            text(violations, "content.attachments[" + i + "].name", attachments.get(i).getName(), 255);
            check(violations, SHA256_HEX.matcher(attachments.get(i).getSha256()).matches(),
                    "content.attachments[" + i + "].sha256", "must be 64 lower-case hex digits");
        }
        if (transfer.getContent().getLinkedGangCase() != null) {
            text(violations, "content.linkedGangCase.caseNumber",
                    transfer.getContent().getLinkedGangCase().getCaseNumber(), 64);
        }
        if (violations.isEmpty()) {
            check(violations, ClueContentDigest.of(transfer.getContent()).equals(transfer.getContentDigest()),
                    "contentDigest", "does not match the content");
        }
    }

    private static void agency(List<String> violations, String field, Agency agency) {
        check(violations, agency.getType() != AgencyType.UNKNOWN, field + ".type", "unknown agency type");
        check(violations, Jurisdictions.isValid(agency.getJurisdiction()), field + ".jurisdiction",
                "'" + agency.getJurisdiction() + "' is not a six-digit GB/T 2260 code");
    }

    private static void text(List<String> violations, String field, String value, int maxLength) {
        check(violations, !value.isBlank(), field, "must not be blank");
        check(violations, value.length() <= maxLength, field, "longer than " + maxLength + " characters");
    }

    private static void check(List<String> violations, boolean ok, String field, String reason) {
        if (!ok) {
            violations.add(field + ": " + reason);
        }
    }
}
