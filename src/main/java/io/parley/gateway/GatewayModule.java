package io.parley.gateway;

import io.parley.account.AccountQueries;
import io.parley.guild.GuildQueries;
import io.parley.http.ratelimit.RateLimiter;
import io.parley.member.MemberQueries;
import io.parley.platform.axon.AxonWiring;
import io.parley.platform.axon.DomainModule;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Vertx;
import org.axonframework.config.Configurer;

import java.util.List;

/** The gateway of this node: its sessions, and the live processor that dispatches events to them. */
public final class GatewayModule implements DomainModule {
    private final Vertx vertx;
    private final ReadYourWrites readYourWrites;
    private final Sessions sessions = new Sessions();
    private final ReadyBuilder readyBuilder;
    private final Gateway gateway;

    public GatewayModule(Vertx vertx, ParleyConfig.Gateway config, ReadYourWrites readYourWrites,
                         AccountQueries accounts, GuildQueries guilds, MemberQueries members, RateLimiter rateLimiter) {
        this.vertx = vertx;
        this.readYourWrites = readYourWrites;
        Presences presences = new Presences(sessions, vertx, config.presenceGraceMs());
        this.readyBuilder = new ReadyBuilder(accounts, guilds, members, sessions, presences);
        this.gateway = new Gateway(vertx, config, accounts, members, sessions, readyBuilder, rateLimiter, presences);
    }

    public Gateway gateway() {
        return gateway;
    }

    @Override
    public void configure(Configurer configurer, AxonWiring wiring) {
        UserDirectory users = new UserDirectory(wiring.transactions());
        wiring.liveProcessor(configurer, GatewayDispatcher.GROUP, List.of(
                c -> new GatewayDispatcher(sessions, users, readyBuilder, readYourWrites),
                c -> new MessageDispatcher(sessions, users, vertx)));
    }
}
