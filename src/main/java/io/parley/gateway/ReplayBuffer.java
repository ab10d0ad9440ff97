package io.parley.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A session's last dispatches, bounded in count and bytes, for RESUME. Used on the session's event loop only. */
final class ReplayBuffer {
    private record Frame(long seq, String json) {
    }

    private final int maxEvents;
    private final long maxBytes;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private long bytes;
    private long droppedThrough;

    ReplayBuffer(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    void add(long seq, String json) {
        frames.addLast(new Frame(seq, json));
        bytes += json.length();
        while (!frames.isEmpty() && (frames.size() > maxEvents || bytes > maxBytes)) {
            Frame dropped = frames.removeFirst();
            bytes -= dropped.json().length();
            droppedThrough = dropped.seq();
        }
    }

    /**
     * A frame too large to be worth keeping (READY, the initial GUILD_CREATEs): a resume from
     * before it gets op 9 and identifies anew, which rebuilds it anyway.
     */
    void skip(long seq) {
        frames.clear();
        bytes = 0;
        droppedThrough = seq;
    }

    /** Frames after {@code seq}, in order; empty when some of them were already dropped. */
    Optional<List<String>> after(long seq) {
        if (seq < droppedThrough) {
            return Optional.empty();
        }
        return Optional.of(frames.stream().filter(f -> f.seq() > seq).map(Frame::json).toList());
    }
}
