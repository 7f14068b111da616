package org.clueexchange.core.workbench;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operating system's Chromium, headless, driven through its chromedriver as an officer's browser. The browser
 * is {@code -Dchromium.path}, else {@code $CHROMIUM_PATH}, else {@code chromium} on the PATH; the driver
 * {@code -Dchromedriver.path}, else {@code $CHROMEDRIVER_PATH}, else {@code chromedriver} on the PATH. Without
 * either a test stops here, failing in CI ({@code CI=true}, which installs both) and skipped elsewhere.
 */
final class Browser {

    private Browser() {
    }

    static ChromeDriver headless(Path workDir, int width, int height) {
        String chromium = executable("chromium.path", "CHROMIUM_PATH", "chromium");
        String driver = executable("chromedriver.path", "CHROMEDRIVER_PATH", "chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .withLogFile(workDir.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--lang=zh-CN",
                "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--user-data-dir=" + workDir.resolve("profile"));
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // A form's answer is a new page: what a test looks for next may take a moment to be there.
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return browser;
    }

    private static String executable(String property, String variable, String name) {
        String configured = System.getProperty(property, System.getenv().getOrDefault(variable, name));
        Optional<Path> found = configured.contains(File.separator) ? Optional.of(Path.of(configured))
                .filter(Files::isExecutable) : Arrays.stream(System.getenv().getOrDefault("PATH", "")
                .split(File.pathSeparator)).map(directory -> Path.of(directory, configured))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String message = "no " + configured + " to drive the workbench with (set -D" + property + " or "
                    + variable + ", or install the Debian packages chromium and chromium-driver as .ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return found.get().toString();
    }
}
