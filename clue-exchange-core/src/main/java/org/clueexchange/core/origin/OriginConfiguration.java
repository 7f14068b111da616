package org.clueexchange.core.origin;

import java.nio.file.Path;
import org.clueexchange.core.CoreProperties;
import org.clueexchange.wire.origin.AgencyKeys;
import org.clueexchange.wire.origin.OriginVerifier;
import java.time.Clock;
import java.time.Duration;
import org.clueexchange.subscription.FactAdmission;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventValidator;
import org.clueexchange.wire.TimeBounds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The agencies' keys the core trusts ({@code clue-exchange.agency-keys}), and the one verifier of facts' origins
 * every reader of the topics in the core uses.
 */
@Configuration(proxyBeanMethods = false)
public class OriginConfiguration {

    /** The setting that names the agency keys file. */
    public static final String AGENCY_KEYS = "clue-exchange.agency-keys";

    /**
     * Made when something that reads facts needs it, so that a command that reads none (a statement drawn up from
     * the ledger) runs without the file; a core that reads facts without it could tell no agency's fact from a
     * forgery, so it does not start.
     */
    @Bean
    @Lazy
    OriginVerifier originVerifier(CoreProperties properties) {
        Path file = properties.agencyKeys();
        if (file == null) {
            throw new IllegalArgumentException(AGENCY_KEYS + ": is missing: the core needs the file of the "
                    + "agencies' public keys to verify the facts it reads");
        }
        try {
            return new OriginVerifier(AgencyKeys.load(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AGENCY_KEYS + ": " + e.getMessage(), e);
        }
    }

    /** The one judgement of a record in the core: the intake's, a period root's and an audit's alike. */
    @Bean
    @Lazy
    FactAdmission factAdmission(Clock clock, CoreProperties properties, OriginVerifier verifier) {
        return admission(clock, properties.intake().clockSkew(), verifier);
    }

    /** The admission of a reader outside the running core, as verify offline runs it. */
    public static FactAdmission admission(Clock clock, Duration clockSkew, OriginVerifier verifier) {
        return new FactAdmission(ClueEventCodec.create(), new ClueEventValidator(new TimeBounds(clock, clockSkew)),
                verifier);
    }
}
