package io.parley;

import io.parley.account.AccountCommands.RegisterBot;
import io.parley.account.SessionTokens;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code parley create-bot NAME}: registers a bot account and prints the token its library logs in with. */
final class CreateBot {
    private CreateBot() {
    }

    static int run(ParleyConfig config, String name) throws Exception {
        try (ParleyNode node = ParleyNode.startHeadless(config)) {
            var snowflakes = node.services().snowflakes();
            long botId = snowflakes.next();
            String token = SessionTokens.newToken();
            RegisterBot command = new RegisterBot(botId, name, 0, snowflakes.next(), SessionTokens.hashHex(token),
                    Instant.now());
            try {
                node.axon().commandGateway().send(command).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiException rejected) {
                    System.err.println("parley: cannot create bot '" + name + "': " + rejected.toJson().encode());
                    return 1;
                }
                throw e;
            }
            System.out.println("bot " + name + " created: id " + botId);
            System.out.println("token: " + token);
            System.out.println("use it as the header  Authorization: Bot " + token);
            return 0;
        }
    }
}
