package org.clueexchange.core;

import org.clueexchange.api.ApiProblems;
import org.clueexchange.core.cli.CoreCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The clue exchange's core: the bidirectional transfer ledger and everything that runs on it. */
@SpringBootApplication
@EnableConfigurationProperties(CoreProperties.class)
@Import(ApiProblems.class)
public class ClueExchangeCore {

    public static void main(String[] args) {
        System.exit(CoreCommandLine.run(args));
    }
}
