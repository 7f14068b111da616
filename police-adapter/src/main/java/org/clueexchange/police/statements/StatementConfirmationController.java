package org.clueexchange.police.statements;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;
import static org.clueexchange.api.ProblemType.RECORD_ID_REUSED;

import jakarta.validation.Valid;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.statements.StatementConfirmationView;
import org.clueexchange.adapter.statements.StatementConfirmations;
import org.clueexchange.api.Answers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 对账确认: the police organ of a jurisdiction confirms the statement the core issued for it, by the digest and root
 * its reconciliation officer read, and reads what the core made of it.
 */
@RestController
class StatementConfirmationController {

    private final StatementConfirmations confirmations;

    StatementConfirmationController(StatementConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    /** Answered at once, PENDING: the core's outcome comes later, to the feed, the webhook and this request's retry. */
    @PostMapping("/api/v1/statements/{statementId}/confirmation")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, RECORD_ID_REUSED})
    ResponseEntity<StatementConfirmationView> confirm(@PathVariable String statementId,
                                                      @Valid @RequestBody Requests.Confirmation request,
                                                      AgencyClient client) {
        return ResponseEntity.accepted().body(confirmations.confirm(statementId, request, client));
    }

    /** The latest confirmation of the statement made through this adapter, with the core's outcome once known. */
    @GetMapping("/api/v1/statements/{statementId}/confirmation")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    StatementConfirmationView confirmation(@PathVariable String statementId, AgencyClient client) {
        return confirmations.latest(statementId, client);
    }
}
