package io.parley.web;

import io.parley.testing.ApiClient;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two people in two real headless Chromiums against a Parley of their own: register, a guild and
 * its invite, joining through the link, live messages, replies, edits, deletes, reactions, typing,
 * a lost network with what was sent meanwhile arriving after the reconnect, and logging out.
 * B reaches Parley through a {@link CuttableProxy}, so its network can be cut from the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientBrowserTest {
    private static final String API = ApiClient.API;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;
    private static TestParley parley;
    private static CuttableProxy bNetwork;
    private static ChromeDriver a;
    private static ChromeDriver b;

    @BeforeAll
    static void start() throws Exception {
        Browsers.assumeAvailable();
        parley = TestParley.start(dataDir, Map.of());
        bNetwork = CuttableProxy.to(parley.node().httpPort());
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
        if (bNetwork != null) {
            bNetwork.close();
        }
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    @Order(1)
    void twoPeopleChatLiveThroughTheirBrowsers() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String alice = "alice_" + suffix;
        String bob = "bob_" + suffix;
        String aBase = "http://127.0.0.1:" + parley.node().httpPort();
        String bBase = "http://127.0.0.1:" + bNetwork.port();

        a.get(aBase + "/");
        waitFor(a, d -> d.findElement(By.cssSelector("form[aria-label='Welcome back']")));
        recordLoadTiming(a, "cold-server");
        shot(a, "login");
        a.findElement(By.linkText("Register")).click();
        fill(a, "username", alice);
        fill(a, "email", alice + "@example.com");
        fill(a, "password", "short");
        a.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement passwordError = waitFor(a, d -> shown(d, "#e-password"));
        assertTrue(passwordError.getText().length() > 0, "the password's error is shown beside it");
        shot(a, "register-error");
        fill(a, "password", "correct horse battery");
        a.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(a, d -> d.findElement(By.cssSelector("button[aria-label='Create a server']"))).click();
        a.switchTo().alert().sendKeys("Tea Room");
        a.switchTo().alert().accept();
        waitFor(a, d -> d.findElement(By.cssSelector("textarea[aria-label='Message #general']")));
        a.findElement(By.cssSelector("button[aria-label='Invite people']")).click();
        String invite = waitFor(a, d -> {
            String value = d.findElement(By.cssSelector(".invite-link")).getDomProperty("value");
            return value != null && value.contains("/invite/") ? value : null;
        });
        a.findElement(By.cssSelector("dialog button.primary")).click();
        String code = invite.substring(invite.lastIndexOf('/') + 1);

        b.get(bBase + "/invite/" + code);
        waitFor(b, d -> d.findElement(By.xpath("//h1[text()='Tea Room']")));
        shot(b, "invite");
        b.findElement(By.linkText("Register to join")).click();
        fill(b, "username", bob);
        fill(b, "email", bob + "@example.com");
        fill(b, "password", "correct horse battery");
        b.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(b, d -> d.findElement(By.cssSelector("button[aria-label='Accept invite']"))).click();
        WebElement bBox = waitFor(b, d -> d.findElement(By.cssSelector("textarea[aria-label='Message #general']")));

        channelsFollowWhatBobMayView(bob);

        WebElement aBox = a.findElement(By.cssSelector("textarea[aria-label='Message #general']"));
        aBox.sendKeys("hello **world**, see https://example.com");
        aBox.sendKeys(Keys.ENTER);
        WebElement seen = waitFor(b, d -> message(d, "hello world"));
        assertEquals("world", seen.findElement(By.tagName("strong")).getText(), "Markdown bold arrives as bold");
        WebElement link = seen.findElement(By.cssSelector("a[href='https://example.com/']"));
        assertEquals("noopener noreferrer", link.getDomAttribute("rel"));
        assertEquals("_blank", link.getDomAttribute("target"));

        // typing is ephemeral and best-effort (never replayed), so B keeps typing as a person
        // would; B's client posts it at most every 8 s
        bBox.sendKeys("thinking");
        waitFor(a, d -> {
            if (d.findElement(By.cssSelector(".typing")).getText().contains("is typing")) {
                return true;
            }
            bBox.sendKeys(".");
            return null;
        });
        bBox.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        clickAction(b, "hello world", "Reply");
        waitFor(b, d -> d.findElement(By.cssSelector(".compose-bar")).isDisplayed() ? true : null);
        bBox.sendKeys(Keys.ESCAPE);
        waitFor(b, d -> d.findElement(By.cssSelector(".compose-bar")).isDisplayed() ? null : true);
        clickAction(b, "hello world", "Reply");
        bBox.sendKeys("a reply to you");
        bBox.sendKeys(Keys.ENTER);
        WebElement reply = waitFor(a, d -> message(d, "a reply to you"));
        assertTrue(reply.findElement(By.cssSelector(".reply-preview")).getText().contains("hello"),
                "the reply quotes the message it answers");

        aBox.sendKeys(Keys.ARROW_UP);
        waitFor(a, d -> "hello **world**, see https://example.com".equals(aBox.getDomProperty("value")) ? true : null);
        aBox.sendKeys(Keys.chord(Keys.CONTROL, "a"), "hello edited");
        aBox.sendKeys(Keys.ENTER);
        WebElement edited = waitFor(b, d -> message(d, "hello edited"));
        assertTrue(edited.getText().contains("(edited)"));

        clickAction(a, "a reply to you", "React with 👍");
        waitFor(b, d -> reactionCount(d, "a reply to you", "1"));
        waitFor(a, d -> reactionCount(d, "a reply to you", "1"));
        waitFor(b, d -> {
            d.findElement(By.cssSelector("li.message .reaction")).click();
            return true;
        });
        waitFor(a, d -> reactionCount(d, "a reply to you", "2"));
        waitFor(b, d -> "true".equals(d.findElement(By.cssSelector(".reaction")).getDomAttribute("aria-pressed")) ? true : null);
        waitFor(b, d -> {
            d.findElement(By.cssSelector("li.message .reaction")).click();
            return true;
        });
        waitFor(a, d -> reactionCount(d, "a reply to you", "1"));
        waitFor(b, d -> reactionCount(d, "a reply to you", "1"));
        shot(a, "chat");
        a.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        shot(a, "chat-dark");
        a.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of()));

        aBox.sendKeys("line one", Keys.chord(Keys.SHIFT, Keys.ENTER), "line two");
        aBox.sendKeys(Keys.ENTER);
        WebElement twoLines = waitFor(b, d -> message(d, "line two"));
        assertEquals("line one\nline two", twoLines.findElement(By.cssSelector(".content")).getText(),
                "Shift+Enter breaks the line, Enter sends");

        aBox.sendKeys("<img src=x onerror=alert(1)> <b>not bold</b>");
        aBox.sendKeys(Keys.ENTER);
        WebElement markup = waitFor(b, d -> message(d, "<b>not bold</b>"));
        assertTrue(markup.findElements(By.cssSelector(".content img, .content b")).isEmpty(),
                "markup in a message is shown as text, never made into elements");

        aBox.sendKeys("this one goes away");
        aBox.sendKeys(Keys.ENTER);
        waitFor(b, d -> message(d, "this one goes away"));
        clickAction(a, "this one goes away", "Delete");
        a.switchTo().alert().accept();
        waitFor(b, d -> messageOrNull(d, "this one goes away") == null ? true : null);

        bNetwork.cut();
        waitFor(b, d -> {
            WebElement banner = d.findElement(By.cssSelector(".banner"));
            return banner.isDisplayed() && banner.getText().contains("reconnecting") ? banner : null;
        });
        shot(b, "reconnecting");
        aBox.sendKeys("sent while you were away");
        aBox.sendKeys(Keys.ENTER);
        waitFor(a, d -> message(d, "sent while you were away"));
        bNetwork.restore();
        waitFor(b, d -> message(d, "sent while you were away"));
        waitFor(b, d -> d.findElement(By.cssSelector(".banner")).isDisplayed() ? null : true);
        shot(b, "chat-after-reconnect");

        b.findElement(By.cssSelector("button[aria-label='Log out']")).click();
        waitFor(b, d -> d.findElement(By.cssSelector("form[aria-label='Welcome back']")));
        assertTrue(b.getCurrentUrl().endsWith("/login"));
        assertEquals(null, ((JavascriptExecutor) b).executeScript("return localStorage.getItem('parley.token')"));
    }

    /** A new channel appears for B; once @everyone may no longer view it, it disappears without a reload. */
    private void channelsFollowWhatBobMayView(String bob) {
        ApiClient api = parley.client();
        String auth = (String) a.executeScript("return localStorage.getItem('parley.token')");
        String[] path = URI.create(a.getCurrentUrl()).getPath().split("/");
        String guildId = path[2];
        String generalId = path[3];
        long viewSendRead = (1L << 10) | (1L << 11) | (1L << 16);
        assertEquals(204, api.put(API + "/channels/" + generalId + "/permissions/" + guildId, new JsonObject()
                .put("type", 0).put("allow", Long.toString(viewSendRead)).put("deny", "0"), auth).status());
        assertEquals(201, api.post(API + "/guilds/" + guildId + "/channels", new JsonObject()
                .put("name", "secret").put("type", 0), auth).status());
        waitFor(b, d -> d.findElement(By.xpath("//nav[@aria-label='Channels']//a[contains(., 'secret')]")));
        JsonObject everyone = api.get(API + "/guilds/" + guildId + "/roles", auth).jsonArray().stream()
                .map(JsonObject.class::cast).filter(r -> r.getString("id").equals(guildId)).findFirst().orElseThrow();
        String withoutView = new BigInteger(everyone.getString("permissions")).clearBit(10).toString();
        assertEquals(200, api.patch(API + "/guilds/" + guildId + "/roles/" + guildId,
                new JsonObject().put("permissions", withoutView), auth).status());
        waitFor(b, d -> d.findElements(By.xpath("//nav[@aria-label='Channels']//a[contains(., 'secret')]")).isEmpty()
                ? true : null);
        assertEquals(1, b.findElements(By.xpath("//nav[@aria-label='Channels']//a[contains(., 'general')]")).size(),
                "the channel whose overwrite still allows viewing stays");
    }

    @Test
    @Order(2)
    void olderHistoryLoadsWhenScrollingUp() throws Exception {
        ApiClient api = parley.client();
        ApiClient.Account carol = api.register("correct horse battery");
        String auth = carol.token();
        String guildId = api.post(API + "/guilds", new JsonObject().put("name", "Archive"), auth).json().getString("id");
        String channelId = api.get(API + "/guilds/" + guildId + "/channels", auth).jsonArray().getJsonObject(0).getString("id");
        for (int i = 0; i < 60; i++) {
            ApiClient.Reply sent;
            do {
                sent = api.post(API + "/channels/" + channelId + "/messages", new JsonObject().put("content", "history " + i), auth);
                if (sent.status() == 429) {
                    Thread.sleep((long) (sent.json().getDouble("retry_after") * 1000) + 50);
                }
            } while (sent.status() == 429);
            assertEquals(200, sent.status(), sent.body());
        }

        b.get("http://127.0.0.1:" + parley.node().httpPort() + "/login");
        waitFor(b, d -> d.findElement(By.cssSelector("form[aria-label='Welcome back']")));
        recordLoadTiming(b, "warm-server");
        ((JavascriptExecutor) b).executeScript("localStorage.setItem('parley.token', arguments[0])", auth);
        b.get("http://127.0.0.1:" + parley.node().httpPort() + "/channels/" + guildId + "/" + channelId);
        waitFor(b, d -> message(d, "history 59"));
        assertEquals(null, messageOrNull(b, "history 0"), "the first page holds the newest 50 only");
        assertEquals(50, b.findElements(By.cssSelector("li.message")).size());
        assertEquals(1, b.findElements(By.cssSelector("li.message .meta")).size(),
                "one author's messages in a row share one header");
        ((JavascriptExecutor) b).executeScript("document.querySelector('.scroller').scrollTop = 0");
        waitFor(b, d -> d.findElements(By.cssSelector("li.message")).size() == 60 ? true : null);
        waitFor(b, d -> message(d, "history 0"));
        waitFor(b, d -> d.findElement(By.cssSelector(".history-start")).isDisplayed() ? true : null);

        b.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        waitFor(b, d -> d.findElement(By.cssSelector("aside.members")).isDisplayed() ? null : true);
        shot(b, "phone");
    }

    private static void fill(WebDriver driver, String field, String value) {
        WebElement input = waitFor(driver, d -> d.findElement(By.id("f-" + field)));
        input.clear();
        input.sendKeys(value);
    }

    private static WebElement shown(WebDriver driver, String css) {
        WebElement element = driver.findElement(By.cssSelector(css));
        return element.isDisplayed() && !element.getText().isBlank() ? element : null;
    }

    private static WebElement message(WebDriver driver, String text) {
        WebElement found = messageOrNull(driver, text);
        if (found == null) {
            throw new org.openqa.selenium.NoSuchElementException("no message with " + text);
        }
        return found;
    }

    private static WebElement messageOrNull(WebDriver driver, String text) {
        return driver.findElements(By.cssSelector("li.message")).stream()
                .filter(m -> m.findElement(By.cssSelector(".content")).getText().contains(text))
                .findFirst().orElse(null);
    }

    private static Boolean reactionCount(WebDriver driver, String text, String count) {
        return message(driver, text).findElements(By.cssSelector(".reaction .count")).stream()
                .anyMatch(c -> c.getText().equals(count)) ? true : null;
    }

    /** Hovers a message (its toolbar shows on hover, as for a mouse user) and presses one of its buttons. */
    private static void clickAction(WebDriver driver, String text, String label) {
        waitFor(driver, d -> {
            WebElement message = message(d, text);
            new Actions(d).moveToElement(message).perform();
            WebElement button = message.findElement(By.cssSelector("button[aria-label='" + label + "']"));
            if (!button.isDisplayed()) {
                return null;
            }
            button.click();
            return true;
        });
    }

    private static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
        // the client re-renders its message list on each change, so an element found may go stale
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Navigation timing of the first load, for docs/benchmarks.md (recorded, never asserted). */
    private static void recordLoadTiming(WebDriver driver, String name) throws Exception {
        Object timing = ((JavascriptExecutor) driver).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "const r = performance.getEntriesByType('resource');"
                        + "return JSON.stringify({domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd,"
                        + " load: n.loadEventEnd, loginFormShownAt: performance.now(),"
                        + " transferred: n.transferSize + r.reduce((s, e) => s + e.transferSize, 0),"
                        + " decoded: n.decodedBodySize + r.reduce((s, e) => s + e.decodedBodySize, 0)})");
        Files.writeString(Path.of("target", "web-client-load-" + name + ".json"), String.valueOf(timing));
    }
}
