package org.clueexchange.core.reconciliation.query;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.statement.StatementDrafter;
import org.clueexchange.core.reconciliation.statement.StatementText;
import org.springframework.stereotype.Component;

/** The cadences the core draws statements up for: one drafter bean each. */
@Component
public class StatementDrafters {

    private final Map<Cadence, StatementDrafter> drafters = new EnumMap<>(Cadence.class);

    public StatementDrafters(List<StatementDrafter> drafters) {
        for (StatementDrafter drafter : drafters) {
            if (this.drafters.put(drafter.cadence(), drafter) != null) {
                throw new IllegalStateException("two drafters of " + drafter.cadence() + " statements");
            }
        }
    }

    public Optional<StatementDrafter> of(Cadence cadence) {
        return Optional.ofNullable(drafters.get(cadence));
    }

    /** How the stored text of a statement of that cadence is read; a cadence once issued keeps its drafter. */
    Class<? extends StatementText> contentType(Cadence cadence) {
        return of(cadence).orElseThrow(() -> new IllegalStateException("statements of " + cadence
                + " were issued, but no drafter reads them")).contentType();
    }
}
