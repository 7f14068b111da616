package org.clueexchange.adapter.clues;

import static org.clueexchange.adapter.ApiFields.JURISDICTION;
import static org.clueexchange.adapter.ApiFields.JURISDICTION_RULE;
import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;
import static org.clueexchange.adapter.ApiFields.SHA256;
import static org.clueexchange.adapter.ApiFields.SHA256_RULE;
import static org.clueexchange.adapter.ApiFields.TOO_MANY_ENTRIES;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clueexchange.api.FactTime;
import org.clueexchange.api.FreeText;
import org.clueexchange.api.NoRepeats;
import org.clueexchange.api.OfficerId;
import org.clueexchange.api.ShortText;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ContractLimits;
import org.clueexchange.wire.PersonKeys;

/**
 * The requests both agencies' systems make in the same terms, and what the requests each adapter words in its
 * agency's own terms must say in the exchange's. Each names the system's own record id (with the system, the clue
 * and the kind of request, its idempotency key: a retry repeats it and asserts nothing twice), the officer who acted,
 * and when it happened (now, if absent). Every field is refused, naming it, where the fact it becomes would break the contract's limits
 * ({@link ContractLimits}).
 */
public final class Requests {

    private Requests() {
    }

    /** What every request that asserts a fact says: the system's record id, the officer, and when it happened. */
    public interface Act {
        String recordId();

        String officerId();

        /** When it happened at the agency; now if absent. */
        Instant occurredAt();
    }

    /**
     * 签收: the clue reached the agency.
     *
     * @param receivedAttachments the documents that actually arrived, if the system checked them; the receipt's
     *                            content digest is then computed with these instead of the announced ones
     */
    public record Receipt(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Valid @Size(max = ContractLimits.ATTACHMENTS, message = TOO_MANY_ENTRIES) @NoRepeats(of = "name")
            List<@NotNull Document> receivedAttachments) implements Act {
    }

    /**
     * 签收 of a clue that reached the agency outside the exchange, on paper (纸质移送) or by any other channel, before
     * or without its transfer through the exchange. The transfer letter (移送函) gives the sender's clue id, under
     * which the transfer will arrive, and the sender's own case number.
     *
     * @param clueId               the clue id the letter gives, e.g. {@code POLICE-530600-XS001}: it names the sender
     * @param receiverJurisdiction the jurisdiction of the agency that received the clue, which the client must be
     *                             entitled to: a client may act for several, and the clue id names only the sender's
     * @param senderCaseNumber     the sender's own case number, as the letter names it
     * @param receivedAt           when the agency received the clue
     * @param documents            the documents received, each once
     * @param contentDigest        the digest of the clue's content as the exchange computes it, if the agency's system
     *                             computed one from what it received; none otherwise
     */
    public record OutsideReceipt(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @NotNull @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN, message = ClueEvents.CLUE_ID_RULE) String clueId,
            @NotNull @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String receiverJurisdiction,
            @NotNull @ShortText(max = ContractLimits.CASE_NUMBER) String senderCaseNumber,
            @NotNull @FactTime Instant receivedAt,
            @Valid @Size(max = ContractLimits.ATTACHMENTS, message = TOO_MANY_ENTRIES) @NoRepeats(of = "name")
            List<@NotNull ReceivedDocument> documents,
            @Pattern(regexp = SHA256, message = SHA256_RULE) String contentDigest) implements Act {

        /** A receipt happens when the clue is received. */
        @Override
        public Instant occurredAt() {
            return receivedAt;
        }
    }

    /** A document received outside the exchange, by its name. */
    public record ReceivedDocument(@NotNull @ShortText(max = ContractLimits.DOCUMENT_NAME) String name) {
    }

    /** A document as it arrived, with the SHA-256 of the bytes received. */
    public record Document(@NotNull @ShortText(max = ContractLimits.DOCUMENT_NAME) String name,
                           @NotNull @Pattern(regexp = SHA256, message = SHA256_RULE) String sha256) {
    }

    /** 受理: the agency takes the clue on under its own number. */
    public record Acceptance(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @NotNull @ShortText(max = ContractLimits.CASE_NUMBER) String caseNumber) implements Act {
    }

    /** 退回: the agency refuses the clue and sends it back, saying why. */
    public record Return(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @NotNull ReturnReason reason,
            @NotNull @FreeText(max = ContractLimits.NOTE) String explanation) implements Act {
    }

    /** 进展: how handling is going. */
    public record Progress(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @NotNull @FreeText(max = ContractLimits.NOTE) String summary) implements Act {
    }

    /** 反馈: the results go back to the sender; the outcomes are those of the agency's conclusion. */
    public record Feedback(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @NotNull @FreeText(max = ContractLimits.NOTE) String summary) implements Act {
    }

    /** 反馈确认: the sender confirms the latest feedback on its clue; the loop closes. */
    public record Acknowledgement(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt) implements Act {
    }

    /**
     * 督办, 挂账督办, 提级办理 of a clue the agency sent or received.
     *
     * @param byJurisdiction the supervising agency: the agency's own side of the clue (if absent) or a level above
     * @param escalatedTo    for ESCALATION: the higher level of the same kind of agency that takes the clue over
     */
    public record Supervision(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String byJurisdiction,
            @NotNull SupervisionKind kind,
            @Pattern(regexp = JURISDICTION, message = JURISDICTION_RULE) String escalatedTo,
            @FactTime(deadline = true) Instant dueAt,
            @NotNull @FreeText(max = ContractLimits.NOTE) String instructions) implements Act {
    }

    /**
     * 对账确认: the agency confirms a statement the core issued, by its digest and its period root.
     *
     * @param digest the statement's SHA-256 as the core shows it: what the officer read and confirms
     * @param root   the statement's period root (期间根) as the core shows it: confirming it, the agency signs for
     *               every fact of the statement's window, its own and the other agency's
     */
    public record Confirmation(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @OfficerId String officerId,
            @FactTime Instant occurredAt,
            @NotNull @Pattern(regexp = SHA256, message = SHA256_RULE) String digest,
            @NotNull @Pattern(regexp = SHA256, message = SHA256_RULE) String root) implements Act {
    }

    /** 移送, as an adapter's transfer request translates it from its agency's terms. */
    public interface Transfer {
        /** @param personKeys how the subjects whose ID numbers the request gives are named in the clue */
        TransferDraft draft(PersonKeys personKeys);
    }

    /** 处置, as an adapter's request translates it from its agency's terms. */
    public interface DisposalDecision extends Act {
        DisposalMethod disposalMethod();

        String explanation();
    }

    /** 办结, as an adapter's request translates it from its agency's terms: persons per outcome. */
    public interface Conclusion extends Act {
        List<OutcomeCount> outcomeCounts();

        String summary();
    }
}
