package io.parley.platform;

import io.parley.testing.BlockedThreadRecorder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The guard the black-box tests rely on: a blocked event loop is recorded, so it can fail a test. */
class BlockedThreadDetectionTest {

    @Test
    void aBlockedEventLoopIsRecorded() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
        try {
            vertx.runOnContext(v -> {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(600);
            assertFalse(BlockedThreadRecorder.warnings().isEmpty(), "Vert.x's warning reached the recorder");
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
            BlockedThreadRecorder.clear();
        }
    }
}
