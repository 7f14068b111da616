package org.clueexchange.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.events.Subject;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.events.UmbrellaFindingMade;

/**
 * The structural rules every clue event obeys, whoever wrote it: ids, codes and digests of their form, each text
 * within its limit ({@link ContractLimits}) and of its kind ({@link FactText}), each list within its limit, each
 * instant within its bounds ({@link TimeBounds}), each agency's own vocabulary. A decoded event that breaks one is
 * not a fact (it goes to the dead-letter topic); a well-formed event that contradicts others is a fact, and the
 * ledger records the contradiction as an anomaly instead.
 */
public final class ClueEventValidator {

    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CLUE_ID = Pattern.compile(ClueEvents.CLUE_ID_PATTERN);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final TimeBounds time;

    /** @param time which instants the reader's clock lets a fact name */
    public ClueEventValidator(TimeBounds time) {
        this.time = time;
    }

    /** The rules the event breaks, each as {@code field.path: reason}; empty when it is well-formed. */
    public List<String> violations(SpecificRecord event) {
        List<String> violations = new ArrayList<>();
        if (event instanceof StatementConfirmationRecorded recorded) {
            confirmationRecorded(violations, recorded);
            return violations;
        }
        EventEnvelope envelope = ClueEvents.envelopeOf(event);
        check(violations, EVENT_ID.matcher(envelope.getEventId()).matches(), "envelope.eventId",
                "must be a lower-case UUID");
        check(violations, CLUE_ID.matcher(envelope.getClueId()).matches(), "envelope.clueId",
                ClueEvents.CLUE_ID_RULE);
        agency(violations, "envelope.assertedBy", envelope.getAssertedBy());
        text(violations, "envelope.actor", envelope.getActor(), FactText.SHORT, ContractLimits.OFFICER_ID);
        factTime(violations, "envelope.occurredAt", envelope.getOccurredAt());
        factTime(violations, "envelope.publishedAt", envelope.getPublishedAt());
        AgencyType asserter = envelope.getAssertedBy().getType();
        if (event instanceof ClueTransferred transfer) {
            transfer(violations, envelope, transfer);
        } else if (event instanceof ClueReceived receipt) {
            receipt(violations, receipt);
        } else if (event instanceof ClueAccepted acceptance) {
            text(violations, "receiverCaseNumber", acceptance.getReceiverCaseNumber(), FactText.SHORT,
                    ContractLimits.CASE_NUMBER);
        } else if (event instanceof ClueReturned returned) {
            note(violations, "explanation", returned.getExplanation());
        } else if (event instanceof DisposalDecided disposal) {
            check(violations, AgencyVocabulary.disposalMethodsOf(asserter).contains(disposal.getMethod()), "method",
                    disposal.getMethod() + " is not a disposal method of " + asserter);
            if (disposal.getExplanation() != null) {
                note(violations, "explanation", disposal.getExplanation());
            }
        } else if (event instanceof ProgressReported progress) {
            note(violations, "summary", progress.getSummary());
        } else if (event instanceof ClueConcluded conclusion) {
            outcomes(violations, asserter, conclusion.getOutcomes());
            note(violations, "summary", conclusion.getSummary());
        } else if (event instanceof FeedbackSent feedback) {
            outcomes(violations, asserter, feedback.getOutcomes());
            note(violations, "summary", feedback.getSummary());
        } else if (event instanceof FeedbackAcknowledged acknowledgement) {
            check(violations, EVENT_ID.matcher(acknowledgement.getFeedbackEventId()).matches(), "feedbackEventId",
                    "must be a lower-case UUID");
        } else if (event instanceof SupervisionOrdered supervision) {
            supervision(violations, supervision);
        } else if (event instanceof StatementConfirmed confirmation) {
            confirmation(violations, envelope, confirmation);
        } else if (ClueEvents.isCaseFact(event)) {
            caseFact(violations, envelope, event);
        }
        return violations;
    }

