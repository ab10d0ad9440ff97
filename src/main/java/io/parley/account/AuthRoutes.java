package io.parley.account;

import io.parley.account.AccountCommands.EndSession;
import io.parley.account.AccountCommands.RegisterAccount;
import io.parley.account.AccountCommands.StartSession;
import io.parley.http.ApiServices;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.http.ratelimit.RateLimits;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static io.parley.http.Handlers.async;

/** Register, log in and log out (API.md "Auth and users"). */
public final class AuthRoutes implements RouteModule {
    private static final String INVALID_LOGIN = "Login or password is invalid";

    private final ApiServices services;
    private final ParleyConfig.Auth limits;
    private final io.parley.http.ClientAddress clientAddress;

    public AuthRoutes(ApiServices services) {
        this.services = services;
        this.limits = services.config().auth();
        this.clientAddress = new io.parley.http.ClientAddress(services.config().http().trustedProxies());
    }

    @Override
    public void mount(Router api) {
        api.post("/auth/register").handler(async(this::register));
        api.post("/auth/login").handler(async(this::login));
        api.post("/auth/logout").handler(services.authenticator()).handler(async(this::logout));
    }

    private Future<?> register(RoutingContext ctx) {
        JsonInput input = JsonInput.of(ctx);
        String username = AccountRules.username(input, true);
        String email = AccountRules.email(input);
        String password = input.requiredText("password", 8, 256);
        String globalName = input.optionalString("global_name", 1, 32);
        input.done();
        return RateLimits.enforce(ctx, services.rateLimiter(), "register", clientIp(ctx), limits.registerPerIp())
                .compose(allowed -> services.vertx().executeBlocking(() -> services.passwords().hash(password), false))
                .compose(hash -> {
                    long userId = services.snowflakes().next();
                    String token = SessionTokens.newToken();
                    RegisterAccount command = new RegisterAccount(userId, username, email, hash, globalName,
                            services.snowflakes().next(), SessionTokens.hashHex(token), Instant.now());
                    // AccountRegistered is version 0 and the first SessionStarted version 1.
                    return services.commands().send(command)
                            .compose(id -> services.readYourWrites().await(AccountProjection.GROUP, userId, 1))
                            .compose(v -> Replies.json(ctx, 201, tokenReply(token, userId)));
                });
    }

    private Future<?> login(RoutingContext ctx) {
        JsonInput input = JsonInput.of(ctx);
        String login = input.requiredString("login", 1, 320);
        String password = input.requiredText("password", 1, 256);
        input.done();
        return RateLimits.enforce(ctx, services.rateLimiter(), "login-ip", clientIp(ctx), limits.loginPerIp())
                .compose(a -> RateLimits.enforce(ctx, services.rateLimiter(), "login-account",
                        login.toLowerCase(Locale.ROOT), limits.loginPerAccount()))
                .compose(a -> services.accounts().userByLogin(login))
                .compose(user -> services.vertx().executeBlocking(() -> {
                    if (user.isEmpty()) {
                        services.passwords().verifyDecoy(password);
                        return null;
                    }
                    return services.passwords().verify(password, user.get().passwordHash()) ? user.get() : null;
                }, false))
                .compose(user -> {
                    if (user == null) {
                        throw ApiException.invalid(List.of(new FieldError("login", INVALID_LOGIN),
                                new FieldError("password", INVALID_LOGIN)));
                    }
                    String token = SessionTokens.newToken();
                    StartSession command = new StartSession(user.id(), services.snowflakes().next(),
                            SessionTokens.hashHex(token), Instant.now());
                    return services.commands().<Long>send(command)
                            .compose(version -> services.readYourWrites().await(AccountProjection.GROUP, user.id(), version))
                            .compose(v -> Replies.json(ctx, 200, tokenReply(token, user.id())));
                });
    }

    private Future<?> logout(RoutingContext ctx) {
        Principal principal = Authenticator.principal(ctx);
        return services.commands().<Long>send(new EndSession(principal.userId(), principal.sessionId(), Instant.now()))
                .compose(version -> services.readYourWrites().await(AccountProjection.GROUP, principal.userId(), version))
                .compose(v -> Replies.noContent(ctx));
    }

    private static JsonObject tokenReply(String token, long userId) {
        return new JsonObject().put("token", token).put("user_id", Long.toString(userId));
    }

    private String clientIp(RoutingContext ctx) {
        return clientAddress.of(ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host(),
                ctx.request().headers().getAll("X-Forwarded-For"));
    }
}
