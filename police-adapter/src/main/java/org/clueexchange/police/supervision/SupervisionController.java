package org.clueexchange.police.supervision;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;
import static org.clueexchange.api.ProblemType.RECORD_ID_REUSED;

import jakarta.validation.Valid;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.clues.Supervisions;
import org.clueexchange.api.Answers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 督办, 挂账督办 and 提级办理 of a clue the police sent or received, by its organ or a level above it. */
@RestController
class SupervisionController {

    private final Supervisions supervisions;

    SupervisionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @PostMapping("/api/v1/clues/{clueId}/supervision")
    @Answers(status = HttpStatus.ACCEPTED, refuses = {NOT_ENTITLED, NOT_FOUND, RECORD_ID_REUSED})
    ResponseEntity<AssertedFactView> supervise(@PathVariable String clueId,
                                               @Valid @RequestBody Requests.Supervision request,
                                               AgencyClient client) {
        return ResponseEntity.accepted().body(supervisions.order(clueId, request, client));
    }
}