    private static void outcomes(List<String> violations, AgencyType asserter, List<OutcomeCount> outcomes) {
        check(violations, !outcomes.isEmpty(), "outcomes", "must name at least one outcome");
        if (!size(violations, "outcomes", outcomes, ContractLimits.OUTCOMES)) {
            return;
        }
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeCount count = outcomes.get(i);
            String field = "outcomes[" + i + "]";
            check(violations, AgencyVocabulary.outcomesOf(asserter).contains(count.getOutcome()), field + ".outcome",
                    count.getOutcome() + " is not an outcome of " + asserter);
            check(violations, seen.add(count.getOutcome()), field + ".outcome", count.getOutcome() + " is repeated");
            check(violations, count.getPersons() >= 0, field + ".persons", "must not be negative");
            check(violations, count.getPersons() <= ContractLimits.PERSONS_PER_OUTCOME, field + ".persons",
                    "more than " + ContractLimits.PERSONS_PER_OUTCOME);
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
        check(violations, statement.get().period().equals(confirmation.getPeriod()), "period",
                "must be the statement's, " + statement.get().period());
        check(violations, statement.get().jurisdiction().equals(envelope.getAssertedBy().getJurisdiction()),
                "envelope.assertedBy.jurisdiction", "an agency confirms only its own jurisdiction's statement");
        check(violations, SHA256_HEX.matcher(confirmation.getDigest()).matches(), "digest",
                "must be 64 lower-case hex digits");
        // A v1 confirmation reads with an empty root: a fact still, which the core refuses to count.
        check(violations, confirmation.getRoot().isEmpty() || SHA256_HEX.matcher(confirmation.getRoot()).matches(),
                "root", "must be 64 lower-case hex digits");
    }

    /** The core's answer to a confirmation: it says what the core decided, which other facts need not agree with. */
    private void confirmationRecorded(List<String> violations, StatementConfirmationRecorded recorded) {
        check(violations, EVENT_ID.matcher(recorded.getEventId()).matches(), "eventId", "must be a lower-case UUID");
        check(violations, StatementId.parse(recorded.getStatementId()).isPresent(), "statementId",
                "must be like " + StatementId.EXAMPLE);
        ConfirmationOutcome outcome = recorded.getOutcome();
        check(violations, outcome != ConfirmationOutcome.UNKNOWN, "outcome", "unknown outcome");
        agency(violations, "confirmingAgency", recorded.getConfirmingAgency());
        check(violations, EVENT_ID.matcher(recorded.getConfirmationEventId()).matches(), "confirmationEventId",
                "must be a lower-case UUID");
        check(violations, SHA256_HEX.matcher(recorded.getConfirmedDigest()).matches(), "confirmedDigest",
                "must be 64 lower-case hex digits");
        if (outcome == ConfirmationOutcome.REFUSED) {
            check(violations, recorded.getReason() != null, "reason", "a refusal says why");
        } else {
            check(violations, recorded.getReason() == null, "reason", "only a refusal has one");
        }
        if (recorded.getReason() != null) {
            note(violations, "reason", recorded.getReason());
        }
        check(violations, recorded.getRevision() >= 0, "revision", "must not be negative");
        boolean issued = recorded.getRevision() > 0;
        check(violations, issued == (recorded.getStatementDigest() != null), "statementDigest",
                issued ? "an issued revision has a digest" : "only an issued revision has one");
        if (recorded.getStatementDigest() != null) {
            check(violations, SHA256_HEX.matcher(recorded.getStatementDigest()).matches(), "statementDigest",
                    "must be 64 lower-case hex digits");
        }
        if (outcome == ConfirmationOutcome.CONFIRMED) {
            check(violations, recorded.getConfirmedDigest().equals(recorded.getStatementDigest()), "confirmedDigest",
                    "a confirmation counts only for the digest of the revision it confirms");
        }
        factTime(violations, "decidedAt", recorded.getDecidedAt());
    }

    private void supervision(List<String> violations, SupervisionOrdered supervision) {
        note(violations, "instructions", supervision.getInstructions());
        if (supervision.getDueAt() != null) {
            time.deadlineProblem(supervision.getDueAt()).ifPresent(problem -> violations.add("dueAt: " + problem));
        }
        boolean escalation = supervision.getKind() == SupervisionKind.ESCALATION;
        if (escalation && supervision.getEscalatedTo() != null) {
            agency(violations, "escalatedTo", supervision.getEscalatedTo());
        }
        check(violations, escalation == (supervision.getEscalatedTo() != null), "escalatedTo",
                escalation ? "an escalation names the agency that takes the clue over"
                        : "only an escalation names one");
    }

