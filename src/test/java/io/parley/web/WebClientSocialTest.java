package io.parley.web;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
 * Friends, DMs, status and unread marks in two real headless Chromiums: A and B become friends
 * through the UI, A opens a DM and sends, B sees it with its unread badge which clears once read,
 * B goes do-not-disturb and A sees it, A mentions B in a channel B is not viewing and B's channel
 * list and tab title count it. Accounts and the guild are made over the API; the browsers sign in
 * with the token (the login page itself is WebClientBrowserTest's).
 */
class WebClientSocialTest {
    private static final String API = ApiClient.API;
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
    void friendsDirectMessagesStatusAndMentions() throws Exception {
        ApiClient api = parley.client();
        Account alice = api.register("correct horse battery");
        Account bob = api.register("correct horse battery");
        Guilds.Guild guild = Guilds.create(api, alice, "Tea Room");
        Guilds.join(api, bob, guild, alice);
        String general = textChannel(api, alice, guild.id(), "general");
        ApiClient.Reply side = api.post(API + "/guilds/" + guild.id() + "/channels",
                new JsonObject().put("name", "side").put("type", 0), alice.token());
        assertEquals(201, side.status(), side.body());
        String base = "http://127.0.0.1:" + parley.node().httpPort();
        signIn(a, base, alice);
        signIn(b, base, bob);

        // A asks by username, B accepts from the Pending tab
        WebElement name = waitFor(a, d -> d.findElement(By.cssSelector("input[aria-label='Username to add']")));
        name.sendKeys(bob.username());
        click(a, By.cssSelector("button[aria-label='Send friend request']"));
        waitFor(a, d -> d.findElement(By.cssSelector(".add-friend .form-note.ok")).getText().contains(bob.username()) ? true : null);
        click(a, By.xpath("//button[@role='tab'][starts-with(., 'Pending')]"));
        waitFor(a, d -> friendRow(d, bob.username()).getText().contains("Outgoing") ? true : null);
        shot(a, "friends-pending");
        waitFor(b, d -> d.findElement(By.xpath("//button[@role='tab'][starts-with(., 'Pending')]//span[@class='badge']")));
        click(b, By.xpath("//button[@role='tab'][starts-with(., 'Pending')]"));
        waitFor(b, d -> {
            d.findElement(By.cssSelector("button[aria-label='Accept " + alice.username() + "']")).click();
            return true;
        });
        click(b, By.xpath("//button[@role='tab'][.='All']"));
        waitFor(b, d -> friendRow(d, alice.username()));
        click(a, By.xpath("//button[@role='tab'][.='All']"));
        waitFor(a, d -> {
            friendRow(d, bob.username()).findElement(By.cssSelector("button[aria-label='Message " + bob.username() + "']")).click();
            return true;
        });

        // A's DM with B: the same message view and composer
        WebElement box = waitFor(a, d -> d.findElement(By.cssSelector(".channel-view textarea.compose")));
        assertTrue(a.getCurrentUrl().contains("/channels/@me/"), a.getCurrentUrl());
        box.sendKeys("psst, a direct message");
        box.sendKeys(Keys.ENTER);
        waitFor(a, d -> d.findElement(By.xpath("//li[contains(@class,'message')]//div[@class='content'][contains(., 'psst')]")));

        // B is on the friends view: the DM appears in the list, unread with a count, and the tab title counts it
        waitFor(b, d -> dmLink(d, alice.username()));
        waitFor(b, d -> dmLink(d, alice.username()).getDomAttribute("class").contains("unread")
                && badge(dmLink(d, alice.username())).equals("1") ? true : null);
        waitFor(b, d -> d.getTitle().equals("(1) Parley") ? true : null);
        assertEquals("1", b.findElement(By.cssSelector(".home-slot .badge")).getText(), "the home button counts the DM");
        shot(b, "dm-unread");
        click(b, By.xpath("//a[contains(@class,'dm')][contains(., '" + alice.username() + "')]"));
        waitFor(b, d -> d.findElement(By.xpath("//li[contains(@class,'message')]//div[@class='content'][contains(., 'psst')]")));
        waitFor(b, d -> !dmLink(d, alice.username()).getDomAttribute("class").contains("unread")
                && dmLink(d, alice.username()).findElements(By.cssSelector(".badge")).isEmpty() ? true : null);
        waitFor(b, d -> d.getTitle().equals("Parley") ? true : null);
        // the ack reached the server: after a reload (a new READY) the DM, not open now, is read
        b.get(base + "/channels/@me/friends");
        waitFor(b, d -> dmLink(d, alice.username()));
        assertTrue(!dmLink(b, alice.username()).getDomAttribute("class").contains("unread"), "READY's read state has the ack");
        assertEquals("Parley", b.getTitle());
        waitFor(b, d -> {
            dmLink(d, alice.username()).click();
            return true;
        });
        waitFor(b, d -> d.findElement(By.xpath("//li[contains(@class,'message')]//div[@class='content'][contains(., 'psst')]")));

        // B goes do-not-disturb with a custom status; A sees B's presence in the server's member list
        click(b, By.cssSelector("button.me-button"));
        waitFor(b, d -> {
            d.findElement(By.xpath("//dialog//button[contains(., 'Do not disturb')]")).click();
            return true;
        });
        waitFor(b, d -> d.findElements(By.cssSelector("dialog.status-dialog")).isEmpty() ? true : null);
        waitFor(b, d -> d.findElement(By.cssSelector(".user-bar .presence.dnd")));
        click(b, By.cssSelector("button.me-button"));
        WebElement custom = waitFor(b, d -> d.findElement(By.cssSelector("input[aria-label='Custom status']")));
        custom.sendKeys("Out to lunch");
        shot(b, "status-menu");
        custom.sendKeys(Keys.ENTER);
        waitFor(b, d -> d.findElement(By.cssSelector(".me-status")).getText().equals("Out to lunch") ? true : null);
        click(a, By.cssSelector("button[aria-label='Tea Room']"));
        waitFor(a, d -> d.findElement(By.xpath("//aside[contains(@class,'members')]//li[contains(@class,'member')]"
                + "[contains(., '" + bob.username() + "')]")).getDomAttribute("class").contains("dnd") ? true : null);

        // B reads #side; A mentions B in #general: B's #general gets a mention badge and the title counts it
        click(b, By.cssSelector("button[aria-label='Tea Room']"));
        waitFor(b, d -> {
            d.findElement(By.cssSelector("a.channel[data-channel='" + side.json().getString("id") + "']")).click();
            return true;
        });
        waitFor(b, d -> d.findElement(By.cssSelector("textarea[aria-label='Message #side']")));
        WebElement aBox = waitFor(a, d -> d.findElement(By.cssSelector("textarea[aria-label='Message #general']")));
        aBox.sendKeys("hey <@" + bob.id() + "> tea is ready");
        aBox.sendKeys(Keys.ENTER);
        By generalLink = By.cssSelector("a.channel[data-channel='" + general + "']");
        waitFor(b, d -> badge(d.findElement(generalLink)).equals("1") ? true : null);
        assertTrue(b.findElement(generalLink).getDomAttribute("class").contains("unread"), "the channel is bold");
        waitFor(b, d -> d.getTitle().equals("(1) Parley") ? true : null);
        assertEquals("1", b.findElement(By.cssSelector(".guild-list .badge")).getText(), "the server counts the mention");
        shot(b, "mention-badge");
        click(b, generalLink);
        waitFor(b, d -> d.findElement(generalLink).findElements(By.cssSelector(".badge")).isEmpty() ? true : null);
        waitFor(b, d -> d.getTitle().equals("Parley") ? true : null);

        // the home in the dark theme and at phone width
        b.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        click(b, By.cssSelector("button[aria-label='Direct messages']"));
        waitFor(b, d -> friendRow(d, alice.username()));
        shot(b, "friends-dark");
        b.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        waitFor(b, d -> {
            dmLink(d, alice.username()).click();
            return true;
        });
        waitFor(b, d -> d.findElement(By.xpath("//li[contains(@class,'message')]//div[@class='content'][contains(., 'psst')]")));
        shot(b, "dm-phone");
    }

    private static String textChannel(ApiClient api, Account owner, String guildId, String name) {
        JsonArray channels = api.get(API + "/guilds/" + guildId + "/channels", owner.token()).jsonArray();
        return channels.stream().map(JsonObject.class::cast)
                .filter(c -> c.getInteger("type") == 0 && name.equals(c.getString("name")))
                .findFirst().orElseThrow().getString("id");
    }

    private static void signIn(WebDriver driver, String base, Account account) {
        driver.get(base + "/login");
        waitFor(driver, d -> d.findElement(By.cssSelector("form[aria-label='Welcome back']")));
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('parley.token', arguments[0])", account.token());
        driver.get(base + "/channels/@me/friends");
        waitFor(driver, d -> d.findElement(By.cssSelector("section.friends-view")));
    }

    /** Finds and clicks in one go: the lists are rebuilt on events, so a found element may be replaced. */
    private static void click(WebDriver driver, By by) {
        waitFor(driver, d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private static WebElement friendRow(WebDriver driver, String username) {
        return driver.findElement(By.xpath("//li[contains(@class,'friend')][.//span[@class='friend-name'][.='" + username + "']]"));
    }

    private static WebElement dmLink(WebDriver driver, String username) {
        return driver.findElement(By.xpath("//a[contains(@class,'dm')][contains(., '" + username + "')]"));
    }

    private static String badge(WebElement element) {
        return element.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    private static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Files.write(SHOTS.resolve("social-" + name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
