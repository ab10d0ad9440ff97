package io.parley;

import io.parley.account.AccountCommands.GrantStaff;
import io.parley.account.AccountCommands.RegisterAccount;
import io.parley.account.AccountRules;
import io.parley.account.PasswordHasher;
import io.parley.account.SessionTokens;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code parley create-admin USERNAME EMAIL}: registers a person account with operator rights
 * (the STAFF user flag) and prints its password: {@code PARLEY_ADMIN_PASSWORD} when set, else a
 * generated one. The admin logs in like anyone and may call the {@code /_admin} endpoints.
 */
final class CreateAdmin {
    private CreateAdmin() {
    }

    static int run(ParleyConfig config, String username, String email, String givenPassword) throws Exception {
        try {
            AccountRules.checkRegistration(username, email);
        } catch (ApiException invalid) {
            System.err.println("parley: cannot create admin '" + username + "': " + invalid.toJson().encode());
            return 2;
        }
        boolean generated = givenPassword == null || givenPassword.isEmpty();
        String password = generated ? newPassword() : givenPassword;
        if (password.length() < 8) {
            System.err.println("parley: PARLEY_ADMIN_PASSWORD must have at least 8 characters");
            return 2;
        }
        try (ParleyNode node = ParleyNode.startHeadless(config)) {
            var snowflakes = node.services().snowflakes();
            long userId = snowflakes.next();
            String hash = new PasswordHasher(config.auth().argon2()).hash(password);
            var commands = node.axon().commandGateway();
            try {
                commands.send(new RegisterAccount(userId, username, email, hash, null, snowflakes.next(),
                        SessionTokens.hashHex(SessionTokens.newToken()), Instant.now())).get(30, TimeUnit.SECONDS);
                commands.send(new GrantStaff(userId, Instant.now())).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ApiException rejected) {
                    System.err.println("parley: cannot create admin '" + username + "': " + rejected.toJson().encode());
                    return 1;
                }
                throw e;
            }
            System.out.println("admin " + username + " created: id " + userId);
            if (generated) {
                System.out.println("password: " + password);
            }
            return 0;
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
