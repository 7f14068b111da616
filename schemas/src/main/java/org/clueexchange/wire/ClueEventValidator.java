package org.clueexchange.wire;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.events.Subject;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;

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
    private static final int MAX_NOTE = 4_000;

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
        AgencyType asserter = envelope.getAssertedBy().getType();
        if (event instanceof ClueTransferred transfer) {
            transfer(violations, envelope, transfer);
        } else if (event instanceof ClueReceived receipt) {
            agency(violations, "sender", receipt.getSender());
            check(violations, SHA256_HEX.matcher(receipt.getContentDigest()).matches(), "contentDigest",
                    "must be 64 lower-case hex digits");
        } else if (event instanceof ClueAccepted acceptance) {
            text(violations, "receiverCaseNumber", acceptance.getReceiverCaseNumber(), 64);
        } else if (event instanceof ClueReturned returned) {
            text(violations, "explanation", returned.getExplanation(), MAX_NOTE);
        } else if (event instanceof DisposalDecided disposal) {
            check(violations, AgencyVocabulary.disposalMethodsOf(asserter).contains(disposal.getMethod()), "method",
                    disposal.getMethod() + " is not a disposal method of " + asserter);
            if (disposal.getExplanation() != null) {
                text(violations, "explanation", disposal.getExplanation(), MAX_NOTE);
            }
        } else if (event instanceof ProgressReported progress) {
            text(violations, "summary", progress.getSummary(), MAX_NOTE);
        } else if (event instanceof ClueConcluded conclusion) {
            outcomes(violations, asserter, conclusion.getOutcomes());
            text(violations, "summary", conclusion.getSummary(), MAX_NOTE);
        } else if (event instanceof FeedbackSent feedback) {
            outcomes(violations, asserter, feedback.getOutcomes());
            text(violations, "summary", feedback.getSummary(), MAX_NOTE);
        } else if (event instanceof FeedbackAcknowledged acknowledgement) {
            check(violations, EVENT_ID.matcher(acknowledgement.getFeedbackEventId()).matches(), "feedbackEventId",
                    "must be a lower-case UUID");
        } else if (event instanceof SupervisionOrdered supervision) {
            supervision(violations, supervision);
        } else if (event instanceof StatementConfirmed confirmation) {
            confirmation(violations, envelope, confirmation);
        }
        return violations;
    }

    private static void outcomes(List<String> violations, AgencyType asserter, List<OutcomeCount> outcomes) {
        check(violations, !outcomes.isEmpty(), "outcomes", "must name at least one outcome");
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeCount count = outcomes.get(i);
            String field = "outcomes[" + i + "]";
            check(violations, AgencyVocabulary.outcomesOf(asserter).contains(count.getOutcome()), field + ".outcome",
                    count.getOutcome() + " is not an outcome of " + asserter);
            check(violations, seen.add(count.getOutcome()), field + ".outcome", count.getOutcome() + " is repeated");
            check(violations, count.getPersons() >= 0, field + ".persons", "must not be negative");
        }
    }

    private static void confirmation(List<String> violations, EventEnvelope envelope,
                                     StatementConfirmed confirmation) {
        Optional<StatementId> statement = StatementId.parse(confirmation.getStatementId());
        if (statement.isEmpty()) {
            check(violations, false, "statementId", "must be like " + StatementId.EXAMPLE);
            return;
        }
        check(violations, confirmation.getStatementId().equals(envelope.getClueId()), "envelope.clueId",
                "must be the statement id");
        check(violations, statement.get().jurisdiction().equals(confirmation.getJurisdiction()), "jurisdiction",
                "must be the statement's, " + statement.get().jurisdiction());
        check(violations, statement.get().month().toString().equals(confirmation.getPeriod()), "period",
                "must be the statement's, " + statement.get().month());
        check(violations, statement.get().jurisdiction().equals(envelope.getAssertedBy().getJurisdiction()),
                "envelope.assertedBy.jurisdiction", "an agency confirms only its own jurisdiction's statement");
        check(violations, SHA256_HEX.matcher(confirmation.getDigest()).matches(), "digest",
                "must be 64 lower-case hex digits");
    }

    private static void supervision(List<String> violations, SupervisionOrdered supervision) {
        text(violations, "instructions", supervision.getInstructions(), MAX_NOTE);
        boolean escalation = supervision.getKind() == SupervisionKind.ESCALATION;
        if (escalation && supervision.getEscalatedTo() != null) {
            agency(violations, "escalatedTo", supervision.getEscalatedTo());
        }
        check(violations, escalation == (supervision.getEscalatedTo() != null), "escalatedTo",
                escalation ? "an escalation names the agency that takes the clue over"
                        : "only an escalation names one");
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
        List<String> suspects = transfer.getContent().getSuspects();
        for (int i = 0; i < suspects.size(); i++) {
            text(violations, "content.suspects[" + i + "]", suspects.get(i), 100);
        }
        check(violations, !subjects.isEmpty() || !suspects.isEmpty(), "content.subjects",
                "a clue names at least one person, as a subject or a suspect");
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
