package io.parley.http;

import io.parley.account.AccountQueries;
import io.parley.account.Principal;
import io.parley.account.SessionTokens;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires a valid session token in {@code Authorization}: bare, {@code Bot <token>} or
 * {@code Bearer <token>}, for every kind of account. Puts the {@link Principal} on the context.
 */
public final class Authenticator implements Handler<RoutingContext> {
    private static final String KEY = "parley.principal";

    private final AccountQueries accounts;

    public Authenticator(AccountQueries accounts) {
        this.accounts = accounts;
    }

    public static Principal principal(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = token(ctx.request().getHeader("Authorization"));
        if (token == null) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED));
            return;
        }
        accounts.principalByTokenHash(SessionTokens.hash(token)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED));
            } else {
                ctx.put(KEY, result.result().get());
                ctx.next();
            }
        });
    }

    /** The token of an Authorization value (bare, Bot or Bearer); null when it is none. */
    public static String token(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        for (String scheme : new String[]{"Bot", "Bearer"}) {
            int length = scheme.length();
            if (value.regionMatches(true, 0, scheme, 0, length)
                    && (value.length() == length || value.charAt(length) == ' ')) {
                value = value.substring(length).strip();
                break;
            }
        }
        boolean wellFormed = !value.isEmpty() && value.length() <= 512 && value.indexOf(' ') < 0;
        return wellFormed ? value : null;
    }
}
