package io.parley.http;

import io.parley.account.AccountQueries;
import io.parley.account.PasswordHasher;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.media.MediaStore;
import io.parley.platform.axon.Commands;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.id.Snowflakes;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** The node's shared services, as HTTP route modules receive them. */
public record ApiServices(ParleyConfig config, Vertx vertx, Pool pool, Commands commands, Snowflakes snowflakes,
                          ReadYourWrites readYourWrites, PasswordHasher passwords, RateLimiter rateLimiter,
                          AccountQueries accounts, Authenticator authenticator, MediaStore media) {
}
