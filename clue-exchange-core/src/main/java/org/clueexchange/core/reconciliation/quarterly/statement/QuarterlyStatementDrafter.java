package org.clueexchange.core.reconciliation.quarterly.statement;

import java.util.ArrayList;
import java.util.List;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.quarterly.query.QuarterlyCaseFiles;
import org.clueexchange.core.reconciliation.statement.LateFacts;
import org.clueexchange.core.reconciliation.statement.StatementDraft;
import org.clueexchange.core.reconciliation.statement.StatementDrafter;
import org.clueexchange.core.reconciliation.statement.StatementHistory;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.core.reconciliation.statement.StatementText;
import org.springframework.stereotype.Component;

/**
 * The drafter of quarterly statements (查处涉黑涉恶犯罪案件中涉及公职人员情况一季度一对账): one snapshot of the case files
 * and the umbrella clues, the statement drawn up from it, and the late facts it carries as amendments.
 */
@Component
public class QuarterlyStatementDrafter implements StatementDrafter {

    private final QuarterlyCaseFiles caseFiles;

    public QuarterlyStatementDrafter(QuarterlyCaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @Override
    public Cadence cadence() {
        return Cadence.QUARTERLY;
    }

    @Override
    public Class<? extends StatementText> contentType() {
        return QuarterlyStatementContent.class;
    }

    @Override
    public StatementDraft draw(StatementPeriod period, StatementHistory history, StatementProgress progress) {
        progress.advanced("读取案件台账 reading the case files", 0, 1);
        // Only facts that reached the case files after last quarter's confirmed statement was drawn up can be
        // amendments now (LateFacts), so with last quarter's statement unconfirmed there are none to read.
        QuarterlyCaseFiles.Snapshot snapshot = caseFiles.snapshot(period.jurisdiction(), period.start(),
                period.end(), history.confirmed().get(period.previous()));
        progress.advanced("读取案件台账 reading the case files", 1, 1);
        List<QuarterlyStatementContent.CaseAmendment> amendments = new ArrayList<>();
        for (QuarterlyFacts.CaseFact fact : snapshot.late()) {
            LateFacts.amendedBy(period, fact.occurredAt(), fact.position(), history.confirmed()).ifPresent(amended ->
                    amendments.add(new QuarterlyStatementContent.CaseAmendment(fact.caseNumber(), null,
                            fact.fact().name(), fact.fact().label(), fact.assertedBy(), fact.occurredAt(),
                            fact.position(), amended.id())));
        }
        for (QuarterlyCaseFiles.LateClueFact fact : snapshot.lateClueFacts()) {
            LateFacts.amendedBy(period, fact.occurredAt(), fact.position(), history.confirmed()).ifPresent(amended ->
                    amendments.add(new QuarterlyStatementContent.CaseAmendment(fact.caseNumber(), fact.clueId(),
                            fact.fact().name(), fact.fact().label(), fact.assertedBy(), fact.occurredAt(),
                            fact.position(), amended.id())));
        }
        progress.advanced("比对案件 matching cases", 0, 1);
        QuarterlyStatementContent content = QuarterlyStatementBuilder.build(period, snapshot.facts(), amendments);
        progress.advanced("比对案件 matching cases", 1, 1);
        return new StatementDraft(content, snapshot.position());
    }
}
