package io.parley.admin;

import io.parley.account.AccountQueries;
import io.parley.account.SessionTokens;
import io.parley.account.UserRecord;
import io.parley.http.Authenticator;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards {@code /_admin}: the node's {@link OperatorToken}, or the session token of an account
 * with the STAFF flag ({@code parley create-admin}). The caller's address is not trusted: a
 * reverse proxy on the same host would make every request look local.
 */
final class AdminAuth implements Handler<RoutingContext> {
    private final OperatorToken operatorToken;
    private final AccountQueries accounts;

    AdminAuth(OperatorToken operatorToken, AccountQueries accounts) {
        this.operatorToken = operatorToken;
        this.accounts = accounts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = Authenticator.token(ctx.request().getHeader("Authorization"));
        if (token == null) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED));
            return;
        }
        if (operatorToken.matches(token)) {
            ctx.next();
            return;
        }
        accounts.principalByTokenHash(SessionTokens.hash(token))
                .compose(principal -> {
                    if (principal.isEmpty()) {
                        throw new ApiException(ErrorCode.UNAUTHORIZED);
                    }
                    return accounts.userById(principal.get().userId());
                })
                .onSuccess(user -> {
                    if (user.filter(UserRecord::staff).isPresent()) {
                        ctx.next();
                    } else {
                        ctx.fail(new ApiException(ErrorCode.MISSING_PERMISSIONS));
                    }
                })
                .onFailure(ctx::fail);
    }
}
