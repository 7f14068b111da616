package org.clueexchange.adapter.statements;

import static org.clueexchange.adapter.ApiFields.RECORD_ID;
import static org.clueexchange.adapter.ApiFields.RECORD_ID_RULE;
import static org.clueexchange.adapter.ApiFields.SHA256;
import static org.clueexchange.adapter.ApiFields.SHA256_RULE;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.regex.Matcher;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.api.InvalidRequestException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.wire.ClueEventValidator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 对账确认: the agency confirms a monthly statement the core issued, by its digest, as the agency of the statement's
 * jurisdiction. The core accepts it only if the digest is the current revision's.
 */
@RestController
public class StatementConfirmationController {

    private final AdapterAgency agency;
    private final AssertedFacts facts;

    public StatementConfirmationController(AdapterAgency agency, AssertedFacts facts) {
        this.agency = agency;
        this.facts = facts;
    }

    /**
     * @param digest the statement's SHA-256 as the core shows it: what the officer read and confirms
     */
    public record Confirmation(
            @NotBlank @Pattern(regexp = RECORD_ID, message = RECORD_ID_RULE) String recordId,
            @NotBlank @Size(max = 64) String officerId,
            Instant occurredAt,
            @NotNull @Pattern(regexp = SHA256, message = SHA256_RULE) String digest) {
    }

    @PostMapping("/api/v1/statements/{statementId}/confirmation")
    ResponseEntity<AssertedFactView> confirm(@PathVariable String statementId,
                                             @Valid @RequestBody Confirmation request, HttpServletRequest http) {
        Matcher statement = ClueEventValidator.STATEMENT_ID.matcher(statementId);
        if (!statement.matches()) {
            throw InvalidRequestException.of("statementId", "must be like STATEMENT-530600-2020-06");
        }
        String jurisdiction = statement.group(1);
        AgencyClient.of(http).requireJurisdiction(jurisdiction, "statementId");
        StatementConfirmed confirmation = new StatementConfirmed(facts.envelope(statementId,
                new Agency(agency.type(), jurisdiction), request.officerId(), request.occurredAt()), statementId,
                jurisdiction, statement.group(2), request.digest());
        return ResponseEntity.accepted().body(AssertedFacts.view(facts.assertFact("statement-confirmation:"
                + jurisdiction + ":" + request.recordId(), "recordId", request, confirmation)));
    }
}
