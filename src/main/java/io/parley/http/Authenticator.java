package io.parley.http;

import io.parley.account.AccountQueries;
import io.parley.account.Principal;
import io.parley.account.SessionTokens;
import io.parley.account.AccountProjection;
import io.parley.http.ratelimit.RouteRateLimits;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.cache.CommitInvalidatedCache;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Requires a valid session token in {@code Authorization}: bare, {@code Bot <token>} or
 * {@code Bearer <token>}, for every kind of account. Puts the {@link Principal} on the context,
 * then draws from the caller's rate-limit buckets ({@link RouteRateLimits}): every authenticated
 * route is limited through here.
 */
public final class Authenticator implements Handler<RoutingContext> {
    private static final String KEY = "parley.principal";

    /** How long a token's principal is reused without reading auth_sessions (bounds a lost cluster invalidation). */
    public static final long PRINCIPAL_TTL_MS = 5_000;
    private static final String ACCOUNT_COMMITS = AccountProjection.GROUP + '/';

    private final AccountQueries accounts;
    private final CommitInvalidatedCache<ByteBuffer, Optional<Principal>> principals;
    private final RouteRateLimits rateLimits;

    /**
     * Caches principals for {@link #PRINCIPAL_TTL_MS}, forgetting a user's as soon as the accounts
     * projection commits anything of theirs (logout, password change), here or on another node.
     */
    public Authenticator(AccountQueries accounts, ReadYourWrites commits, RouteRateLimits rateLimits) {
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.principals = new CommitInvalidatedCache<>(PRINCIPAL_TTL_MS, 100_000);
        commits.onCommitted((key, version) -> {
            if (key.startsWith(ACCOUNT_COMMITS)) {
                try {
                    long userId = Long.parseLong(key.substring(ACCOUNT_COMMITS.length()));
                    principals.invalidateIf(p -> p.isPresent() && p.get().userId() == userId);
                } catch (NumberFormatException notAUser) {
                    principals.invalidateAll();
                }
            }
        });
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
        principal(SessionTokens.hash(token)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED));
            } else {
                ctx.put(KEY, result.result().get());
                rateLimits.enforce(ctx, result.result().get().userId());
            }
        });
    }

    /** Unknown tokens are not cached: a session that starts later must work at once. */
    private Future<Optional<Principal>> principal(byte[] tokenHash) {
        return principals.get(ByteBuffer.wrap(tokenHash), () -> accounts.principalByTokenHash(tokenHash),
                Optional::isPresent);
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
