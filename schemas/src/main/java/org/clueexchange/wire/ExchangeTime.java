package org.clueexchange.wire;

import java.time.ZoneOffset;

/**
 * The exchange's calendar. Times travel as instants; days, months and quarters are cut in China Standard Time, never
 * in UTC: 23:59 on 31 May in Zhaotong is still May, though it is 15:59 UTC.
 */
public final class ExchangeTime {

    public static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

    private ExchangeTime() {
    }
}
