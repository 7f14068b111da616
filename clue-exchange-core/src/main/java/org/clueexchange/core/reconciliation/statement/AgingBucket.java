package org.clueexchange.core.reconciliation.statement;

/** How long a break has stood at the period's end. */
public enum AgingBucket {
    UP_TO_7_DAYS("7天以内", 7),
    UP_TO_30_DAYS("8至30天", 30),
    UP_TO_90_DAYS("31至90天", 90),
    OVER_90_DAYS("90天以上", Long.MAX_VALUE);

    private final String label;
    private final long maxDays;

    AgingBucket(String label, long maxDays) {
        this.label = label;
        this.maxDays = maxDays;
    }

    public String label() {
        return label;
    }

    public static AgingBucket of(long ageDays) {
        for (AgingBucket bucket : values()) {
            if (ageDays <= bucket.maxDays) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("no bucket for " + ageDays + " days");
    }
}
