package io.celerity.internal.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:17:42.500Z");

    @Test
    void theHour_endsWithTheMinuteOfNow() {
        StatsWindow.Span span = StatsWindow.HOUR.span(NOW);
        assertEquals(Instant.parse("2026-12-05T09:18:00Z"), span.from());
        assertEquals(Instant.parse("2026-12-05T10:18:00Z"), span.to());
        assertEquals(Instant.parse("2026-12-05T10:17:00Z"), span.at(59));
        assertEquals(60, StatsWindow.HOUR.bucketSeconds());
    }

    @Test
    void theDay_endsWithTheTenMinutesOfNow() {
        StatsWindow.Span span = StatsWindow.DAY.span(NOW);
        assertEquals(Instant.parse("2026-12-04T10:20:00Z"), span.from());
        assertEquals(Instant.parse("2026-12-05T10:20:00Z"), span.to());
        assertEquals(Instant.parse("2026-12-05T10:10:00Z"), span.at(143));
        assertEquals(600, StatsWindow.DAY.bucketSeconds());
    }

    @Test
    void aMinute_fallsInTheBucketThatHoldsIt() {
        StatsWindow.Span day = StatsWindow.DAY.span(NOW);
        assertEquals(0, day.indexOf(Instant.parse("2026-12-04T10:29:00Z").toEpochMilli()));
        assertEquals(143, day.indexOf(Instant.parse("2026-12-05T10:17:00Z").toEpochMilli()));
        assertEquals(142, day.indexOf(Instant.parse("2026-12-05T10:09:00Z").toEpochMilli()));
    }

    @Test
    void aWindow_isNamed_hourWhenNot_andAnyOtherNameIsABadRequest() {
        assertEquals(StatsWindow.HOUR, StatsWindow.of(null));
        assertEquals(StatsWindow.HOUR, StatsWindow.of("hour"));
        assertEquals(StatsWindow.DAY, StatsWindow.of("day"));
        assertEquals(400, assertThrows(ApiProblem.class, () -> StatsWindow.of("week")).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> StatsWindow.of("HOUR")).status());
    }
}
