package org.clueexchange.police.gangcase;

import static org.clueexchange.api.ProblemType.CONFLICTS_WITH_RECORD;
import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;
import static org.clueexchange.api.ProblemType.RECORD_ID_REUSED;

import jakarta.validation.Valid;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.api.Answers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 涉黑涉恶案件: the police case system registers its gang cases, marks them solved (破案) and names the public
 * officials involved in them (涉案公职人员), which the quarterly reconciliation (一季度一对账) holds against what
 * discipline did about each.
 */
@RestController
@RequestMapping("/api/v1/gang-cases")
class GangCaseController {

    private final GangCaseFacts cases;

    GangCaseController(GangCaseFacts cases) {
        this.cases = cases;
    }

    @PostMapping
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, RECORD_ID_REUSED, CONFLICTS_WITH_RECORD})
    ResponseEntity<AssertedFactView> register(@Valid @RequestBody GangCaseRegistration request, AgencyClient client) {
        return ResponseEntity.accepted().body(cases.register(request, client));
    }

    @PostMapping("/{caseNumber}/solution")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> solve(@PathVariable String caseNumber,
                                           @Valid @RequestBody GangCaseSolution request, AgencyClient client) {
        return ResponseEntity.accepted().body(cases.solve(caseNumber, request, client));
    }

    /** Only the official's person key leaves the adapter: the answer, the fact and the outbox hold no ID number. */
    @PostMapping("/{caseNumber}/officials")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> involve(@PathVariable String caseNumber,
                                             @Valid @RequestBody OfficialInvolvement request, AgencyClient client) {
        return ResponseEntity.accepted().body(cases.involve(caseNumber, request, client));
    }
}
