package io.parley.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test accounts and a guild for a run, made through the public API (register, create a guild,
 * one unlimited invite, join), or read from a CSV of tokens with -Dtokens=FILE (first line
 * {@code token}; the accounts must already be members of -DguildId, whose text channel is
 * -DchannelId). Registering is deliberately slow on the server (argon2id), and
 * auth.rate_limits.register_per_ip is 3/1h by default: see docs/load-testing.md.
 */
public final class Provisioning {
    private static final String PASSWORD = "load-test password 1";

    private Provisioning() {
    }

    /** A guild, its first text channel, the owner's token and the members' tokens (owner not included). */
    public record Fixture(String guildId, String channelId, String ownerToken, List<String> memberTokens) {
    }

    /** A guild with {@code members} accounts in it besides its owner. */
    public static Fixture guildWithMembers(int members) {
        Params.requireAllowedTarget();
        String csv = Params.string("tokens", null);
        if (csv != null) {
            return fromCsv(Path.of(csv), members);
        }
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
        List<String> tokens = registerAll(run, members + 1);
        String owner = tokens.get(0);
        JsonNode guild = Api.ok("POST", "/guilds", Api.object().put("name", "load " + run), owner);
        String guildId = guild.get("id").asText();
        String channelId = firstTextChannel(guildId, owner);
        if (members > 0) {
            String code = Api.ok("POST", "/channels/" + channelId + "/invites",
                    Api.object().put("max_age", 0).put("max_uses", 0), owner).get("code").asText();
            parallel(tokens.subList(1, tokens.size()), token -> Api.ok("POST", "/invites/" + code, null, token));
        }
        log("provisioned guild %s with %d members (run %s)", guildId, members, run);
        return new Fixture(guildId, channelId, owner, List.copyOf(tokens.subList(1, tokens.size())));
    }

    /** Accounts per gateway session count: Parley allows gateway.sessions_per_user (100) live sessions each. */
    public static int accountsFor(int sessions, int sessionsPerAccount) {
        return Math.max(1, (sessions + sessionsPerAccount - 1) / sessionsPerAccount);
    }

    public static String firstTextChannel(String guildId, String token) {
        for (JsonNode channel : Api.ok("GET", "/guilds/" + guildId + "/channels", null, token)) {
            if (channel.get("type").asInt() == 0) {
                return channel.get("id").asText();
            }
        }
        throw new IllegalStateException("guild " + guildId + " has no text channel");
    }

    public static String createChannel(String guildId, String token, String name, int type, int slowmodeSeconds) {
        var body = Api.object().put("name", name).put("type", type);
        if (slowmodeSeconds > 0) {
            body.put("rate_limit_per_user", slowmodeSeconds);
        }
        return Api.ok("POST", "/guilds/" + guildId + "/channels", body, token).get("id").asText();
    }

    private static List<String> registerAll(String run, int count) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexes.add(i);
        }
        return parallel(indexes, i -> {
            String name = "lt" + run + "_" + i;
            var body = Api.object().put("username", name).put("email", name + "@load.test").put("password", PASSWORD);
            return Api.ok("POST", "/auth/register", body, null).get("token").asText();
        });
    }

    private static Fixture fromCsv(Path file, int members) {
        List<String> tokens;
        try {
            tokens = Files.readAllLines(file).stream().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.equals("token")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read -Dtokens=" + file, e);
        }
        String guildId = Params.string("guildId", null);
        String channelId = Params.string("channelId", null);
        if (tokens.isEmpty() || guildId == null || channelId == null) {
            throw new IllegalArgumentException("-Dtokens needs at least one token, -DguildId and -DchannelId");
        }
        // members beyond the CSV's accounts reuse them (each account may hold several sessions)
        List<String> memberTokens = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            memberTokens.add(tokens.get((i + 1) % tokens.size()));
        }
        return new Fixture(guildId, channelId, tokens.get(0), Collections.unmodifiableList(memberTokens));
    }

    /** Runs the calls on a few threads (registering is CPU-bound on the server, so a few suffice). */
    private static <T, R> List<R> parallel(List<T> inputs, java.util.function.Function<T, R> call) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> call.apply(input)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("provisioning failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[parley-load] " + String.format(format, args));
    }
}
