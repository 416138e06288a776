package io.celerity.internal.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateHistoryTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void changesAreAppendedInOrder_andReadBack() {
        String history = StateHistory.append(null, new StateHistory.Entry("QUEUED", T, "node-a", 0));
        history = StateHistory.append(history, new StateHistory.Entry("STARTED", T.plusMillis(5), "node-b", 1));
        history = StateHistory.append(history, new StateHistory.Entry("SUCCESS", T.plusMillis(9), "node-b", 1));

        assertEquals(List.of(new StateHistory.Entry("QUEUED", T, "node-a", 0),
                new StateHistory.Entry("STARTED", T.plusMillis(5), "node-b", 1),
                new StateHistory.Entry("SUCCESS", T.plusMillis(9), "node-b", 1)), StateHistory.read(history));
    }

    @Test
    void theFirstAndTheLatestHundred_areKept() {
        String history = null;
        for (int i = 0; i < 250; i++) {
            history = StateHistory.append(history, new StateHistory.Entry("S" + i, T.plusSeconds(i), "n", i));
        }
        List<StateHistory.Entry> entries = StateHistory.read(history);

        assertEquals(StateHistory.KEPT + 1, entries.size());
        assertEquals("S0", entries.get(0).state());
        assertEquals("S150", entries.get(1).state());
        assertEquals("S249", entries.get(entries.size() - 1).state());
    }

    @Test
    void aMissingOrDamagedHistory_readsAsNone_andIsStartedAfresh() {
        assertEquals(List.of(), StateHistory.read(null));
        assertEquals(List.of(), StateHistory.read("not json"));
        assertEquals(List.of(new StateHistory.Entry("QUEUED", T, "n", 0)),
                StateHistory.read(StateHistory.append("garbage", new StateHistory.Entry("QUEUED", T, "n", 0))));
    }
}
