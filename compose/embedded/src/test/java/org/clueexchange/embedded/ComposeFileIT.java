package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compose deployment is accepted by Docker Compose with the secrets its script writes, and refused without
 * them. Where tests run on containers (CI), a Compose CLI is required; elsewhere the check needs one installed.
 */
class ComposeFileIT {

    private static final Path COMPOSE = Path.of(System.getProperty("clue-exchange.compose", "..")).toAbsolutePath();

    @Test
    void dockerComposeAcceptsTheDeploymentWithItsSecretsAndRefusesItWithout() throws Exception {
        List<String> compose = composeCommand();
        Path secrets = Files.createTempDirectory("compose-secrets");
        assertThat(run(List.of("bash", COMPOSE.resolve("make-secrets.sh").toString(), "530600",
                secrets.toString())).exitCode()).isZero();

        Result accepted = run(plus(compose, "-f", COMPOSE.resolve("docker-compose.yml").toString(),
                "--env-file", secrets.resolve(".env").toString(), "config", "-q"));
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();

        Result refused = run(plus(compose, "-f", COMPOSE.resolve("docker-compose.yml").toString(),
                "--env-file", Files.writeString(secrets.resolve("empty.env"), "").toString(), "config", "-q"));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("run compose/make-secrets.sh");
    }

    /** {@code docker compose} (v2) or {@code docker-compose} (v1), whichever this machine has. */
    private static List<String> composeCommand() throws Exception {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                if (run(plus(candidate, "version")).exitCode() == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next
            }
        }
        boolean required = ExchangeInfrastructure.modeFromEnvironment() == ExchangeInfrastructure.Mode.CONTAINERS;
        assertThat(required).as("a Docker engine runs here, so a Docker Compose CLI is expected as well").isFalse();
        Assumptions.abort("no Docker Compose CLI on this machine");
        return List.of();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }

    private static List<String> plus(List<String> command, String... arguments) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(arguments));
        return all;
    }
}
