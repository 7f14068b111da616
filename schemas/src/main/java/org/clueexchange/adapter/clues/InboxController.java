package org.clueexchange.adapter.clues;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.api.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An agency's inbox of clues transferred to it, pulled with a cursor: each adapter extends it, maps it to
 * {@code /api/v1/inbox} and shows a clue in its agency's terms.
 *
 * @param <T> the adapter's view of a transferred clue
 */
public abstract class InboxController<T> {

    protected final ReceivedClues clues;

    protected InboxController(ReceivedClues clues) {
        this.clues = clues;
    }

    /** The clue in the agency's terms, with its history on both sides. */
    protected abstract T view(ReceivedFact transfer);

    /** Clues transferred to the client's jurisdictions after the cursor {@code after}, oldest first. */
    @GetMapping
    public Page<T> list(@RequestParam(defaultValue = "0") @Min(0) long after,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, HttpServletRequest http) {
        Page<ReceivedFact> transfers = clues.transfers(AgencyClient.of(http).jurisdictions(), after, limit);
        return new Page<>(transfers.items().stream().map(this::view).toList(), transfers.next());
    }

    @GetMapping("/{clueId}")
    public T one(@PathVariable String clueId, HttpServletRequest http) {
        return view(clues.transfer(clueId, AgencyClient.of(http)));
    }

    /** The transfer of a clue in the client's inbox, for the adapter's own actions on it. */
    protected ReceivedFact transfer(String clueId, HttpServletRequest http) {
        return clues.transfer(clueId, AgencyClient.of(http));
    }
}
