package io.parley.load;

import io.gatling.http.action.ws.WsInboundMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceTrackerTest {
    private static List<WsInboundMessage> frames(String... types) {
        List<WsInboundMessage> frames = new ArrayList<>();
        long at = 1000;
        for (String frame : types) {
            frames.add(new WsInboundMessage.Text(at++, frame));
        }
        return frames;
    }

    private static String dispatch(long seq, String type) {
        return "{\"op\":0,\"s\":" + seq + ",\"t\":\"" + type + "\",\"d\":{}}";
    }

    @Test
    void contiguousNumbersAcrossAResumeAreFine() {
        SequenceTracker tracker = new SequenceTracker(1);
        tracker.take(frames(dispatch(2, "GUILD_CREATE"), "{\"op\":11}", dispatch(3, "MESSAGE_CREATE")));
        tracker.take(frames(dispatch(4, "MESSAGE_CREATE"), dispatch(5, "RESUMED"), dispatch(6, "MESSAGE_CREATE")));
        assertNull(tracker.problem());
        assertEquals(6, tracker.last());
        assertEquals(1001, tracker.resumedAt()); // the second frame of its batch
    }

    @Test
    void aMissingNumberIsAGap() {
        SequenceTracker tracker = new SequenceTracker(1);
        tracker.take(frames(dispatch(2, "GUILD_CREATE"), dispatch(4, "RESUMED")));
        assertNotNull(tracker.problem());
        assertTrue(tracker.problem().startsWith("gap after s=2"), tracker.problem());
    }

    @Test
    void aRepeatedNumberIsReported() {
        SequenceTracker tracker = new SequenceTracker(1);
        tracker.take(frames(dispatch(2, "GUILD_CREATE"), dispatch(3, "MESSAGE_CREATE"), dispatch(3, "MESSAGE_CREATE")));
        assertTrue(tracker.problem().contains("arrived twice"), tracker.problem());
    }

    @Test
    void numbersArrivingOutOfOrderAreReported() {
        SequenceTracker tracker = new SequenceTracker(1);
        tracker.take(frames(dispatch(3, "MESSAGE_CREATE"), dispatch(2, "MESSAGE_CREATE")));
        assertTrue(tracker.problem().contains("arrived after"), tracker.problem());
    }

    @Test
    void seqIsReadOnlyFromTheFramesHead() {
        assertEquals(42, Gateway.seqOf(dispatch(42, "MESSAGE_CREATE")));
        assertEquals(-1, Gateway.seqOf("{\"op\":11}"));
        assertEquals(-1, Gateway.seqOf("{\"op\":0,\"t\":\"X\",\"d\":{\"padding\":\"0123456789\",\"s\":7}}"));
    }
}
