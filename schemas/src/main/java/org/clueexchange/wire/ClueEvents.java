package org.clueexchange.wire;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseSolved;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.events.UmbrellaFindingMade;

/**
 * The events of the contract, in their current versions: the agencies' facts about clues and their confirmations of
 * statements, each starting with an envelope, and what the core answers to a confirmation, which has none.
 */
public final class ClueEvents {

    /**
     * What an id may hold after its first character, as a regular expression's character class: letters and digits
     * of any script, since agencies number their records and cases in Chinese (昭公（刑）立字〔2020〕123号), the
     * brackets such numbers use, full-width and ASCII, and {@code . _ -}. Ids travel as URL path segments, Kafka keys
     * and the cells of statements, so nothing else: no {@code /} or {@code \} (which split or leave a path), no
     * {@code ; ? # %} (which end a segment or escape in one), no space, no control character, no quote or comma.
     * Beyond ASCII an id is percent-encoded in a path, as every URL's non-ASCII characters are.
     */
    public static final String ID_CHARACTERS = "\\p{L}\\p{N}._\\-（）〔〕【】()";
    /** What starts an id: a letter or a digit. */
    public static final String ID_START = "[\\p{L}\\p{N}]";
    /** What {@link #ID_CHARACTERS} allows, in the words a refusal names them with. */
    public static final String ID_CHARACTERS_RULE = "letters, digits, . _ - and the brackets （ ） 〔 〕 【 】 ( )";

    /**
     * A clue id, as a regular expression (for validation annotations too): the sender's, up to 128 characters (code
     * points, as PostgreSQL counts them); other writers may also use {@code :}.
     */
    public static final String CLUE_ID_PATTERN = ID_START + "[" + ID_CHARACTERS + ":]{0,127}";
    /** What a field holding a clue id must be, in the words a refusal names it with. */
    public static final String CLUE_ID_RULE =
            "must be 1-128 " + ID_CHARACTERS_RULE + " or :, starting with a letter or digit";

    /**
     * Every event type of the contract, the agencies' and the core's; the codec and the schema history are built
     * from this list.
     */
    public static final List<Class<? extends SpecificRecord>> TYPES = List.of(
            ClueTransferred.class, ClueReceived.class, ClueAccepted.class, ClueReturned.class,
            DisposalDecided.class, ProgressReported.class, ClueConcluded.class, FeedbackSent.class,
            FeedbackAcknowledged.class, SupervisionOrdered.class, StatementConfirmed.class,
            StatementConfirmationRecorded.class, GangCaseRegistered.class, GangCaseSolved.class, OfficialInvolved.class,
            FollowUpOpened.class, CaseCheckCompleted.class, UmbrellaFindingMade.class, EndorsementSigned.class,
            RetraceOrdered.class);

    /** The facts about a gang case (涉黑涉恶案件) the police assert: envelope.clueId carries the case number. */
    public static final List<Class<? extends SpecificRecord>> POLICE_CASE_FACTS = List.of(GangCaseRegistered.class,
            GangCaseSolved.class, OfficialInvolved.class);
    /** The facts about a gang case the commissions assert, following it up (同步跟进, 一案三查, 签字背书, 回溯核查). */
    public static final List<Class<? extends SpecificRecord>> DISCIPLINE_CASE_FACTS = List.of(FollowUpOpened.class,
            CaseCheckCompleted.class, UmbrellaFindingMade.class, EndorsementSigned.class, RetraceOrdered.class);

    private ClueEvents() {
    }

    /** Whether the event is a fact about a gang case rather than a clue or a statement. */
    public static boolean isCaseFact(SpecificRecord event) {
        return POLICE_CASE_FACTS.contains(event.getClass()) || DISCIPLINE_CASE_FACTS.contains(event.getClass());
    }

    /** The gang case a {@linkplain #isCaseFact case fact} is about, by the police case number. */
    public static String caseNumberOf(SpecificRecord event) {
        if (!isCaseFact(event)) {
            throw new IllegalArgumentException(typeOf(event) + " is no fact about a gang case");
        }
        return (String) event.get(event.getSchema().getField("caseNumber").pos());
    }

    /** Every agency's event starts with an envelope; this reads it without knowing the event's type. */
    public static EventEnvelope envelopeOf(SpecificRecord event) {
        if (publishedByCore(event)) {
            throw new IllegalArgumentException(typeOf(event) + " is the core's: no agency asserts it, so it has "
                    + "no envelope");
        }
        return (EventEnvelope) event.get(event.getSchema().getField("envelope").pos());
    }

    /** Whether the core publishes the event, on its own topic, rather than an agency. */
    public static boolean publishedByCore(SpecificRecord event) {
        return event instanceof StatementConfirmationRecorded;
    }

    /** The event's own id: its envelope's, or the core's for what the core publishes. */
    public static String eventIdOf(SpecificRecord event) {
        return event instanceof StatementConfirmationRecorded recorded ? recorded.getEventId()
                : envelopeOf(event).getEventId();
    }

    /** The event's Kafka key: the clue's id, or the statement's for what concerns a statement. */
    public static String keyOf(SpecificRecord event) {
        return event instanceof StatementConfirmationRecorded recorded ? recorded.getStatementId()
                : envelopeOf(event).getClueId();
    }

    /** An agency as people read it, e.g. {@code DISCIPLINE@530600}: the commission of Zhaotong. */
    public static String nameOf(Agency agency) {
        return nameOf(agency.getType(), agency.getJurisdiction());
    }

    /** The agency of this type in this jurisdiction as people read it, e.g. {@code DISCIPLINE@530600}. */
    public static String nameOf(AgencyType type, String jurisdiction) {
        return type + "@" + jurisdiction;
    }

    /** Reads {@link #nameOf}'s form back. */
    public static Agency agencyNamed(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("'" + name + "' is not an agency's name like DISCIPLINE@530600");
        }
        return new Agency(AgencyType.valueOf(name.substring(0, at)), name.substring(at + 1));
    }

    /** The event's type name as it appears on the wire and in logs, e.g. {@code ClueTransferred}. */
    public static String typeOf(SpecificRecord event) {
        return event.getSchema().getName();
    }
}
