package org.clueexchange.core.sla;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agreed time limits ({@code clue-exchange.sla.*}): {@code defaults}, and per jurisdiction (a province,
 * prefecture or county code) whatever differs there. A county's limits are the defaults, overridden by its
 * province's, then its prefecture's, then its own.
 *
 * <pre>
 * clue-exchange.sla.defaults.feedback-days: 30
 * clue-exchange.sla.jurisdictions.620102.pick-up: 24h    # Chengguan: files picked up within 24 hours
 * clue-exchange.sla.jurisdictions.620102.disposal: 2h
 * </pre>
 *
 * @param pollingInterval        how often the deadline scheduler looks for limits that fell due
 * @param lateAssertionTolerance how long after a fact occurred its agency may still assert it without its being a
 *                               late assertion (迟报)
 */
@ConfigurationProperties("clue-exchange.sla")
public record SlaProperties(@DefaultValue Limits defaults, Map<String, Limits> jurisdictions,
                            @DefaultValue("1s") Duration pollingInterval,
                            @DefaultValue("24h") Duration lateAssertionTolerance) {

    public SlaProperties {
        jurisdictions = jurisdictions == null ? Map.of() : Map.copyOf(jurisdictions);
    }

    /**
     * Limits, each null where it is not set at this level.
     *
     * @param pickUp         from transfer to receipt (签收)
     * @param acceptanceDays calendar days (UTC+8) after the day of transfer by whose end it is accepted; 0: the same
     *                       day (当天受理)
     * @param disposal       from acceptance to the disposal decision (处置)
     * @param feedbackDays   from acceptance to the feedback (反馈)
     */
    public record Limits(Duration pickUp, Integer acceptanceDays, Duration disposal, Integer feedbackDays) {

        static final Limits AGREED = new Limits(Duration.ofHours(24), 0, Duration.ofHours(2), 30);

        Limits over(Limits base) {
            return new Limits(pickUp != null ? pickUp : base.pickUp(),
                    acceptanceDays != null ? acceptanceDays : base.acceptanceDays(),
                    disposal != null ? disposal : base.disposal(),
                    feedbackDays != null ? feedbackDays : base.feedbackDays());
        }
    }
}
