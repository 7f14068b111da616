package org.clueexchange.adapter.clues;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.clueexchange.adapter.access.AgencyClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 督办, 挂账督办 and 提级办理 of any clue the agency sent or received. */
@RestController
public class SupervisionController {

    private final Supervisions supervisions;

    public SupervisionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @PostMapping("/api/v1/clues/{clueId}/supervision")
    ResponseEntity<AssertedFactView> supervise(@PathVariable String clueId,
                                               @Valid @RequestBody Requests.Supervision request,
                                               HttpServletRequest http) {
        return ResponseEntity.accepted().body(supervisions.order(clueId, request, AgencyClient.of(http)));
    }
}