    private static void receipt(List<String> violations, ClueReceived receipt) {
        agency(violations, "sender", receipt.getSender());
        boolean outside = receipt.getChannel() == ReceiptChannel.OUTSIDE;
        check(violations, SHA256_HEX.matcher(receipt.getContentDigest()).matches()
                        || outside && receipt.getContentDigest().isEmpty(), "contentDigest",
                outside ? "must be 64 lower-case hex digits, or empty" : "must be 64 lower-case hex digits");
        if (receipt.getSenderCaseNumber() != null) {
            text(violations, "senderCaseNumber", receipt.getSenderCaseNumber(), FactText.SHORT,
                    ContractLimits.CASE_NUMBER);
        }
        check(violations, !outside || receipt.getSenderCaseNumber() != null, "senderCaseNumber",
                "a receipt outside the exchange names the sender's case number");
        List<String> documents = receipt.getDocuments();
        if (size(violations, "documents", documents, ContractLimits.ATTACHMENTS)) {
            documentNames(violations, documents, i -> "documents[" + i + "]");
        }
    }

    private static void transfer(List<String> violations, EventEnvelope envelope, ClueTransferred transfer) {
        agency(violations, "receiver", transfer.getReceiver());
        check(violations, transfer.getReceiver().getType() != envelope.getAssertedBy().getType(), "receiver.type",
                "a clue is transferred to the other kind of agency");
        text(violations, "content.summary", transfer.getContent().getSummary(), FactText.FREE,
                ContractLimits.CLUE_SUMMARY);
        List<Subject> subjects = transfer.getContent().getSubjects();
        if (size(violations, "content.subjects", subjects, ContractLimits.SUBJECTS)) {
            for (int i = 0; i < subjects.size(); i++) {
                Subject subject = subjects.get(i);
                String field = "content.subjects[" + i + "]";
                text(violations, field + ".name", subject.getName(), FactText.SHORT, ContractLimits.PERSON_NAME);
                text(violations, field + ".unit", subject.getUnit(), FactText.SHORT, ContractLimits.WORK_UNIT);
                if (subject.getRole() != null) {
                    text(violations, field + ".role", subject.getRole(), FactText.SHORT, ContractLimits.ROLE);
                }
                if (subject.getPersonKey() != null) {
                    personKey(violations, field + ".personKey", subject.getPersonKey());
                }
            }
        }
        List<String> suspects = transfer.getContent().getSuspects();
        if (size(violations, "content.suspects", suspects, ContractLimits.SUSPECTS)) {
            for (int i = 0; i < suspects.size(); i++) {
                text(violations, "content.suspects[" + i + "]", suspects.get(i), FactText.SHORT,
                        ContractLimits.PERSON_NAME);
            }
        }
        check(violations, !subjects.isEmpty() || !suspects.isEmpty(), "content.subjects",
                "a clue names at least one person, as a subject or a suspect");
        List<Attachment> attachments = transfer.getContent().getAttachments();
        if (size(violations, "content.attachments", attachments, ContractLimits.ATTACHMENTS)) {
            documentNames(violations, attachments.stream().map(Attachment::getName).toList(),
                    i -> "content.attachments[" + i + "].name");
            for (int i = 0; i < attachments.size(); i++) {
                check(violations, SHA256_HEX.matcher(attachments.get(i).getSha256()).matches(),
                        "content.attachments[" + i + "].sha256", "must be 64 lower-case hex digits");
            }
        }
        GangCaseReference gangCase = transfer.getContent().getLinkedGangCase();
        if (gangCase != null) {
            text(violations, "content.linkedGangCase.caseNumber", gangCase.getCaseNumber(), FactText.SHORT,
                    ContractLimits.CASE_NUMBER);
        }
        if (violations.isEmpty()) {
            check(violations, ClueContentDigest.of(transfer.getContent()).equals(transfer.getContentDigest()),
                    "contentDigest", "does not match the content");
        }
    }

