package io.parley.compat;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Bots;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real third-party client, discord.js 14 from the npm registry, logs in to Parley with a bot
 * token, gets READY and its guild, and sees a message sent over REST. Needs node and npm.
 */
@ExtendWith(SharedParley.class)
class DiscordJsCompatibilityTest {
    private static final Path PACKAGES = Path.of("target", "compat", "discordjs");

    @Test
    void discordJsLogsInAndSeesMessages(TestParley parley) throws Exception {
        installDiscordJs();
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Compat");
        Account bot = Bots.create(parley, "djs_bot_" + System.nanoTime() % 100000);
        Guilds.join(api, bot, guild, owner);

        Path script = PACKAGES.resolve("bot.js");
        try (var in = DiscordJsCompatibilityTest.class.getResourceAsStream("/compat/discordjs-bot.js")) {
            Files.write(script, in.readAllBytes());
        }
        Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), api.base() + "/api",
                bot.token().substring("Bot ".length()))
                .directory(PACKAGES.toFile()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertEquals("READY " + bot.id() + " " + guild.id() + ":Compat", awaitLine(lines, "READY "),
                    "ready fires once the guild's GUILD_CREATE made it available");
            assertTrue(awaitLine(lines, "CHANNELS ").contains(guild.generalChannelId()));
            String sent = api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "hello discord.js"), owner.token()).json().getString("id");
            assertEquals("MESSAGE_CREATE " + sent + " hello discord.js", awaitLine(lines, "MESSAGE_CREATE "));
        } finally {
            node.destroy();
            node.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** discord.js's WebhookClient executes a Parley webhook and manages its message through the token routes. */
    @Test
    void discordJsWebhookClientSendsEditsAndDeletes(TestParley parley) throws Exception {
        installDiscordJs();
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Hooked");
        JsonObject hook = api.post(API + "/channels/" + guild.generalChannelId() + "/webhooks",
                new JsonObject().put("name", "Integration"), owner.token()).json();
        Path script = PACKAGES.resolve("webhook.js");
        try (var in = DiscordJsCompatibilityTest.class.getResourceAsStream("/compat/discordjs-webhook.js")) {
            Files.write(script, in.readAllBytes());
        }
        Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), api.base() + "/api",
                hook.getString("id"), hook.getString("token"))
                .directory(PACKAGES.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), output);
        List<String> lines = output.lines().toList();
        String sent = lines.stream().filter(l -> l.startsWith("SENT ")).findFirst().orElseGet(() -> fail(output));
        String messageId = sent.split(" ")[1];
        assertEquals("SENT " + messageId + " " + hook.getString("id") + " CI from discord.js", sent);
        assertTrue(lines.contains("FETCHED from discord.js"), output);
        assertTrue(lines.contains("EDITED edited by discord.js"), output);
        assertTrue(lines.contains("DELETED"), output);
        assertTrue(lines.contains("WRONG_TOKEN 401 INVALID_WEBHOOK_TOKEN"), output);
        assertEquals(404, api.get(API + "/channels/" + guild.generalChannelId() + "/messages/" + messageId,
                owner.token()).status(), "the message was deleted through the token");
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        StringBuilder seen = new StringBuilder();
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                break;
            }
            seen.append(line).append('\n');
            assertTrue(!line.startsWith("ERROR") && !line.startsWith("LOGIN_FAILED"), "discord.js said: " + line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return fail("discord.js never printed '" + prefix + "'; it printed:\n" + seen);
    }

    /** npm install once into target/ (the npm registry is reachable from CI, as from development machines). */
    private static void installDiscordJs() throws Exception {
        if (Files.isDirectory(PACKAGES.resolve("node_modules").resolve("discord.js"))) {
            return;
        }
        Files.createDirectories(PACKAGES);
        Process npm = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                "--prefix", PACKAGES.toAbsolutePath().toString(), "discord.js@14"))
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            fail("npm install discord.js@14 failed:\n" + output);
        }
    }
}
