package org.clueexchange.core;

import org.clueexchange.api.ExchangeApi;
import org.clueexchange.core.cli.CoreCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The clue exchange's core: the bidirectional transfer ledger and everything that runs on it. Its users are
 * configured with their tokens' hashes ({@code clue-exchange.access}), so Spring's generated default user is left
 * out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(CoreProperties.class)
@Import(ExchangeApi.class)
public class ClueExchangeCore {

    public static void main(String[] args) {
        System.exit(CoreCommandLine.run(args));
    }
}
