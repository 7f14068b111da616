package org.clueexchange.core.ledger.query;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.clueexchange.api.Answers;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.access.CoreRole;
import org.clueexchange.core.access.CoreUser;
import org.clueexchange.core.access.PersonalDataAccessLog;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.FindLedgerEntry;
import org.clueexchange.core.ledger.messages.ListLedgerEntries;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transfer ledger over HTTP: one clue, or a filtered page of clues. An officer sees the clues sent or received
 * within the jurisdiction, an auditor every clue; each read is in the personal data access log.
 */
@RestController
@RequestMapping("/api/ledger/clues")
class LedgerController {

    private final QueryGateway queries;
    private final PersonalDataAccessLog accessLog;

    LedgerController(QueryGateway queries, PersonalDataAccessLog accessLog) {
        this.queries = queries;
        this.accessLog = accessLog;
    }

    /** A clue outside the officer's jurisdiction is not found: its existence is not the officer's to know. */
    @GetMapping("/{clueId}")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    LedgerEntryView one(@PathVariable @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN, message = ClueEvents.CLUE_ID_RULE)
                        String clueId, @AuthenticationPrincipal CoreUser user) {
        LedgerEntryView entry = queries.query(new FindLedgerEntry(clueId),
                ResponseTypes.optionalInstanceOf(LedgerEntryView.class)).join()
                .filter(found -> user.covers(jurisdictionOf(found.sender()))
                        || user.covers(jurisdictionOf(found.receiver())))
                .orElseThrow(() -> RequestRefusedException.notFound("clueId", "no clue " + clueId
                        + " is on the ledger within " + user.id() + "'s reach"));
        accessLog.read(user, "ledger/clues/" + clueId);
        return entry;
    }

    @GetMapping
    @Answers(refuses = NOT_ENTITLED)
    List<LedgerEntryView> list(
            @RequestParam(required = false)
            @Pattern(regexp = Jurisdictions.CODE_PATTERN, message = Jurisdictions.CODE_RULE) String jurisdiction,
            @RequestParam(required = false) Direction direction,
            @RequestParam(required = false) LedgerState state,
            @RequestParam(required = false) Boolean anomalous,
            @RequestParam(required = false) Boolean breached,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @AuthenticationPrincipal CoreUser user) {
        String scope = jurisdiction == null && user.role() == CoreRole.OFFICER ? user.jurisdiction() : jurisdiction;
        if (scope == null ? user.role() != CoreRole.AUDITOR : !user.covers(scope)) {
            throw RequestRefusedException.notPermitted("jurisdiction", "lies outside " + user.id() + "'s jurisdiction "
                    + user.jurisdiction());
        }
        List<LedgerEntryView> entries = queries.query(new ListLedgerEntries(scope, direction, state, anomalous,
                breached, limit, offset), ResponseTypes.multipleInstancesOf(LedgerEntryView.class)).join();
        accessLog.read(user, "ledger/clues?jurisdiction=" + scope + " (" + entries.size() + " clues from "
                + offset + ")");
        return entries;
    }

    private static String jurisdictionOf(AgencyId agency) {
        return agency == null ? null : agency.jurisdiction();
    }
}
