package org.clueexchange.core.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the live projections from the event store: each processor's tokens are reset, its reset handler empties
 * the tables it owns, and it replays every event. Axon resets only the tokens it can claim, so a processor another
 * core instance still runs is refused; all projections are reset in one transaction, so that a refusal empties
 * nothing. Every instance has to be stopped first. The answers to
 * confirmations ({@code confirmation-outcomes}) are not a projection and are never replayed: they would be sent
 * again.
 */
@Component
public class ProjectionRebuild {

    /**
     * The projections, by processing group. The statements' is subscribing in a serving core; the rebuild runs it
     * as a tracking processor ({@link #TRACKED_STATEMENTS}), the only kind Axon can replay.
     */
    public static final List<String> PROJECTIONS = List.of("transfer-ledger", "gang-case-files", "statements");

    /** The setting that makes the statements' projection replayable in the rebuild's own context. */
    public static final String TRACKED_STATEMENTS = "--axon.eventhandling.processors.statements.mode=tracking";

    private static final Duration PAUSE = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;

    ProjectionRebuild(EventProcessingConfiguration processing, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Why a rebuild was not done, naming the projection. */
    public static final class RebuildRefusedException extends RuntimeException {
        RebuildRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Resets every projection, then waits until each has replayed the event store to its head.
     *
     * @param progress told of each step, for the operator
     */
    public void rebuild(Duration patience, Consumer<String> progress) throws InterruptedException {
        List<StreamingEventProcessor> processors = PROJECTIONS.stream().map(this::processor).toList();
        for (StreamingEventProcessor processor : processors) {
            long held = processing.deadLetterQueue(processor.getName()).map(SequencedDeadLetterQueue::amountOfSequences)
                    .orElse(0L);
            if (held > 0) {
                throw new RebuildRefusedException(processor.getName() + " holds the dead letters of " + held
                        + " sequences; retry or mend them first (/api/operations/dead-letters), or the replay "
                        + "would hold their later events too", null);
            }
        }
        processors.forEach(StreamingEventProcessor::shutDown);
        transactions.executeWithoutResult(status -> processors.forEach(processor -> {
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException e) {
                throw new RebuildRefusedException(processor.getName() + "'s tokens are claimed by another core "
                        + "instance: stop every core instance before a rebuild", e);
            }
        }));
        progress.accept("已重置 reset " + String.join(", ", PROJECTIONS));
        processors.forEach(StreamingEventProcessor::start);
        Instant deadline = Instant.now().plus(patience);
        for (StreamingEventProcessor processor : processors) {
            while (!replayed(processor)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new RebuildRefusedException(processor.getName() + " has not replayed the event store "
                            + "within " + patience, null);
                }
                Thread.sleep(PAUSE.toMillis());
            }
            progress.accept("已重建 rebuilt " + processor.getName());
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new IllegalStateException(name + " runs on no streaming processor: start the rebuild with "
                        + TRACKED_STATEMENTS));
    }

    /**
     * Every segment claimed and at the head of the event store, at or past where it was reset. Axon keeps a segment
     * replaying until an event after its reset position arrives, which on a stopped exchange may be never.
     */
    private static boolean replayed(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        return segments.values().stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum() == 1
                && segments.values().stream().allMatch(ProjectionRebuild::caughtUp);
    }

    private static boolean caughtUp(EventTrackerStatus segment) {
        return segment.isCaughtUp() && segment.getError() == null && (!segment.isReplaying()
                || segment.getCurrentPosition().orElse(-1) >= segment.getResetPosition().orElse(Long.MAX_VALUE));
    }
}
