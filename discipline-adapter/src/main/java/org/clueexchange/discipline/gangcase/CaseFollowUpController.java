package org.clueexchange.discipline.gangcase;

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
 * What the commission did about a gang case the police solved (一案三查): its follow-up (同步跟进), the three checks,
 * the umbrella finding (保护伞认定), the three signatures on a no-umbrella closure (签字背书) and the re-trace that
 * reopens it (回溯核查). The case is the one the police registered under {@code caseNumber}, once its registration
 * has reached this adapter.
 */
@RestController
@RequestMapping("/api/v1/gang-cases/{caseNumber}")
class CaseFollowUpController {

    private final CaseFollowUps followUps;

    CaseFollowUpController(CaseFollowUps followUps) {
        this.followUps = followUps;
    }

    @PostMapping("/follow-up")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> followUp(@PathVariable String caseNumber,
                                              @Valid @RequestBody CaseRequests.FollowUp request,
                                              AgencyClient client) {
        return ResponseEntity.accepted().body(followUps.followUp(caseNumber, request, client));
    }

    @PostMapping("/checks")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> completeCheck(@PathVariable String caseNumber,
                                                   @Valid @RequestBody CaseRequests.CheckCompletion request,
                                                   AgencyClient client) {
        return ResponseEntity.accepted().body(followUps.completeCheck(caseNumber, request, client));
    }

    @PostMapping("/umbrella-finding")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> findUmbrella(@PathVariable String caseNumber,
                                                  @Valid @RequestBody CaseRequests.UmbrellaFinding request,
                                                  AgencyClient client) {
        return ResponseEntity.accepted().body(followUps.findUmbrella(caseNumber, request, client));
    }

    @PostMapping("/endorsements")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED,
            CONFLICTS_WITH_RECORD})
    ResponseEntity<AssertedFactView> endorse(@PathVariable String caseNumber,
                                             @Valid @RequestBody CaseRequests.Endorsement request,
                                             AgencyClient client) {
        return ResponseEntity.accepted().body(followUps.endorse(caseNumber, request, client));
    }

    @PostMapping("/retrace")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> retrace(@PathVariable String caseNumber,
                                             @Valid @RequestBody CaseRequests.Retrace request, AgencyClient client) {
        return ResponseEntity.accepted().body(followUps.retrace(caseNumber, request, client));
    }
}
