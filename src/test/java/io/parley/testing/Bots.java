package io.parley.testing;

import io.parley.account.AccountCommands.RegisterBot;
import io.parley.account.SessionTokens;
import io.parley.testing.ApiClient.Account;

import java.time.Instant;

import static io.parley.testing.ApiClient.API;

/** Bot accounts for tests, made the way `parley create-bot` makes them. */
public final class Bots {
    private Bots() {
    }

    public static Account create(TestParley parley, String name) {
        var snowflakes = parley.node().services().snowflakes();
        long id = snowflakes.next();
        String token = SessionTokens.newToken();
        parley.node().axon().commandGateway().sendAndWait(new RegisterBot(id, name, 0, snowflakes.next(),
                SessionTokens.hashHex(token), Instant.now()));
        ApiClient api = parley.client();
        for (int i = 0; i < 100 && api.get(API + "/users/@me", "Bot " + token).status() != 200; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Account(Long.toString(id), name, null, "Bot " + token);
    }
}
