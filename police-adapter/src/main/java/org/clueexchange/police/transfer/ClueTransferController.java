package org.clueexchange.police.transfer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.SentClueView;
import org.clueexchange.adapter.clues.SentClues;
import org.clueexchange.adapter.clues.SentCluesController;
import org.clueexchange.adapter.clues.TransferDraft;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.Subject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The police case system transfers clues found in gang cases here; it follows them at the same path. */
@RestController
@RequestMapping("/api/v1/clue-transfers")
class ClueTransferController {

    private final SentClues sent;

    ClueTransferController(SentClues sent) {
        this.sent = sent;
    }

    /**
     * Accepts the transfer once it is stored; it is published to the exchange right after, or as soon as Kafka is
     * reachable again. Repeating the request returns the first answer.
     */
    @PostMapping
    ResponseEntity<SentClueView> transfer(@Valid @RequestBody ClueTransferRequest request, HttpServletRequest http) {
        TransferDraft draft = new TransferDraft(request.recordId(), request.jurisdiction(),
                request.officerId(), request.occurredAt(), request.receiverJurisdiction(), TransferDraft.content(
                request.source() == null ? ClueSource.OWN_DISCOVERY : request.source(), request.allegation(),
                request.urgent(), request.officials().stream().map(official -> new Subject(official.name(),
                        official.unit(), official.rank(), official.role())).toList(),
                request.suspects() == null ? List.of() : request.suspects(),
                new GangCaseReference(request.caseNumber(), request.caseType()), request.summary(),
                request.attachments() == null ? List.of() : request.attachments().stream()
                        .map(attachment -> new Attachment(attachment.name(), attachment.sha256())).toList()));
        return SentCluesController.accepted(sent.transfer(draft, request, AgencyClient.of(http)));
    }
}
