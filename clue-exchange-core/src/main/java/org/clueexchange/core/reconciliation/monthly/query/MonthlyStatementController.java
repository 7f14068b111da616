package org.clueexchange.core.reconciliation.monthly.query;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.clueexchange.api.Answers;
import org.clueexchange.api.FreeText;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.access.CoreUser;
import org.clueexchange.core.access.PersonalDataAccessLog;
import org.clueexchange.core.reconciliation.monthly.StatementPeriod;
import org.clueexchange.core.reconciliation.monthly.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.core.reconciliation.monthly.statement.StatementProgress;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.StatementId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    private final PersonalDataAccessLog accessLog;

    MonthlyStatementController(MonthlyStatements statements, StatementDocuments documents,
                               PersonalDataAccessLog accessLog) {
        this.statements = statements;
        this.documents = documents;
        this.accessLog = accessLog;
    }

    record IssueRequest(
            @NotNull @Pattern(regexp = Jurisdictions.CODE_PATTERN, message = Jurisdictions.CODE_RULE)
            String jurisdiction,
            @NotNull @Pattern(regexp = StatementId.MONTH_PATTERN, message = "must be a month like 2020-06")
            String period) {
    }

    record BreakResolutionRequest(
            @NotNull @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN, message = ClueEvents.CLUE_ID_RULE) String clueId,
            @NotNull BreakCategory category,
            @NotNull @FreeText(max = ResolveStatementBreak.NOTE) String note) {
    }

    /** Issues the month's statement, or answers with the current one if the ledger has not changed what it says. */
    @PostMapping
    @Answers(status = HttpStatus.CREATED, refuses = NOT_ENTITLED)
    ResponseEntity<MonthlyStatementView> issue(@Valid @RequestBody IssueRequest request,
                                               @AuthenticationPrincipal CoreUser officer) {
        if (!officer.covers(request.jurisdiction())) {
            throw RequestRefusedException.notPermitted("jurisdiction", "lies outside " + officer.id()
                    + "'s jurisdiction " + officer.jurisdiction());
        }
        MonthlyStatementView statement = statements.issue(StatementPeriod.of(request.jurisdiction(),
                request.period()), officer.id(), StatementProgress.SILENT);
        accessLog.read(officer, "reconciliation/monthly/" + statement.statementId() + " (issued)");
        return ResponseEntity.created(URI.create("/api/reconciliation/monthly/" + statement.statementId()))
                .body(statement);
    }

    @GetMapping("/{statementId}")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    ResponseEntity<byte[]> one(@PathVariable String statementId,
                               @RequestParam(defaultValue = "json") String format,
                               @AuthenticationPrincipal CoreUser user) {
        StatementFormat chosen;
        try {
            chosen = StatementFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid("format", e.getMessage());
        }
        MonthlyStatementView statement = withinReach(statementId, user);
        accessLog.read(user, "reconciliation/monthly/" + statementId + "?format=" + chosen);
        ContentDisposition disposition = (chosen == StatementFormat.JSON || chosen == StatementFormat.HTML
                ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(chosen.fileName(statementId)).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(documents.write(statement, chosen));
    }

    @PostMapping("/{statementId}/break-resolutions")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    MonthlyStatementView resolve(@PathVariable String statementId,
                                 @Valid @RequestBody BreakResolutionRequest request,
                                 @AuthenticationPrincipal CoreUser officer) {
        withinReach(statementId, officer);
        MonthlyStatementView resolved = statements.resolveBreak(statementId, request.clueId(), request.category(),
                request.note(), officer.id());
        accessLog.read(officer, "reconciliation/monthly/" + statementId + " (break of " + request.clueId()
                + " explained)");
        return resolved;
    }

    /** The statement, if it has been issued and its jurisdiction is the user's to see. */
    private MonthlyStatementView withinReach(String statementId, CoreUser user) {
        MonthlyStatementView statement = statements.find(statementId).orElseThrow(() ->
                RequestRefusedException.notFound("statementId", "no statement " + statementId + " has been issued"));
        if (!user.covers(statement.jurisdiction())) {
            throw RequestRefusedException.notPermitted("statementId", "is a statement of " + statement.jurisdiction()
                    + ", outside " + user.id() + "'s jurisdiction");
        }
        return statement;
    }
}
