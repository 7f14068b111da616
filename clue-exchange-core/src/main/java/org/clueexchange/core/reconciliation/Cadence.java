package org.clueexchange.core.reconciliation;

import java.util.Locale;
import java.util.Optional;
import org.clueexchange.wire.StatementId;

/**
 * How often a jurisdiction's two agencies reconcile a kind of record: the clues every month (一月一对账), the officials
 * involved in the gang cases every quarter (一季度一对账). Each cadence's statements are drawn up by its own drafter;
 * everything else about a statement is the same for both.
 */
public enum Cadence {
    MONTHLY(1, "month", StatementId.MONTH_PATTERN, "must be a month like 2020-06",
            "问题线索一月一对账 对账单", "Monthly clue reconciliation statement",
            new String[] {"政法机关对账人（签字）Police reconciliation officer",
                    "纪检监察机关对账人（签字）Discipline reconciliation officer"}),
    /** The leaders in charge sign beside the officers: the quarter's figures are reported upward as the agencies'. */
    QUARTERLY(3, "quarter", StatementId.QUARTER_PATTERN, "must be a quarter like 2020-Q3",
            "涉黑涉恶案件一季度一对账 对账单", "Quarterly reconciliation of officials involved in gang cases",
            new String[] {"政法机关对账人（签字）Police reconciliation officer",
                    "纪检监察机关对账人（签字）Discipline reconciliation officer",
                    "政法机关分管领导（签字）Police leader in charge",
                    "纪检监察机关分管领导（签字）Discipline leader in charge"});

    private final int months;
    private final String unit;
    private final String periodPattern;
    private final String periodRule;
    private final String title;
    private final String englishTitle;
    private final String[] signatories;

    Cadence(int months, String unit, String periodPattern, String periodRule, String title, String englishTitle,
            String[] signatories) {
        this.months = months;
        this.unit = unit;
        this.periodPattern = periodPattern;
        this.periodRule = periodRule;
        this.title = title;
        this.englishTitle = englishTitle;
        this.signatories = signatories;
    }

    /** How many calendar months one period spans. */
    public int months() {
        return months;
    }

    /** The period's English name, for messages: month, quarter. */
    public String unit() {
        return unit;
    }

    /** What a period of this cadence is written as, as a regular expression: {@code 2020-06}, {@code 2020-Q3}. */
    public String periodPattern() {
        return periodPattern;
    }

    /** The refusal of a period not written so. */
    public String periodRule() {
        return periodRule;
    }

    /** The printed statement's heading, in Chinese and in English. */
    public String title() {
        return title;
    }

    public String englishTitle() {
        return englishTitle;
    }

    /** Who signs the printed statement, in the order the signature blocks stand. */
    public String[] signatories() {
        return signatories.clone();
    }

    /** The cadence's name in paths and on the command line: monthly, quarterly. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The cadence of that path name, exactly as {@link #pathName} writes it. */
    public static Optional<Cadence> ofPathName(String name) {
        for (Cadence cadence : values()) {
            if (cadence.pathName().equals(name)) {
                return Optional.of(cadence);
            }
        }
        return Optional.empty();
    }

    /** The cadence of a statement named so. */
    public static Cadence of(StatementId statement) {
        return statement.quarterly() ? QUARTERLY : MONTHLY;
    }
}
