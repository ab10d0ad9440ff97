package io.parley.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects Vert.x blocked-thread warnings so test servers can fail on them. */
public final class BlockedThreadRecorder extends AppenderBase<ILoggingEvent> {
    private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        WARNINGS.add(event.getThreadName() + ": " + event.getFormattedMessage());
    }

    public static List<String> warnings() {
        return List.copyOf(WARNINGS);
    }

    public static void clear() {
        WARNINGS.clear();
    }
}
