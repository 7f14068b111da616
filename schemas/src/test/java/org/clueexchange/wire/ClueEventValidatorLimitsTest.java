package org.clueexchange.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.wire.ClueEventSamples.AT;
import static org.clueexchange.wire.ClueEventValidatorTest.NOW;
import static org.clueexchange.wire.ClueEventValidatorTest.VALIDATOR;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ProgressReported;
import org.clueexchange.events.Subject;
import org.clueexchange.events.SupervisionOrdered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every text, list and instant of the contract within its limit, and nothing PostgreSQL cannot store. */
class ClueEventValidatorLimitsTest {

    /** A text field of an event: where it is, what kind of text and how long it may be, and an event holding it. */
    record TextField(String path, FactText kind, int maxLength, Function<String, SpecificRecord> eventWith) {

        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<TextField> textFields() {
        return Stream.of(
                new TextField("envelope.actor", FactText.SHORT, ContractLimits.OFFICER_ID, value -> {
                    ClueTransferred transfer = transfer();
                    transfer.getEnvelope().setActor(value);
                    return transfer;
                }),
                new TextField("content.summary", FactText.FREE, ContractLimits.CLUE_SUMMARY,
                        value -> transferWith(content -> content.setSummary(value))),
                new TextField("content.subjects[0].name", FactText.SHORT, ContractLimits.PERSON_NAME,
                        value -> transferWith(content -> content.getSubjects().get(0).setName(value))),
                new TextField("content.subjects[0].unit", FactText.SHORT, ContractLimits.WORK_UNIT,
                        value -> transferWith(content -> content.getSubjects().get(0).setUnit(value))),
                new TextField("content.subjects[0].role", FactText.SHORT, ContractLimits.ROLE,
                        value -> transferWith(content -> content.getSubjects().get(0).setRole(value))),
                new TextField("content.suspects[0]", FactText.SHORT, ContractLimits.PERSON_NAME,
                        value -> transferWith(content -> content.setSuspects(List.of(value)))),
                new TextField("content.attachments[0].name", FactText.SHORT, ContractLimits.DOCUMENT_NAME,
                        value -> transferWith(content -> content.getAttachments().get(0).setName(value))),
                new TextField("content.linkedGangCase.caseNumber", FactText.SHORT, ContractLimits.CASE_NUMBER,
                        value -> transferWith(content -> content.getLinkedGangCase().setCaseNumber(value))),
                new TextField("receiverCaseNumber", FactText.SHORT, ContractLimits.CASE_NUMBER, value -> {
                    ClueAccepted acceptance = ClueEventSamples.acceptance(transfer(), AT);
                    acceptance.setReceiverCaseNumber(value);
                    return acceptance;
                }),
                new TextField("senderCaseNumber", FactText.SHORT, ContractLimits.CASE_NUMBER, value -> {
                    ClueReceived receipt = ClueEventSamples.receiptOutside(transfer(), "ZT-2020-017", AT);
                    receipt.setSenderCaseNumber(value);
                    return receipt;
                }),
                new TextField("documents[0]", FactText.SHORT, ContractLimits.DOCUMENT_NAME, value -> {
                    ClueReceived receipt = ClueEventSamples.receiptOutside(transfer(), "ZT-2020-017", AT);
                    receipt.setDocuments(List.of(value));
                    return receipt;
                }),
                new TextField("explanation", FactText.FREE, ContractLimits.NOTE, value -> {
                    ClueReturned returned = ClueEventSamples.returned(transfer(), AT);
                    returned.setExplanation(value);
                    return returned;
                }),
                new TextField("explanation", FactText.FREE, ContractLimits.NOTE, value -> {
                    DisposalDecided disposal = ClueEventSamples.disposal(transfer(), AT);
                    disposal.setExplanation(value);
                    return disposal;
                }),
                new TextField("summary", FactText.FREE, ContractLimits.NOTE, value -> {
                    ProgressReported progress = ClueEventSamples.progress(transfer(), AT);
                    progress.setSummary(value);
                    return progress;
                }),
                new TextField("summary", FactText.FREE, ContractLimits.NOTE, value -> {
                    ClueConcluded conclusion = ClueEventSamples.conclusion(transfer(), AT);
                    conclusion.setSummary(value);
                    return conclusion;
                }),
                new TextField("summary", FactText.FREE, ContractLimits.NOTE, value -> {
                    FeedbackSent feedback = ClueEventSamples.feedback(transfer(), AT);
                    feedback.setSummary(value);
                    return feedback;
                }),
                new TextField("instructions", FactText.FREE, ContractLimits.NOTE, value -> {
                    SupervisionOrdered supervision = ClueEventSamples.supervision(transfer(), AT);
                    supervision.setInstructions(value);
                    return supervision;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void aTextIsAsLongAsItsLimitInCharactersOfThreeUtf8BytesAndNoLonger(TextField field) {
        assertThat(violations(field, "线".repeat(field.maxLength()))).isEmpty();
        assertThat(violations(field, "线".repeat(field.maxLength() + 1)))
                .containsExactly(field.path() + ": longer than " + field.maxLength() + " characters");
        assertThat(violations(field, " \t")).containsExactly(field.path() + ": must not be blank");
    }

    /** What PostgreSQL refuses to store, and what no name or summary holds. */
    static Stream<Arguments> controlCharactersOfEveryField() {
        return textFields().flatMap(field -> Stream.of(
                Arguments.of(field, "\u0000"), Arguments.of(field, "\u0001"), Arguments.of(field, "\u001b"),
                Arguments.of(field, "\u007f"), Arguments.of(field, "\u0085")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("controlCharactersOfEveryField")
    void noTextHoldsNulOrAnotherControlCharacter(TextField field, String control) {
        assertThat(violations(field, "王某" + control + "某")).singleElement().asString()
                .startsWith(field.path() + ": holds the control character "
                        + String.format("U+%04X", (int) control.charAt(0)) + " at character 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void freeTextRunsOverLinesAndShortTextHoldsOne(TextField field) {
        for (String lineBreak : List.of("\t", "\n", "\r\n")) {
            List<String> violations = violations(field, "第一行" + lineBreak + "第二行");
            if (field.kind() == FactText.FREE) {
                assertThat(violations).as(field.path()).isEmpty();
            } else {
                assertThat(violations).as(field.path()).singleElement().asString()
                        .endsWith("a name, a number or an id holds no control character");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFields")
    void anUnpairedSurrogateIsNoCharacterButAPairIsOne(TextField field) {
        assertThat(violations(field, "王某\uD83D")).containsExactly(field.path()
                + ": holds an unpaired surrogate U+D83D at character 2, which is no character");
        assertThat(violations(field, "\uDE00王某")).containsExactly(field.path()
                + ": holds an unpaired surrogate U+DE00 at character 0, which is no character");
        assertThat(violations(field, "王某\uD83D\uDE00")).isEmpty();
    }

    @Test
    void everyListOfATransferAndAReceiptIsWithinItsLimit() {
        assertThat(VALIDATOR.violations(transferWith(content -> content.setSubjects(subjects(
                ContractLimits.SUBJECTS))))).isEmpty();
        assertThat(VALIDATOR.violations(transferWith(content -> content.setSubjects(subjects(
                ContractLimits.SUBJECTS + 1))))).containsExactly("content.subjects: more than 100 entries");
        assertThat(VALIDATOR.violations(transferWith(content -> content.setSuspects(names(
                ContractLimits.SUSPECTS))))).isEmpty();
        assertThat(VALIDATOR.violations(transferWith(content -> content.setSuspects(names(
                ContractLimits.SUSPECTS + 1))))).containsExactly("content.suspects: more than 300 entries");
        assertThat(VALIDATOR.violations(transferWith(content -> content.setAttachments(attachments(
                ContractLimits.ATTACHMENTS))))).isEmpty();
        assertThat(VALIDATOR.violations(transferWith(content -> content.setAttachments(attachments(
                ContractLimits.ATTACHMENTS + 1))))).containsExactly("content.attachments: more than 100 entries");
        ClueReceived receipt = ClueEventSamples.receiptOutside(transfer(), "ZT-2020-017", AT);
        receipt.setDocuments(names(ContractLimits.ATTACHMENTS));
        assertThat(VALIDATOR.violations(receipt)).isEmpty();
        receipt.setDocuments(names(ContractLimits.ATTACHMENTS + 1));
        assertThat(VALIDATOR.violations(receipt)).containsExactly("documents: more than 100 entries");
    }

    @Test
    void aListBeyondItsLimitIsRefusedInOneLineWhateverItsEntries() {
        List<String> thousandsOfBadNames = Collections.nCopies(5_000, "\u0000");

        assertThat(VALIDATOR.violations(transferWith(content -> content.setSuspects(thousandsOfBadNames))))
                .containsExactly("content.suspects: more than 300 entries");
    }

    @Test
    void aTransferNamesEachDocumentOnce() {
        ClueTransferred twice = transferWith(content -> content.setAttachments(List.of(
                new Attachment("询问笔录.pdf", "a".repeat(64)), new Attachment("讯问笔录.pdf", "b".repeat(64)),
                new Attachment("询问笔录.pdf", "c".repeat(64)))));

        assertThat(VALIDATOR.violations(twice))
                .containsExactly("content.attachments[2].name: is the name of an earlier document");
    }

    @Test
    void outcomesAreWithinTheirLimitAndSoIsEachCountOfPersons() {
        ClueConcluded conclusion = ClueEventSamples.conclusion(transfer(), AT);
        conclusion.setOutcomes(List.of(new OutcomeCount(Outcome.PUT_ON_FILE, ContractLimits.PERSONS_PER_OUTCOME),
                new OutcomeCount(Outcome.DETENTION, ContractLimits.PERSONS_PER_OUTCOME + 1)));
        assertThat(VALIDATOR.violations(conclusion)).containsExactly("outcomes[1].persons: more than 10000");

        conclusion.setOutcomes(Collections.nCopies(ContractLimits.OUTCOMES + 1, new OutcomeCount(Outcome.OTHER, 1)));
        assertThat(VALIDATOR.violations(conclusion)).containsExactly("outcomes: more than 16 entries");
    }

    @Test
    void aFactHappensAfter2000AndNoLaterThanTheClockSkewAheadOfTheReader() {
        Instant latest = NOW.plus(TimeBounds.DEFAULT_CLOCK_SKEW);
        for (Instant acceptable : List.of(TimeBounds.EARLIEST, latest)) {
            assertThat(VALIDATOR.violations(occurredAndPublishedAt(acceptable))).as(acceptable.toString()).isEmpty();
        }
        assertThat(VALIDATOR.violations(occurredAndPublishedAt(Instant.parse("1999-12-31T23:59:59.999Z"))))
                .containsExactly("envelope.occurredAt: must not be before 2000-01-01T00:00:00Z",
                        "envelope.publishedAt: must not be before 2000-01-01T00:00:00Z");
        assertThat(VALIDATOR.violations(occurredAndPublishedAt(latest.plusMillis(1)))).containsExactly(
                "envelope.occurredAt: must not be after " + latest
                        + " (now and the tolerated clock skew of PT1H)",
                "envelope.publishedAt: must not be after " + latest + " (now and the tolerated clock skew of PT1H)");
    }

    @Test
    void instantsFarFromAnyFactAreRefused() {
        for (Instant farOff : List.of(Instant.parse("+300000-01-01T00:00:00Z"), Instant.parse("1900-01-01T00:00:00Z"),
                Instant.ofEpochMilli(Long.MAX_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE), Instant.EPOCH)) {
            ClueTransferred transfer = transfer();
            transfer.getEnvelope().setOccurredAt(farOff);

            assertThat(VALIDATOR.violations(transfer)).as(farOff.toString()).singleElement().asString()
                    .startsWith("envelope.occurredAt: must not be");
        }
    }

    @Test
    void aDeadlineLiesAtMostTenYearsAhead() {
        SupervisionOrdered supervision = ClueEventSamples.supervision(transfer(), AT);
        Instant latest = NOW.plus(TimeBounds.DEFAULT_CLOCK_SKEW).plus(TimeBounds.DEADLINE_HORIZON);

        supervision.setDueAt(latest);
        assertThat(VALIDATOR.violations(supervision)).isEmpty();
        supervision.setDueAt(latest.plusMillis(1));
        assertThat(VALIDATOR.violations(supervision))
                .containsExactly("dueAt: must not be after " + latest + " (ten years from now)");
        supervision.setDueAt(Instant.parse("1999-06-30T16:00:00Z"));
        assertThat(VALIDATOR.violations(supervision)).containsExactly("dueAt: must not be before 2000-01-01T00:00:00Z");
    }

    private static List<String> violations(TextField field, String value) {
        return VALIDATOR.violations(field.eventWith().apply(value));
    }

    private static ClueTransferred transfer() {
        return ClueEventSamples.transfer("POLICE-530600-XS001", AT);
    }

    /** A transfer whose content {@code change} changed, with the digest of the changed content. */
    private static ClueTransferred transferWith(Consumer<ClueContent> change) {
        ClueTransferred transfer = transfer();
        change.accept(transfer.getContent());
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        return transfer;
    }

    private static ClueTransferred occurredAndPublishedAt(Instant at) {
        ClueTransferred transfer = transfer();
        transfer.getEnvelope().setOccurredAt(at);
        transfer.getEnvelope().setPublishedAt(at);
        return transfer;
    }

    private static List<Subject> subjects(int count) {
        return names(count).stream().map(name -> new Subject(name, "某县公安局", OfficialRank.OTHER, null, null)).toList();
    }

    private static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> "某" + i).toList();
    }

    private static List<Attachment> attachments(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Attachment("笔录" + i + ".pdf", "a".repeat(64))).toList();
    }
}
