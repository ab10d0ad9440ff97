package io.parley.web;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.TestParley;
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

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attachments, mentions, the emoji picker and search in two real headless Chromiums: B uploads an
 * image and a file by the picker (a progress bar shows), A sees the image at its own aspect ratio
 * and the file as a link; A mentions B through the autocomplete and B sees it highlighted; A picks an
 * emoji; A searches a word from a message 60 messages back and the hit is scrolled to and highlighted.
 */
class WebClientRichMessagesBrowserTest {
    private static final String API = ApiClient.API;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;
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
    void attachmentsMentionsEmojiAndSearch() throws Exception {
        ApiClient api = parley.client();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Account alice = register(api, "alice_" + suffix);
        Account bob = register(api, "bob_" + suffix);
        Guilds.Guild guild = Guilds.create(api, alice, "Rich Room");
        Guilds.join(api, bob, guild, alice);
        String channel = guild.generalChannelId();
        String target = api.post(API + "/channels/" + channel + "/messages",
                new JsonObject().put("content", "the quokka report is ready"), alice.token()).json().getString("id");
        for (int i = 1; i <= 60; i++) {
            assertEquals(200, api.post(API + "/channels/" + channel + "/messages",
                    new JsonObject().put("content", "filler number " + i), alice.token()).status());
        }
        String base = "http://127.0.0.1:" + parley.node().httpPort();
        String path = "/channels/" + guild.id() + "/" + channel;
        signIn(a, base, alice, path);
        signIn(b, base, bob, path);
        waitFor(a, d -> messageOrNull(d, "filler number 60"));
        waitFor(b, d -> messageOrNull(d, "filler number 60"));

        // B: an image and a larger file by the picker, the upload watched for its progress bar
        Path png = files.resolve("wide.png");
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x4752c4));
        g.fillRect(0, 0, 120, 60);
        g.setColor(Color.ORANGE);
        g.fillOval(40, 10, 40, 40);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
        Path bin = files.resolve("notes.bin");
        byte[] bulk = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(bulk);
        Files.write(bin, bulk);
        ((JavascriptExecutor) b).executeScript(
                "window.progressSeen = []; const p = document.querySelector('progress.upload-progress');"
                        + "new MutationObserver(() => window.progressSeen.push((p.hidden ? 'hidden:' : 'shown:') + p.value))"
                        + ".observe(p, {attributes: true});");
        b.executeCdpCommand("Network.enable", Map.of());
        b.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", 2_000_000));
        b.findElement(By.cssSelector("input[aria-label='Files to upload']"))
                .sendKeys(png.toAbsolutePath() + "\n" + bin.toAbsolutePath());
        waitFor(b, d -> d.findElements(By.cssSelector(".pending-file")).size() == 2 ? true : null);
        WebElement bBox = box(b);
        bBox.sendKeys("a picture");
        shot(b, "attach-pending");
        bBox.sendKeys(Keys.ENTER);
        WebElement picture = waitFor(a, d -> {
            WebElement m = messageOrNull(d, "a picture");
            return m != null && !m.findElements(By.cssSelector("img.attachment-image")).isEmpty() ? m : null;
        });
        double ratio = waitFor(a, d -> {
            Object r = ((JavascriptExecutor) d).executeScript(
                    "const img = [...document.querySelectorAll('img.attachment-image')].pop();"
                            + "img.scrollIntoView({block: 'nearest'});"
                            + "if (!img.complete || !img.naturalWidth) return null;"
                            + "const box = img.closest('.attachment').getBoundingClientRect();"
                            + "return box.height > 0 ? box.width / box.height : null;");
            return r == null ? null : ((Number) r).doubleValue();
        });
        assertEquals(2.0, ratio, 0.05, "the 120x60 image is previewed at its own aspect ratio");
        WebElement fileLink = picture.findElement(By.cssSelector(".attachment.file a"));
        assertEquals("notes.bin", fileLink.getText());
        assertEquals("noopener noreferrer", fileLink.getDomAttribute("rel"));
        assertTrue(picture.findElement(By.cssSelector(".file-size")).getText().contains("4.0 MB"));
        @SuppressWarnings("unchecked")
        List<String> progress = (List<String>) ((JavascriptExecutor) b).executeScript("return window.progressSeen");
        assertTrue(progress.stream().anyMatch(s -> s.startsWith("shown:")), "the progress bar showed: " + progress);
        assertTrue(progress.contains("shown:1"), "the progress bar reached full: " + progress);
        System.out.println("upload progress values seen: " + progress);
        b.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        shot(a, "attachments");

        // A mentions B through the autocomplete; B sees it highlighted, A's own copy is not
        WebElement aBox = box(a);
        aBox.sendKeys("hey @bob");
        WebElement suggestion = waitFor(a, d -> shown(d, ".autocomplete .suggestion.active"));
        assertTrue(suggestion.getText().contains(bob.username()), suggestion.getText());
        shot(a, "mention-autocomplete");
        aBox.sendKeys(Keys.ENTER);
        assertEquals("hey <@" + bob.id() + "> ", aBox.getDomProperty("value"), "Enter picks the member");
        aBox.sendKeys("look at this");
        aBox.sendKeys(Keys.ENTER);
        WebElement mention = waitFor(b, d -> messageOrNull(d, "look at this"));
        assertTrue(mention.getDomAttribute("class").contains("mentioned"), "B's copy is highlighted as a mention");
        assertEquals("@" + bob.username(), mention.findElement(By.cssSelector(".mention")).getText());
        WebElement aCopy = waitFor(a, d -> messageOrNull(d, "look at this"));
        assertFalse(aCopy.getDomAttribute("class").contains("mentioned"), "the sender's copy mentions someone else");
        shot(b, "mentioned");

        // the emoji picker inserts at the caret; Esc closes it
        a.findElement(By.cssSelector("button[aria-label='Emoji']")).click();
        waitFor(a, d -> shown(d, ".emoji-picker"));
        shot(a, "emoji-picker");
        a.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitFor(a, d -> d.findElements(By.cssSelector(".emoji-picker")).isEmpty() ? true : null);
        aBox.sendKeys("party ");
        a.findElement(By.cssSelector("button[aria-label='Emoji']")).click();
        waitFor(a, d -> d.findElement(By.cssSelector(".emoji-picker button[aria-label='🎉']"))).click();
        assertEquals("party 🎉", aBox.getDomProperty("value"));
        aBox.sendKeys(Keys.ENTER);
        waitFor(b, d -> messageOrNull(d, "party 🎉"));

        // the same picker adds a reaction from a message's toolbar
        waitFor(b, d -> {
            WebElement m = messageOrNull(d, "party");
            new org.openqa.selenium.interactions.Actions(d).moveToElement(m).perform();
            WebElement add = m.findElement(By.cssSelector("button[aria-label='Add reaction']"));
            if (!add.isDisplayed()) {
                return null;
            }
            add.click();
            return true;
        });
        waitFor(b, d -> d.findElement(By.cssSelector(".emoji-picker button[aria-label='🔥']"))).click();
        waitFor(a, d -> {
            WebElement m = messageOrNull(d, "party");
            return m.findElements(By.cssSelector(".reaction")).stream()
                    .anyMatch(r -> r.getText().contains("🔥") && r.getText().contains("1")) ? true : null;
        });

        // search: the index may trail the writes a moment, so wait for the API to find it first
        api.eventually(API + "/guilds/" + guild.id() + "/messages/search?content=quokka", alice.token(),
                j -> j.getInteger("total_results", 0) == 1);
        assertTrue(messageOrNull(a, "quokka") == null, "the old message is not loaded yet");
        WebElement search = a.findElement(By.cssSelector("input[aria-label='Search messages']"));
        search.sendKeys("quokka", Keys.ENTER);
        WebElement hit = waitFor(a, d -> shown(d, ".search-hit[data-id='" + target + "']"));
        assertTrue(hit.getText().contains("the quokka report is ready"), hit.getText());
        shot(a, "search-results");
        hit.click();
        // the list is rebuilt as older pages load around the hit, so the check is one script
        Boolean inView = waitFor(a, d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const m = document.querySelector(\"li.message.highlight[data-id='\" + arguments[0] + \"']\");"
                        + "if (!m) return null; const r = m.getBoundingClientRect(),"
                        + " s = document.querySelector('.scroller').getBoundingClientRect();"
                        + "return r.top >= s.top && r.bottom <= s.bottom ? true : null;", target));
        assertTrue(inView, "the hit is scrolled into view");
        shot(a, "search-jump");
        WebElement present = waitFor(a, d -> shown(d, "button.jump-present"));
        present.click();
        waitFor(a, d -> messageOrNull(d, "party 🎉"));
        waitFor(a, d -> d.findElement(By.cssSelector("button.jump-present")).isDisplayed() ? null : true);
        a.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        shot(a, "rich-dark");
        a.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        b.manage().window().setSize(new org.openqa.selenium.Dimension(390, 780));
        waitFor(b, d -> messageOrNull(d, "a picture"));
        ((JavascriptExecutor) b).executeScript("document.querySelector('.scroller').scrollTop = 1e9");
        shot(b, "phone");
    }

    private static Account register(ApiClient api, String name) {
        ApiClient.Reply reply = api.post(API + "/auth/register", new JsonObject().put("username", name)
                .put("email", name + "@example.com").put("password", "correct horse battery"), null);
        assertEquals(201, reply.status(), reply.body());
        return new Account(reply.json().getString("user_id"), name, name + "@example.com", reply.json().getString("token"));
    }

    private static void signIn(ChromeDriver driver, String base, Account account, String path) {
        driver.get(base + "/login");
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('parley.token', arguments[0])", account.token());
        driver.get(base + path);
        waitFor(driver, d -> d.findElement(By.cssSelector("textarea[aria-label='Message #general']")));
    }

    private static WebElement box(WebDriver driver) {
        return driver.findElement(By.cssSelector("textarea[aria-label='Message #general']"));
    }

    private static WebElement shown(WebDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
    }

    private static WebElement messageOrNull(WebDriver driver, String text) {
        return driver.findElements(By.cssSelector("li.message")).stream()
                .filter(m -> m.findElement(By.cssSelector(".content")).getText().contains(text))
                .findFirst().orElse(null);
    }

    private static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Files.write(SHOTS.resolve("rich-" + name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
