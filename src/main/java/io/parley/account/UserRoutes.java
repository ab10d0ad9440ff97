package io.parley.account;

import io.parley.account.AccountCommands.ChangePassword;
import io.parley.account.AccountCommands.ChangeProfile;
import io.parley.http.ApiServices;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

import static io.parley.http.Handlers.async;

/** The user's own account and other users' public profiles (API.md "Auth and users"). */
public final class UserRoutes implements RouteModule {
    private final ApiServices services;

    public UserRoutes(ApiServices services) {
        this.services = services;
    }

    @Override
    public void mount(Router api) {
        api.get("/users/@me").handler(services.authenticator()).handler(async(this::me));
        api.patch("/users/@me").handler(services.authenticator()).handler(async(this::changeMe));
        api.get("/users/:userId").handler(services.authenticator()).handler(async(this::user));
        api.get("/applications/@me").handler(services.authenticator()).handler(async(this::application));
    }

    private Future<?> me(RoutingContext ctx) {
        return self(Authenticator.principal(ctx).userId())
                .compose(user -> Replies.json(ctx, 200, user.toSelfJson()));
    }

    private Future<?> user(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("userId"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.UNKNOWN_USER);
        }
        return services.accounts().userById(id).compose(user -> user
                .map(found -> Replies.json(ctx, 200, found.toPublicJson()))
                .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_USER))));
    }

    /** Discord libraries read this at login; people get their own id as the application id. */
    private Future<?> application(RoutingContext ctx) {
        return self(Authenticator.principal(ctx).userId()).compose(user -> Replies.json(ctx, 200, new JsonObject()
                .put("id", Long.toString(user.id()))
                .put("name", user.username())
                .put("flags", 0)
                .put("bot_public", false)
                .put("bot_require_code_grant", false)
                .put("bot", user.bot() ? user.toPublicJson() : null)
                .put("owner", user.toPublicJson())));
    }

    private Future<?> changeMe(RoutingContext ctx) {
        JsonInput input = JsonInput.of(ctx);
        String username = AccountRules.username(input, false);
        String globalName = input.optionalString("global_name", 1, 32);
        String bio = input.optionalText("bio", 0, 190);
        String password = input.optionalText("password", 1, 256);
        String newPassword = input.optionalText("new_password", 8, 256);
        if (input.has("avatar") && input.optionalString("avatar", 0, Integer.MAX_VALUE) != null) {
            input.error("avatar", "Avatar images are not accepted yet; send null to clear the avatar");
        }
        if (newPassword != null && password == null) {
            input.error("password", "The current password is required to set a new one");
        }
        input.done();
        long userId = Authenticator.principal(ctx).userId();
        return self(userId).compose(current -> {
            ChangeProfile profile = new ChangeProfile(userId,
                    username != null ? username : current.username(),
                    input.has("global_name") ? globalName : current.globalName(),
                    input.has("avatar") ? null : current.avatar(),
                    input.has("bio") ? bio : current.bio(),
                    Instant.now());
            Future<Long> changed = services.commands().send(profile);
            if (newPassword == null) {
                return changed.compose(version -> reply(ctx, userId, version, null));
            }
            return changed.compose(v -> changePassword(userId, current, password, newPassword))
                    .compose(result -> reply(ctx, userId, result.version(), result.token()));
        });
    }

    private Future<PasswordChangeResult> changePassword(long userId, UserRecord current, String password,
                                                        String newPassword) {
        return services.vertx().executeBlocking(() -> {
            if (!services.passwords().verify(password, current.passwordHash())) {
                throw ApiException.invalid("password", "Password does not match");
            }
            return services.passwords().hash(newPassword);
        }, false).compose(hash -> {
            String token = SessionTokens.newToken();
            return services.commands().<Long>send(new ChangePassword(userId, hash, services.snowflakes().next(),
                            SessionTokens.hashHex(token), Instant.now()))
                    .map(version -> new PasswordChangeResult(version, token));
        });
    }

    private Future<Void> reply(RoutingContext ctx, long userId, long version, String newToken) {
        return services.readYourWrites().await(AccountProjection.GROUP, userId, version)
                .compose(v -> self(userId))
                .compose(user -> {
                    JsonObject body = user.toSelfJson();
                    if (newToken != null) {
                        body.put("token", newToken);
                    }
                    return Replies.json(ctx, 200, body);
                });
    }

    private Future<UserRecord> self(long userId) {
        return services.accounts().userById(userId).map(user -> user.orElseThrow(
                () -> new ApiException(ErrorCode.UNAUTHORIZED)));
    }

    private record PasswordChangeResult(long version, String token) {
    }
}
