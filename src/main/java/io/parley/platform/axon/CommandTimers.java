package io.parley.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * {@code parley_command_seconds{command, outcome}}: how long each command type takes on the
 * bus, from dispatch to the end of its unit of work (event append and commit included).
 */
final class CommandTimers implements MessageMonitor<CommandMessage<?>> {
    private final MeterRegistry meters;

    CommandTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public MonitorCallback onMessageIngested(CommandMessage<?> message) {
        long started = System.nanoTime();
        String command = message.getPayloadType().getSimpleName();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record("success");
            }

            @Override
            public void reportFailure(Throwable cause) {
                record("failure");
            }

            @Override
            public void reportIgnored() {
                record("ignored");
            }

            private void record(String outcome) {
                Timer.builder("parley_command_seconds")
                        .description("Command handling time by command type, dispatch to commit")
                        .tag("command", command)
                        .tag("outcome", outcome)
                        .register(meters)
                        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }
}
