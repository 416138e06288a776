package io.celerity.internal.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LockedRowsTest {

    @Test
    void aListIsPaddedToTheNextPowerOfTwo_upTo64() {
        assertEquals(List.of(1, 2, 4, 4, 8, 8, 8, 8, 16),
                IntStream.rangeClosed(1, 9).map(LockedRows::shape).boxed().toList());
        assertEquals(32, LockedRows.shape(32));
        assertEquals(64, LockedRows.shape(33));
        assertEquals(64, LockedRows.shape(LockedRows.MAX));
    }

    @Test
    void noIdsOrMoreThanTheLargestShape_areRefused() {
        LockedRows rows = new LockedRows("Task");
        assertThrows(IllegalArgumentException.class, () -> rows.lock(null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> rows.lock(null,
                IntStream.rangeClosed(0, LockedRows.MAX).mapToObj(String::valueOf).toList()));
    }
}
