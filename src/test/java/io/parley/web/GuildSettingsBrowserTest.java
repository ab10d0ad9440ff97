package io.parley.web;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's server settings in one Chromium, a member watching in another: a new channel and its
 * new order, an @everyone overwrite hiding a channel live, a coloured role given to the member.
 */
class GuildSettingsBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;
    private static TestParley parley;
    private static ChromeDriver a;
    private static ChromeDriver b;

    @BeforeAll
    static void start() throws Exception {
        Browsers.assumeAvailable();
        parley = TestParley.start(dataDir, Map.of());
        a = Browsers.start();
        b = Browsers.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebDriver driver : new WebDriver[]{a, b}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    void theOwnerManagesChannelsRolesAndOverwritesAndTheMemberSeesItLive() throws Exception {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Account member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Guild Hall");
        Guilds.join(api, member, guild, owner);
        signIn(a, owner, guild);
        signIn(b, member, guild);
        waitFor(b, d -> channelNames(d).contains("general"));
        assertTrue(b.findElements(By.cssSelector("button[aria-label='Server settings']")).isEmpty(),
                "a member without managing permissions is not offered the settings");

        waitFor(a, d -> d.findElement(By.cssSelector("button[aria-label='Server settings']"))).click();
        waitFor(a, d -> d.findElement(By.cssSelector("input[aria-label='Server name']")));
        shot(a, "settings-overview");
        tab("Channels");
        waitFor(a, d -> d.findElement(By.cssSelector("input[aria-label='New channel name']"))).sendKeys("lounge");
        a.findElement(By.xpath("//button[text()='Create channel']")).click();
        waitFor(b, d -> channelNames(d).equals(List.of("general", "lounge")));
        waitFor(a, d -> d.findElement(By.cssSelector("button[aria-label='Move lounge up']"))).click();
        waitFor(b, d -> channelNames(d).equals(List.of("lounge", "general")));
        shot(a, "settings-channels");

        waitFor(a, d -> d.findElement(By.cssSelector("li[data-channel='" + guild.generalChannelId() + "'] "
                + "button:nth-of-type(4)"))).click();
        new Select(waitFor(a, d -> d.findElement(By.cssSelector("select[aria-label='Role']")))).selectByValue(guild.id());
        a.findElement(By.cssSelector("input[aria-label='deny view channel']")).click();
        shot(a, "settings-overwrites");
        a.findElement(By.xpath("//button[text()='Save permissions']")).click();
        waitFor(b, d -> channelNames(d).equals(List.of("lounge")));

        tab("Roles");
        waitFor(a, d -> d.findElement(By.cssSelector("input[aria-label='New role name']"))).sendKeys("Gold");
        ((JavascriptExecutor) a).executeScript(
                "document.querySelector(\"input[aria-label='New role colour']\").value = '#d4a017'");
        a.findElement(By.xpath("//button[text()='Create role']")).click();
        waitFor(a, d -> d.findElement(By.cssSelector("input[aria-label='Name of role Gold']")));
        shot(a, "settings-roles");
        tab("Members");
        waitFor(a, d -> d.findElement(By.cssSelector("input[aria-label^='Role Gold for " + member.username() + "']"))).click();
        String colour = waitFor(b, d -> {
            for (WebElement name : d.findElements(By.cssSelector(".members .member-name"))) {
                if (name.getText().equals(member.username()) && name.getCssValue("color").contains("212, 160, 23")) {
                    return name.getCssValue("color");
                }
            }
            return null;
        });
        assertTrue(colour.contains("212, 160, 23"), colour);
        shot(a, "settings-members");
        String code = Guilds.invite(api, owner, guild.generalChannelId(), new io.vertx.core.json.JsonObject());
        tab("Invites");
        waitFor(a, d -> d.findElement(By.cssSelector("button[aria-label='Revoke invite " + code + "']"))).click();
        waitFor(a, d -> d.findElements(By.cssSelector("li[data-invite='" + code + "']")).isEmpty()
                && d.findElements(By.cssSelector(".settings-error")).stream().allMatch(e -> e.getText().isEmpty()));
        tab("Audit log");
        waitFor(a, d -> d.findElements(By.cssSelector(".audit-log li")).size() > 0 ? true : null);
        shot(a, "settings-audit-log");
        new org.openqa.selenium.interactions.Actions(a).sendKeys(Keys.ESCAPE).perform();
        waitFor(a, d -> d.findElements(By.cssSelector("dialog.settings-dialog")).isEmpty());
        shot(b, "settings-member-view");
        assertEquals(List.of("lounge"), channelNames(b));
    }

    private static void tab(String name) {
        a.findElement(By.xpath("//nav[@aria-label='Settings sections']/button[text()='" + name + "']")).click();
    }

    private static void signIn(WebDriver driver, Account account, Guild guild) {
        String base = "http://127.0.0.1:" + parley.node().httpPort();
        driver.get(base + "/login");
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('parley.token', arguments[0])", account.token());
        driver.get(base + "/channels/" + guild.id());
    }

    private static List<String> channelNames(WebDriver driver) {
        return driver.findElements(By.cssSelector(".channels a.channel")).stream()
                .map(e -> e.getText().replaceFirst("^#\\s*", "")).toList();
    }

    private static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot(a, "settings-failure-a");
                shot(b, "settings-failure-b");
            } catch (Exception ignored) {
                // the timeout is what matters
            }
            throw e;
        }
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
