package org.clueexchange.core.casefile.query;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.clueexchange.api.Answers;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.access.CoreUser;
import org.clueexchange.core.access.PersonalDataAccessLog;
import org.clueexchange.core.casefile.messages.FindGangCase;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ContractLimits;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gang case files over HTTP, for the officers whose jurisdiction covers a case and for auditors; the officials
 * they name are personal data, so each read is in the personal data access log.
 */
@RestController
@RequestMapping("/api/gang-cases")
class GangCaseController {

    private final QueryGateway queries;
    private final PersonalDataAccessLog accessLog;

    GangCaseController(QueryGateway queries, PersonalDataAccessLog accessLog) {
        this.queries = queries;
        this.accessLog = accessLog;
    }

    /** A case outside the officer's jurisdiction is not found: its existence is not the officer's to know. */
    @GetMapping("/{caseNumber}")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    GangCaseView one(@PathVariable @Size(max = ContractLimits.CASE_NUMBER)
                     @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN, message = ClueEvents.CLUE_ID_RULE)
                     String caseNumber, @AuthenticationPrincipal CoreUser user) {
        GangCaseView found = queries.query(new FindGangCase(caseNumber),
                ResponseTypes.optionalInstanceOf(GangCaseView.class)).join()
                .filter(gangCase -> user.covers(gangCase.jurisdiction()))
                .orElseThrow(() -> RequestRefusedException.notFound("caseNumber", "no gang case " + caseNumber
                        + " is on file within " + user.id() + "'s reach"));
        accessLog.read(user, "gang-cases/" + caseNumber);
        return found;
    }
}
