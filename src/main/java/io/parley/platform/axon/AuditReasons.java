package io.parley.platform.axon;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The {@code X-Audit-Log-Reason} of the request being served: kept on its Vert.x (duplicated,
 * per-request) context, put on every command sent from it as metadata, and copied by Axon's
 * correlation onto the events those commands apply, where the audit log projection reads it.
 */
public final class AuditReasons {
    /** The metadata key, on commands and (by correlation) their events. */
    public static final String KEY = "auditReason";

    private AuditReasons() {
    }

    /** Only on a request's own (duplicated) context: on a shared event-loop context it would leak to later requests. */
    public static void set(Context context, String reason) {
        if (context instanceof ContextInternal internal && internal.isDuplicate()) {
            internal.putLocal(KEY, reason);
        }
    }

    /** The reason of the request whose context is current; null when none was given or outside a request. */
    public static String current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return null;
        }
        return context instanceof ContextInternal internal && internal.getLocal(KEY) instanceof String s ? s : null;
    }

    /** The reason of the event being handled (by an event handler), or null. */
    public static String ofCurrentEvent() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        Object reason = message == null ? null : message.getMetaData().get(KEY);
        return reason instanceof String s ? s : null;
    }
}
