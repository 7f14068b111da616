package org.clueexchange.core.deadletter;

import static org.clueexchange.api.ProblemType.NOT_ENTITLED;
import static org.clueexchange.api.ProblemType.NOT_FOUND;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.clueexchange.api.Answers;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.access.CoreUser;
import org.clueexchange.wire.ClueEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events the core's projections could not handle, held per clue in Axon's dead-letter queue, and the way to have
 * a clue's held events handled again once their cause is mended.
 */
@RestController
@RequestMapping("/api/operations/dead-letters")
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final EventProcessingConfiguration processing;

    DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every held event of every processing group that has a queue, clue by clue, oldest clue first. */
    @GetMapping
    @Answers(refuses = NOT_ENTITLED)
    List<DeadLetterView> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (Map.Entry<String, SequencedDeadLetterQueue<EventMessage<?>>> group : queues().entrySet()) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : group.getValue().deadLetters()) {
                int position = 0;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() == limit) {
                        return letters;
                    }
                    letters.add(DeadLetterView.of(group.getKey(), position++, letter));
                }
            }
        }
        return letters;
    }

    /**
     * Hands the clue's held events, in order, to their processing group again. Those handled leave the queue; the
     * first that fails again stays, with its new cause, and so do the ones behind it.
     */
    @PostMapping("/{processingGroup}/{clueId}/retry")
    @Answers(refuses = {NOT_ENTITLED, NOT_FOUND})
    RetryResult retry(@PathVariable String processingGroup,
                      @PathVariable @Pattern(regexp = ClueEvents.CLUE_ID_PATTERN, message = ClueEvents.CLUE_ID_RULE)
                      String clueId,
                      @AuthenticationPrincipal CoreUser operator) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> RequestRefusedException.notFound("processingGroup",
                        processingGroup + " keeps no dead letters"));
        if (!queue.contains(clueId)) {
            throw RequestRefusedException.notFound("clueId", "no event of " + clueId + " is held in "
                    + processingGroup);
        }
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(processingGroup).orElseThrow();
        boolean handled = processor.process(letter -> letter.message() instanceof DomainEventMessage<?> event
                && event.getAggregateIdentifier().equals(clueId));
        log.info("{} retried the events of {} held in {}: {}", operator.id(), clueId, processingGroup,
                handled ? "all handled" : "still held");
        return new RetryResult(clueId, handled, queue.contains(clueId) ? queue.sequenceSize(clueId) : 0);
    }

    /** What a retry did: whether the held events were all handled, and how many are still held. */
    record RetryResult(String clueId, boolean handled, long stillHeld) {
    }

    private Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(group -> processing.deadLetterQueue(group)
                .ifPresent(queue -> queues.put(group, queue)));
        return queues;
    }
}
