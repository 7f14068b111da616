package org.clueexchange.core.reconciliation.query;

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
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
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

/**
 * Statements for reconciliation officers, of every cadence the core draws up ({@code monthly} 一月一对账,
 * {@code quarterly} 一季度一对账): issued, read in any format, breaks explained.
 */
@RestController
@RequestMapping("/api/reconciliation/{cadence}")
public class StatementController {

    /** A break category's name: the constant of its cadence's categories. */
    private static final String CATEGORY_PATTERN = "[A-Z][A-Z0-9_]{0,63}";

    private final Statements statements;
    private final StatementDocuments documents;

    private final PersonalDataAccessLog accessLog;

    StatementController(Statements statements, StatementDocuments documents, PersonalDataAccessLog accessLog) {
        this.statements = statements;
        this.documents = documents;
        this.accessLog = accessLog;
    }

    /** What issuing a statement asks for; the workbench's form asks the same. */
    public record IssueRequest(
            @NotNull @Pattern(regexp = Jurisdictions.CODE_PATTERN, message = Jurisdictions.CODE_RULE)
            String jurisdiction,
            @NotNull @Pattern(regexp = StatementId.MONTH_PATTERN + "|" + StatementId.QUARTER_PATTERN,
                    message = "must be a month like 2020-06 or a quarter like 2020-Q3")
            String period) {
    }

    /** What resolving a break asks for; the workbench's form asks the same. */
    public record BreakResolutionRequest(
            @NotNull @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN, message = ClueEvents.CLUE_ID_RULE) String clueId,
            @NotNull @Pattern(regexp = CATEGORY_PATTERN, message = "must be the name of a break category, "
                    + "e.g. SENT_NOT_RECEIVED") String category,
            @NotNull @FreeText(max = ResolveStatementBreak.NOTE) String note) {
    }

    /** Issues the period's statement, or answers with the current one if the ledger has not changed what it says. */
    @PostMapping
    @Answers(status = HttpStatus.CREATED, refuses = {NOT_ENTITLED, NOT_FOUND})
    ResponseEntity<StatementView> issue(@PathVariable("cadence") String cadenceName,
                                        @Valid @RequestBody IssueRequest request,
                                        @AuthenticationPrincipal CoreUser officer) {
        Cadence cadence = cadence(cadenceName);
        if (!request.period().matches(cadence.periodPattern())) {
            throw RequestRefusedException.invalid("period", cadence.periodRule());
        }
        if (!officer.covers(request.jurisdiction())) {
            throw RequestRefusedException.notPermitted("jurisdiction", "lies outside " + officer.id()
                    + "'s jurisdiction " + officer.jurisdiction());
        }
        StatementView statement = statements.issue(StatementPeriod.of(request.jurisdiction(), request.period()),
                officer.id(), StatementProgress.SILENT);
        String path = "reconciliation/" + cadence.pathName() + "/" + statement.statementId();
        accessLog.read(officer, path + " (issued)");
        return ResponseEntity.created(URI.create("/api/" + path)).body(statement);
    }

    @GetMapping("/{statementId}")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    ResponseEntity<byte[]> one(@PathVariable("cadence") String cadenceName, @PathVariable String statementId,
                               @RequestParam(defaultValue = "json") String format,
                               @AuthenticationPrincipal CoreUser user) {
        Cadence cadence = cadence(cadenceName);
        StatementFormat chosen;
        try {
            chosen = StatementFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid("format", e.getMessage());
        }
        StatementView statement = withinReach(cadence, statementId, user);
        accessLog.read(user, "reconciliation/" + cadence.pathName() + "/" + statementId + "?format=" + chosen);
        ContentDisposition disposition = (chosen == StatementFormat.JSON || chosen == StatementFormat.HTML
                ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(chosen.fileName(statementId)).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(documents.write(statement, chosen));
    }

    @PostMapping("/{statementId}/break-resolutions")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    StatementView resolve(@PathVariable("cadence") String cadenceName, @PathVariable String statementId,
                          @Valid @RequestBody BreakResolutionRequest request,
                          @AuthenticationPrincipal CoreUser officer) {
        Cadence cadence = cadence(cadenceName);
        withinReach(cadence, statementId, officer);
        StatementView resolved = statements.resolveBreak(statementId, request.clueId(), request.category(),
                request.note(), officer.id());
        accessLog.read(officer, "reconciliation/" + cadence.pathName() + "/" + statementId + " (break of "
                + request.clueId() + " explained)");
        return resolved;
    }

    /** The cadence a path names, if the core draws up its statements. */
    private Cadence cadence(String name) {
        return Cadence.ofPathName(name).filter(statements::draws).orElseThrow(() -> RequestRefusedException
                .notFound("cadence", "is none the core draws up statements for, such as monthly"));
    }

    /** The statement of that cadence, if it has been issued and its jurisdiction is the user's to see. */
    private StatementView withinReach(Cadence cadence, String statementId, CoreUser user) {
        StatementView statement = statements.find(statementId).filter(found -> found.cadence() == cadence)
                .orElseThrow(() -> RequestRefusedException.notFound("statementId", "no " + cadence.pathName()
                        + " statement " + statementId + " has been issued"));
        if (!user.covers(statement.jurisdiction())) {
            throw RequestRefusedException.notPermitted("statementId", "is a statement of " + statement.jurisdiction()
                    + ", outside " + user.id() + "'s jurisdiction");
        }
        return statement;
    }
}
