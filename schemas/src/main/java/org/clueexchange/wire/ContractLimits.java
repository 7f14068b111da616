package org.clueexchange.wire;

/**
 * How long each text of a fact and how many entries each list may be. The validator refuses an event beyond them,
 * whoever wrote it, and the adapters' APIs refuse a request that would make one; what a text may hold is
 * {@link FactText}'s, which instants a fact may name {@link TimeBounds}'.
 *
 * <p>Lengths count UTF-16 code units, as {@link String#length()} does: a character outside the Basic Multilingual
 * Plane counts twice. UTF-8 takes at most three bytes per unit (a Chinese character: three bytes, one unit; a
 * supplementary character: four bytes, two units), so no text takes more than three bytes per character of its
 * limit on the wire.
 *
 * <p>The largest event is a transfer with every list full and every text at its limit in three-byte characters:
 * 354,776 bytes in Avro (subjects 120,800, suspects 90,600, attachments 83,200, summary 60,000, the rest a few
 * hundred), a third of the 1 MiB Kafka takes by default ({@code max.request.size}, {@code message.max.bytes}).
 * {@code ContractLimitsTest} encodes it. A receipt listing every document it may is 77,000 bytes; every other event
 * stays under 15,000.
 */
public final class ContractLimits {

    /** The officer who acted ({@code envelope.actor}), as the agency's own system knows them. */
    public static final int OFFICER_ID = 64;
    /**
     * An agency's own number of a case or a clue: the receiver's 受理编号, the police 案件编号, the sender's as a
     * receiver names it ({@link SenderCaseNumbers}).
     */
    public static final int CASE_NUMBER = 64;
    /** A gang case's name (案件名称), e.g. 张某某等人恶势力犯罪集团案. */
    public static final int CASE_NAME = 200;
    /** A person's name, a subject's or a suspect's. */
    public static final int PERSON_NAME = 100;
    /** A subject's work unit and post (工作单位及职务). */
    public static final int WORK_UNIT = 200;
    /** The part a subject played, in the sender's words (保护伞, 行贿人 …). */
    public static final int ROLE = 100;
    /** A document's file name. */
    public static final int DOCUMENT_NAME = 255;
    /** A clue's summary (线索摘要). */
    public static final int CLUE_SUMMARY = 20_000;
    /** An explanation, a report of progress, a conclusion's or a feedback's summary, instructions. */
    public static final int NOTE = 4_000;

    /** The public officials a clue names: more than any gang case's network of protectors (保护伞) has counted. */
    public static final int SUBJECTS = 100;
    /** The others a clue names, a gang's members among them: the largest gangs tried number a few hundred. */
    public static final int SUSPECTS = 300;
    /** The documents transferred with a clue, or signed for on its receipt: each name once. */
    public static final int ATTACHMENTS = 100;
    /** A conclusion's or a feedback's outcomes: each at most once, and the contract has 13. */
    public static final int OUTCOMES = 16;
    /**
     * How many people one outcome of one clue concerned: far more than a clue names (400 at most), so that a
     * mistyped count such as 2147483647 is refused instead of being added into a statement's tables.
     */
    public static final int PERSONS_PER_OUTCOME = 10_000;

    private ContractLimits() {
    }
}
