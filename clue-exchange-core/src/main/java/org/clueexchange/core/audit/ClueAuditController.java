package org.clueexchange.core.audit;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;

import jakarta.validation.constraints.Pattern;
import org.clueexchange.api.Answers;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.access.CoreUser;
import org.clueexchange.core.access.PersonalDataAccessLog;
import org.clueexchange.core.reconciliation.query.StatementFormat;
import org.clueexchange.wire.ClueEvents;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit of one clue over HTTP, as JSON or as a page to print ({@code ?format=html}, or a browser's
 * {@code Accept: text/html}). An auditor audits every clue, an officer those sent or received within the
 * jurisdiction; another clue is not found, as on the ledger. Each audit is in the personal data access log.
 */
@RestController
@RequestMapping("/api/audit/clues")
class ClueAuditController {

    private final ClueAudits audits;
    private final ClueAuditDocuments documents;
    private final PersonalDataAccessLog accessLog;

    ClueAuditController(ClueAudits audits, ClueAuditDocuments documents, PersonalDataAccessLog accessLog) {
        this.audits = audits;
        this.documents = documents;
        this.accessLog = accessLog;
    }

    @GetMapping("/{clueId}")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    ResponseEntity<byte[]> audit(@PathVariable @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN,
                                         message = ClueEvents.CLUE_ID_RULE) String clueId,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                 @AuthenticationPrincipal CoreUser user) {
        StatementFormat chosen = format == null ? (asksForPage(accept) ? StatementFormat.HTML : StatementFormat.JSON)
                : ClueAuditDocuments.format(format);
        ClueAudit audit = audits.audit(clueId, user::covers).orElseThrow(() -> RequestRefusedException.notFound(
                "clueId", "no clue " + clueId + " is on the ledger within " + user.id() + "'s reach"));
        accessLog.read(user, "audit/clues/" + clueId + "?format=" + chosen);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .body(documents.write(audit, chosen));
    }

    /** Whether the caller names a page among what it accepts, as a browser does; API clients name JSON or nothing. */
    private static boolean asksForPage(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.equalsTypeAndSubtype(
                    MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            throw RequestRefusedException.invalid(HttpHeaders.ACCEPT, "is no list of media types");
        }
    }
}
