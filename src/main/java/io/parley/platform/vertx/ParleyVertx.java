package io.parley.platform.vertx;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.concurrent.TimeUnit;

/** The node's Vert.x: blocked-thread warnings and event loops from config, metrics into Parley's registry. */
public final class ParleyVertx {
    private ParleyVertx() {
    }

    public static Vertx create(ParleyConfig.Vertx config, PrometheusMeterRegistry meters) {
        VertxOptions options = new VertxOptions()
                .setMaxEventLoopExecuteTime(config.blockedWarningMs())
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                        // the route pattern, not the path: bounded label values
                        .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE));
        if (config.eventLoops() > 0) {
            options.setEventLoopPoolSize(config.eventLoops());
        }
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(meters)).build();
    }
}
