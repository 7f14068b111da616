package org.clueexchange.core.workbench;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each agency's adapter serves its confirmation page ({@code clue-exchange.workbench.*}): confirming a
 * statement is the agency's own assertion, made through its adapter under its own authentication, so the workbench
 * hands the officer over to it rather than confirming anything itself.
 *
 * @param policeConfirmation     the police adapter's confirmation page, e.g. {@code https://police-adapter/confirm};
 *                               none: the workbench names the adapter's API instead of linking to it
 * @param disciplineConfirmation the discipline adapter's
 */
@ConfigurationProperties("clue-exchange.workbench")
public record WorkbenchProperties(URI policeConfirmation, URI disciplineConfirmation) {
}
