package io.parley.platform.axon;

import io.parley.platform.storage.DatabaseUnavailable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Sends commands from an event loop without blocking it: the asynchronous command bus runs
 * the handler and its transaction on Axon's threads, and the result comes back on the
 * caller's Vert.x context. A handler's exception arrives as itself, not wrapped. While the
 * database is known to be down a command is refused at once ({@link DatabaseUnavailable}, a
 * 503) instead of holding a command thread until the JDBC pool's connection timeout. The
 * request's audit log reason ({@link AuditReasons}) travels along as metadata.
 */
public final class Commands {
    private final Vertx vertx;
    private final CommandGateway gateway;
    private final BooleanSupplier databaseUp;

    public Commands(Vertx vertx, CommandGateway gateway) {
        this(vertx, gateway, () -> true);
    }

    public Commands(Vertx vertx, CommandGateway gateway, BooleanSupplier databaseUp) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.databaseUp = databaseUp;
    }

    public <R> Future<R> send(Object command) {
        if (!databaseUp.getAsBoolean()) {
            return Future.failedFuture(new DatabaseUnavailable("the database is unreachable"));
        }
        String reason = AuditReasons.current();
        Object message = reason == null ? command
                : GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(AuditReasons.KEY, reason));
        Future<R> result = Future.fromCompletionStage(gateway.<R>send(message), vertx.getOrCreateContext());
        return result.recover(failure -> Future.failedFuture(unwrap(failure)));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof CommandExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