    /**
     * A fact about a gang case: asserted by the agency whose fact it is (the police register, solve and name
     * officials; the commission follows up, checks, finds, signs and re-traces), keyed by the case number it names.
     */
    private static void caseFact(List<String> violations, EventEnvelope envelope, SpecificRecord event) {
        AgencyType asserter = envelope.getAssertedBy().getType();
        AgencyType owner = ClueEvents.POLICE_CASE_FACTS.contains(event.getClass()) ? AgencyType.POLICE
                : AgencyType.DISCIPLINE;
        check(violations, asserter == owner, "envelope.assertedBy.type",
                ClueEvents.typeOf(event) + " is asserted by " + owner + " only");
        String caseNumber = ClueEvents.caseNumberOf(event);
        check(violations, CLUE_ID.matcher(caseNumber).matches() && caseNumber.length() <= ContractLimits.CASE_NUMBER,
                "caseNumber", "must be 1-" + ContractLimits.CASE_NUMBER + " " + ClueEvents.ID_CHARACTERS_RULE
                        + ", starting with a letter or digit");
        check(violations, caseNumber.equals(envelope.getClueId()), "envelope.clueId", "must be the case number");
        if (event instanceof GangCaseRegistered registration) {
            text(violations, "caseName", registration.getCaseName(), FactText.SHORT, ContractLimits.CASE_NAME);
            check(violations, Jurisdictions.isValid(registration.getJurisdiction()), "jurisdiction",
                    "'" + registration.getJurisdiction() + "' is not a six-digit GB/T 2260 code");
            check(violations, !Jurisdictions.isValid(registration.getJurisdiction())
                            || Jurisdictions.liesWithin(registration.getJurisdiction(),
                            envelope.getAssertedBy().getJurisdiction()), "jurisdiction",
                    "lies outside the registering agency's jurisdiction "
                            + envelope.getAssertedBy().getJurisdiction());
        } else if (event instanceof OfficialInvolved involvement) {
            personKey(violations, "personKey", involvement.getPersonKey());
            text(violations, "name", involvement.getName(), FactText.SHORT, ContractLimits.PERSON_NAME);
            text(violations, "unit", involvement.getUnit(), FactText.SHORT, ContractLimits.WORK_UNIT);
        } else if (event instanceof FollowUpOpened followUp) {
            if (followUp.getPersonKey() != null) {
                personKey(violations, "personKey", followUp.getPersonKey());
            }
            check(violations, (followUp.getPersonKey() == null) == (followUp.getRank() == null), "rank",
                    followUp.getPersonKey() == null ? "only the follow-up of an official records a rank"
                            : "the follow-up of an official records their rank");
        } else if (event instanceof CaseCheckCompleted check) {
            note(violations, "finding", check.getFinding());
        } else if (event instanceof UmbrellaFindingMade finding) {
            if (finding.getPersonKey() != null) {
                personKey(violations, "personKey", finding.getPersonKey());
            }
            if (finding.getOutcome() != null) {
                note(violations, "outcome", finding.getOutcome());
            }
            check(violations, finding.getOutcome() == null || finding.getPersonKey() != null, "outcome",
                    "only a finding on an official records what was done about them");
        } else if (event instanceof EndorsementSigned endorsement) {
            text(violations, "signerId", endorsement.getSignerId(), FactText.SHORT, ContractLimits.OFFICER_ID);
            text(violations, "signerName", endorsement.getSignerName(), FactText.SHORT, ContractLimits.PERSON_NAME);
        } else if (event instanceof RetraceOrdered retrace) {
            note(violations, "reason", retrace.getReason());
        }
    }

    private static void personKey(List<String> violations, String field, String key) {
        check(violations, PersonKeys.isKey(key), field, PersonKeys.RULE);
    }

    /** Documents' names, each within its limit and none the name of an earlier document; {@code field} of each. */
    private static void documentNames(List<String> violations, List<String> names, IntFunction<String> field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            text(violations, field.apply(i), names.get(i), FactText.SHORT, ContractLimits.DOCUMENT_NAME);
            check(violations, seen.add(names.get(i)), field.apply(i), "is the name of an earlier document");
        }
    }

    private static void agency(List<String> violations, String field, Agency agency) {
        check(violations, agency.getType() != AgencyType.UNKNOWN, field + ".type", "unknown agency type");
        check(violations, Jurisdictions.isValid(agency.getJurisdiction()), field + ".jurisdiction",
                "'" + agency.getJurisdiction() + "' is not a six-digit GB/T 2260 code");
    }

    private void factTime(List<String> violations, String field, Instant at) {
        time.factTimeProblem(at).ifPresent(problem -> violations.add(field + ": " + problem));
    }

    private static void note(List<String> violations, String field, String value) {
        text(violations, field, value, FactText.FREE, ContractLimits.NOTE);
    }

    private static void text(List<String> violations, String field, String value, FactText kind, int maxLength) {
        kind.problem(value, maxLength).ifPresent(problem -> violations.add(field + ": " + problem));
    }

    /**
     * Whether the list is within its limit. Its entries are judged only if it is: a list of a hundred thousand bad
     * entries is refused for its length, in one line, not in a hundred thousand.
     */
    private static boolean size(List<String> violations, String field, List<?> list, int maxEntries) {
        check(violations, list.size() <= maxEntries, field, "more than " + maxEntries + " entries");
        return list.size() <= maxEntries;
    }

    private static void check(List<String> violations, boolean ok, String field, String reason) {
        if (!ok) {
            violations.add(field + ": " + reason);
        }
    }
}
