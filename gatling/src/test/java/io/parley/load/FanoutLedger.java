package io.parley.load;

import io.gatling.http.action.ws.WsInboundMessage;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What MessageFanout's senders sent and each listener received, in this JVM. Senders number
 * their messages (the number travels in the content, so any server that echoes content can be
 * checked); a listener expects every message whose send started after its READY and whose POST
 * succeeded, and logs each delivery's POST-start → MESSAGE_CREATE time into Gatling's stats.
 */
public final class FanoutLedger {
    public static final String DELIVERY = "MESSAGE_CREATE delivery";
    static final String MARKER = "\"content\":\"fanout ";

    private final AtomicLong nextId = new AtomicLong();
    private final ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Boolean> failedSends = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String scenario;

    public FanoutLedger(String listenerScenario) {
        this.scenario = listenerScenario;
    }

    /** A sender is about to POST message {@code id}. */
    public long beginSend() {
        long id = nextId.incrementAndGet();
        inFlight.incrementAndGet();
        sentAt.put(id, System.currentTimeMillis());
        return id;
    }

    public void endSend(long id, boolean succeeded) {
        if (!succeeded) {
            failedSends.put(id, Boolean.TRUE);
        }
        inFlight.decrementAndGet();
    }

    public boolean sendsInFlight() {
        return inFlight.get() > 0;
    }

    public Listener listener() {
        return new Listener(System.currentTimeMillis());
    }

    /** One listening session's view. Used by one virtual user at a time (Gatling runs a user's steps in order). */
    public final class Listener {
        private final long readyAt;
        private final BitSet received = new BitSet();
        private int deliveries;
        private long settledUpTo;

        Listener(long readyAt) {
            this.readyAt = readyAt;
        }

        public void take(List<WsInboundMessage> frames) {
            for (WsInboundMessage frame : frames) {
                if (frame instanceof WsInboundMessage.Text text) {
                    take(text.message(), frame.timestamp());
                }
            }
        }

        private void take(String frame, long receivedAt) {
            int at = frame.indexOf(MARKER);
            if (at < 0 || !frame.contains("\"t\":\"MESSAGE_CREATE\"")) {
                return;
            }
            int start = at + MARKER.length();
            int end = start;
            while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                end++;
            }
            long id = Long.parseLong(frame, start, end, 10);
            Long sent = sentAt.get(id);
            if (sent == null) {
                return; // another run's message
            }
            if (received.get((int) id)) {
                Stats.record(scenario, DELIVERY, sent, receivedAt, false, "duplicate MESSAGE_CREATE");
                return;
            }
            received.set((int) id);
            deliveries++;
            Stats.record(scenario, DELIVERY, sent, receivedAt, true, null);
        }

        /** Every message this listener should have had and did not: each is logged as a failed delivery. */
        public int reportMissing() {
            long now = System.currentTimeMillis();
            int missing = 0;
            long last = nextId.get();
            for (long id = 1; id <= last; id++) {
                Long sent = sentAt.get(id);
                if (expectedAndMissing(id)) {
                    Stats.record(scenario, DELIVERY, sent, now, false, "MESSAGE_CREATE never arrived");
                    missing++;
                }
            }
            return missing;
        }

        /** True while a message this listener expects has not arrived yet (amortised: settled ids are skipped). */
        public boolean waiting() {
            long last = nextId.get();
            while (settledUpTo < last && !expectedAndMissing(settledUpTo + 1)) {
                settledUpTo++;
            }
            return settledUpTo < last;
        }

        private boolean expectedAndMissing(long id) {
            Long sent = sentAt.get(id);
            return sent != null && sent >= readyAt && !received.get((int) id) && !failedSends.containsKey(id);
        }

        public int deliveries() {
            return deliveries;
        }
    }
}
