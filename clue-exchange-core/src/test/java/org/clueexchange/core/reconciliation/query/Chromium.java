package org.clueexchange.core.reconciliation.query;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium, to print a statement's page as an officer's browser would. The browser is
 * {@code -Dchromium.path}, else {@code $CHROMIUM_PATH}, else {@code chromium} on the PATH; without one a test stops
 * here, failing in CI ({@code CI=true}, which installs it) and skipped elsewhere.
 */
public final class Chromium {

    private static final long TIMEOUT_SECONDS = 120;

    private final String executable;
    private final Path workDir;

    private Chromium(String executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** The configured browser, working in that directory (its profile and logs stay there). */
    public static Chromium in(Path workDir) {
        String executable = System.getProperty("chromium.path", System.getenv().getOrDefault("CHROMIUM_PATH",
                "chromium"));
        Chromium chromium = new Chromium(executable, workDir);
        String missing = chromium.missing();
        if (missing != null) {
            String message = "no Chromium to print the statement with: " + missing + " (set -Dchromium.path or "
                    + "CHROMIUM_PATH, or install the Debian packages chromium and fonts-noto-cjk as .ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return chromium;
    }

    /** Prints the page as "Save as PDF" would, without the browser's own header and footer. */
    public Path printToPdf(Path page) {
        Path pdf = page.resolveSibling(page.getFileName() + ".pdf");
        run("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
        return pdf;
    }

    /** What the screen shows of the page in a window that wide, as tall as the page needs up to that height. */
    public Path screenshot(Path page, int width, int height) {
        Path png = page.resolveSibling(page.getFileName() + ".png");
        run("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png,
                page.toUri().toString());
        return png;
    }

    private String missing() {
        try {
            Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return executable + " --version did not answer";
            }
            return process.exitValue() == 0 ? null : executable + " --version exited with " + process.exitValue();
        } catch (IOException e) {
            return executable + " cannot be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + workDir.resolve("profile")));
        command.addAll(List.of(arguments));
        Path log = workDir.resolve("chromium.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                fail("Chromium exited with " + process.exitValue() + ": " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            fail("Chromium cannot be run: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while Chromium ran " + command);
        }
    }
}
