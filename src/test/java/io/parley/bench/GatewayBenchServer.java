package io.parley.bench;

import io.parley.account.AccountCommands.RegisterAccount;
import io.parley.account.SessionTokens;
import io.parley.member.MemberCommands.JoinGuild;
import io.parley.member.MemberIds;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The server half of the gateway benchmark (not a test): one Parley, one guild with
 * -Dmembers accounts (made through commands, skipping argon2 so thousands take seconds), and
 * a file the client half reads. Stops by itself after -DmaxMinutes (default 20).
 */
public final class GatewayBenchServer {
    private GatewayBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("members", 1000);
        Path out = Path.of(System.getProperty("out", "gateway-bench.json"));
        long maxMinutes = Long.getLong("maxMinutes", 20);
        try (TestParley parley = TestParley.start(Files.createTempDirectory("parley-gw-bench-"),
                Map.of("gateway.sessions_per_user", "100", "vertx.blocked_warning_ms", "2000"))) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Bench");
            var axon = parley.node().axon().commandGateway();
            var ids = parley.node().services().snowflakes();
            String hash = parley.node().services().passwords().hash("unused bench password");
            List<String> tokens = new ArrayList<>();
            List<CompletableFuture<Object>> pending = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                long userId = ids.next();
                String token = SessionTokens.newToken();
                tokens.add(token);
                String name = "bench_" + userId;
                pending.add(axon.send(new RegisterAccount(userId, name, name + "@bench.local", hash, null, ids.next(),
                        SessionTokens.hashHex(token), Instant.now())).thenCompose(v -> axon.send(new JoinGuild(
                        MemberIds.of(Long.parseLong(guild.id()), userId), Long.parseLong(guild.id()), userId, null,
                        Instant.now()))));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            Thread.sleep(3000);
            Files.writeString(out, new JsonObject().put("port", parley.node().httpPort())
                    .put("pid", ProcessHandle.current().pid()).put("owner", owner.token())
                    .put("channel", guild.generalChannelId()).put("tokens", tokens).encode());
            System.out.printf("ready: port %d, pid %d, %d members in guild %s%n", parley.node().httpPort(),
                    ProcessHandle.current().pid(), members, guild.id());
            Thread.sleep(maxMinutes * 60_000);
        }
        System.exit(0);
    }
}
