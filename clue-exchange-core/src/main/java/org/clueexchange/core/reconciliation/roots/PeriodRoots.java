package org.clueexchange.core.reconciliation.roots;

import org.clueexchange.core.CoreProperties;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.query.StatementProjection;
import org.clueexchange.subscription.FactAdmission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Computes the root a statement is issued with: the next link of its jurisdiction's and cadence's chain, over the
 * agency topics' records from the last link's cut to where they end now, read straight from the broker.
 */
@Component
public class PeriodRoots {

    private final StatementProjection statements;
    private final String bootstrapServers;
    private final ObjectProvider<FactAdmission> admission;

    /**
     * @param admission the intake's, so that a root counts what the ledger was offered; made only when a root is,
     *                  since it needs the agency keys and a command that issues no statement does not
     */
    public PeriodRoots(StatementProjection statements, CoreProperties properties,
                       ObjectProvider<FactAdmission> admission) {
        this.statements = statements;
        this.bootstrapServers = properties.kafka().bootstrapServers();
        this.admission = admission;
    }

    public PeriodRoot next(StatementPeriod period) {
        PeriodRoot last = statements.lastRoot(period.jurisdiction(), period.cadence()).orElse(null);
        Cut from = last == null ? Cut.START : Cut.parse(last.cut());
        String previousRoot = last == null ? PeriodWindow.FIRST_PREVIOUS_ROOT : last.root();
        FactAdmission admission = this.admission.getObject();
        try (TopicRecords topics = new TopicRecords(bootstrapServers, "clue-exchange-core-period-root")) {
            Cut to = topics.cut();
            PeriodWindow window = new PeriodWindow(period.jurisdiction(), previousRoot, from, to);
            topics.read(from, to, record -> window.take(record, admission.admit(record.consumerRecord())));
            return new PeriodRoot(last == null ? 1 : last.link() + 1, window.root(), previousRoot, to.text(),
                    window.size());
        }
    }
}
