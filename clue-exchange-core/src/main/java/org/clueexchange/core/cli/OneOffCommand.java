package org.clueexchange.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * An operation run once against the serving core's database and topics. It is given the core's own Spring
 * settings after its options, as the serving core is, so that an operator configures both alike.
 */
@Command(mixinStandardHelpOptions = true,
        footer = {"", "Spring settings go after the options, e.g. --spring.datasource.url=jdbc:postgresql://db/x"})
abstract class OneOffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /**
     * The core as a one-off command runs it ({@link CoreCommandLine#oneOff}).
     *
     * @param settings the command's own, after the operator's
     */
    ConfigurableApplicationContext startCore(String... settings) {
        List<String> arguments = new ArrayList<>(springArguments);
        arguments.addAll(List.of(settings));
        return CoreCommandLine.oneOff(arguments);
    }
}
