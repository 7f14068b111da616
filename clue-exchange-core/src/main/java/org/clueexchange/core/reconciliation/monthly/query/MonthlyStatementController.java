package org.clueexchange.core.reconciliation.monthly.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.reconciliation.monthly.StatementPeriod;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.core.reconciliation.monthly.statement.StatementProgress;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.StatementId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monthly statements (一月一对账) for reconciliation officers: issued, read in any format, breaks explained. */
@RestController
@RequestMapping("/api/reconciliation/monthly")
class MonthlyStatementController {

    private final MonthlyStatements statements;
    private final StatementDocuments documents;

    MonthlyStatementController(MonthlyStatements statements, StatementDocuments documents) {
        this.statements = statements;
        this.documents = documents;
    }

    record IssueRequest(
            @NotNull @Pattern(regexp = Jurisdictions.CODE_PATTERN, message = Jurisdictions.CODE_RULE)
            String jurisdiction,
            @NotNull @Pattern(regexp = StatementId.MONTH_PATTERN, message = "must be a month like 2020-06")
            String period,
            @NotBlank @Size(max = 64) String officerId) {
    }

    record BreakResolutionRequest(@NotBlank @Size(max = 128) String clueId, @NotNull BreakCategory category,
                                  @NotBlank @Size(max = 2000) String note,
                                  @NotBlank @Size(max = 64) String officerId) {
    }

    /** Issues the month's statement, or answers with the current one if the ledger has not changed what it says. */
    @PostMapping
    ResponseEntity<MonthlyStatementView> issue(@Valid @RequestBody IssueRequest request) {
        MonthlyStatementView statement = statements.issue(StatementPeriod.of(request.jurisdiction(),
                request.period()), request.officerId(), StatementProgress.SILENT);
        return ResponseEntity.created(URI.create("/api/reconciliation/monthly/" + statement.statementId()))
                .body(statement);
    }

    @GetMapping("/{statementId}")
    ResponseEntity<byte[]> one(@PathVariable String statementId,
                               @RequestParam(defaultValue = "json") String format) {
        StatementFormat chosen;
        try {
            chosen = StatementFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid("format", e.getMessage());
        }
        MonthlyStatementView statement = statements.find(statementId).orElseThrow(() ->
                RequestRefusedException.notFound("statementId", "no statement " + statementId + " has been issued"));
        ContentDisposition disposition = (chosen == StatementFormat.JSON || chosen == StatementFormat.HTML
                ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(chosen.fileName(statementId)).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(documents.write(statement, chosen));
    }

    @PostMapping("/{statementId}/break-resolutions")
    MonthlyStatementView resolve(@PathVariable String statementId,
                                 @Valid @RequestBody BreakResolutionRequest request) {
        return statements.resolveBreak(statementId, request.clueId(), request.category(), request.note(),
                request.officerId());
    }
}
