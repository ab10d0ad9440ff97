package io.parley.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Chromium from the system's packages (Debian's {@code chromium} and {@code chromium-driver}),
 * never one downloaded by Selenium Manager. Missing browser: the tests are skipped on a developer's
 * machine and fail under CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
final class Browsers {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARLEY_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("PARLEY_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browsers() {
    }

    static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (present) {
            return;
        }
        String message = "Chromium or chromedriver missing (" + CHROMIUM + ", " + DRIVER
                + "): install them with `apt-get install -y chromium chromium-driver` to run the web client's browser tests";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    static ChromeDriver start() {
        // Selenium Manager would fetch a browser or driver from the internet; both are given here.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--no-first-run", "--disable-extensions", "--force-color-profile=srgb");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
