package io.celerity.internal.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HistogramTest {

    @Test
    void valuesOnABound_countInIt_andBeyondTheLast_onlyInInfinity() {
        Histogram histogram = new Histogram(new double[]{1, 2});
        histogram.observe(1);
        histogram.observe(1.5);
        histogram.observe(2);
        histogram.observe(99);
        assertArrayEquals(new long[]{1, 3, 4}, histogram.cumulative());
        assertEquals(103.5, histogram.sum());
    }
}
