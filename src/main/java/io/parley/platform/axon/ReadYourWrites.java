package io.parley.platform.axon;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets a REST reply wait until a tracking projection has committed the events of the
 * caller's own command, so a client that writes and then reads sees its write.
 * Projections report what they committed through {@link #interceptor(String)}; a wait that
 * outlasts the timeout completes anyway (the projection may run on another node).
 */
public final class ReadYourWrites {
    private static final int REMEMBERED_AGGREGATES = 100_000;

    private final Vertx vertx;
    private final long timeoutMs;
    private final Object lock = new Object();
    private final Map<String, Long> committed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_AGGREGATES;
        }
    };
    private final Map<String, List<Waiter>> waiting = new java.util.HashMap<>();
    private volatile java.util.function.BiConsumer<String, Long> localCommits = (key, version) -> {
    };
    private final List<java.util.function.BiConsumer<String, Long>> commitListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public ReadYourWrites(Vertx vertx, long timeoutMs) {
        this.vertx = vertx;
        this.timeoutMs = timeoutMs;
    }

    /** Completes (on the caller's context) once {@code group} has committed {@code aggregateId} up to {@code version}. */
    public Future<Void> await(String group, Object aggregateId, long version) {
        String key = group + '/' + aggregateId;
        Context context = vertx.getOrCreateContext();
        Promise<Void> promise = Promise.promise();
        Waiter waiter = new Waiter(version, context, promise);
        synchronized (lock) {
            Long reached = committed.get(key);
            if (reached != null && reached >= version) {
                return Future.succeededFuture();
            }
            waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(waiter);
        }
        long timer = vertx.setTimer(Math.max(1, timeoutMs), t -> {
            synchronized (lock) {
                List<Waiter> list = waiting.get(key);
                if (list != null && list.remove(waiter) && list.isEmpty()) {
                    waiting.remove(key);
                }
            }
            promise.tryComplete();
        });
        return promise.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    /** Register on each tracking processor whose tables REST replies read. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String group) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                    String key = group + '/' + event.getAggregateIdentifier();
                    long version = event.getSequenceNumber();
                    unitOfWork.afterCommit(u -> {
                        committed(key, version);
                        localCommits.accept(key, version);
                    });
                }
                return chain.proceed();
            }
        };
    }

    /** Told what this node's projections commit, so that other nodes can learn it (cluster mode). */
    public void onLocalCommit(java.util.function.BiConsumer<String, Long> listener) {
        this.localCommits = listener;
    }

    /** A projection on another node committed {@code key} (group/aggregate) up to {@code version}. */
    public void committedElsewhere(String key, long version) {
        committed(key, version);
    }

    /**
     * Told every commit this node learns of (its own projections' and, in cluster mode, the other
     * nodes'), before the replies waiting for it go out: caches of read tables invalidate here.
     * Any thread; keep it quick.
     */
    public void onCommitted(java.util.function.BiConsumer<String, Long> listener) {
        commitListeners.add(listener);
    }

    private void committed(String key, long version) {
        commitListeners.forEach(listener -> listener.accept(key, version));
        List<Waiter> ready = new ArrayList<>();
        synchronized (lock) {
            committed.merge(key, version, Math::max);
            List<Waiter> list = waiting.get(key);
            if (list != null) {
                list.removeIf(w -> {
                    if (w.version <= version) {
                        ready.add(w);
                        return true;
                    }
                    return false;
                });
                if (list.isEmpty()) {
                    waiting.remove(key);
                }
            }
        }
        ready.forEach(w -> w.context.runOnContext(v -> w.promise.tryComplete()));
    }

    private record Waiter(long version, Context context, Promise<Void> promise) {
    }
}
