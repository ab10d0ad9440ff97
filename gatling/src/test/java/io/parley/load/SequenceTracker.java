package io.parley.load;

import io.gatling.http.action.ws.WsInboundMessage;

import java.util.List;
import java.util.TreeSet;

/**
 * One gateway session's dispatch sequence numbers, for ResumeStorm: every {@code s} after
 * READY must arrive exactly once, in order, with none missing across a RESUME.
 */
public final class SequenceTracker {
    private long last;
    /** Numbers seen beyond a hole (empty unless one is missing). */
    private final TreeSet<Long> outOfOrder = new TreeSet<>();
    private String problem;
    private long lastArrived;
    private long resumedAt;

    public SequenceTracker(long readySeq) {
        this.last = readySeq;
    }

    public long last() {
        return last;
    }

    public void take(List<WsInboundMessage> frames) {
        for (WsInboundMessage frame : frames) {
            if (frame instanceof WsInboundMessage.Text text) {
                String message = text.message();
                if (resumedAt == 0 && message.contains("\"t\":\"RESUMED\"")) {
                    resumedAt = frame.timestamp();
                }
                if (message.startsWith("{\"op\":9")) {
                    fail("INVALID_SESSION (op 9): " + message);
                }
                seen(Gateway.seqOf(message));
            }
        }
    }

    /** When RESUMED arrived (0 until it has). */
    public long resumedAt() {
        return resumedAt;
    }

    private void seen(long seq) {
        if (seq < 0) {
            return;
        }
        if (seq <= last || outOfOrder.contains(seq)) {
            fail("s=" + seq + " arrived twice (contiguous up to " + last + ")");
            return;
        }
        if (seq < lastArrived) {
            fail("s=" + seq + " arrived after s=" + lastArrived);
        }
        lastArrived = seq;
        outOfOrder.add(seq);
        drain();
    }

    private void drain() {
        while (!outOfOrder.isEmpty() && outOfOrder.first() == last + 1) {
            last = outOfOrder.pollFirst();
        }
    }

    /** Null when every number from READY's to the last one seen arrived; otherwise what went wrong. */
    public String problem() {
        if (problem != null) {
            return problem;
        }
        return outOfOrder.isEmpty() ? null : "gap after s=" + last + " (then " + outOfOrder + ")";
    }

    private void fail(String what) {
        if (problem == null) {
            problem = what;
        }
    }
}
