package io.celerity.internal.execution;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.config.MapConfig;
import io.celerity.internal.metrics.MinuteStat;
import io.celerity.internal.metrics.TaskMinutes;
import io.celerity.internal.metrics.TimeDistribution;
import io.celerity.internal.store.StatTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsFlushTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:17:42Z");
    private static final long MINUTE = Instant.parse("2026-12-05T10:17:00Z").toEpochMilli();

    private final Table table = new Table();
    private final TaskMinutes minutes = new TaskMinutes();
    private final StatsFlush flush = new StatsFlush();
    private final List<String> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(StatsFlush.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage().substring(0, "CELERITY-0000".length()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** The rows it was asked to add, or a failure. */
    private static final class Table extends StatTable {

        final List<List<MinuteStat>> added = new ArrayList<>();
        boolean failing;

        @Override
        public void add(String runner, List<MinuteStat> stats) {
            if (failing) {
                throw new IllegalStateException("the database is down");
            }
            added.add(stats);
        }
    }

    @BeforeEach
    void wire() {
        flush.minutes = minutes;
        flush.table = table;
        flush.config = CelerityConfig.read(MapConfig.of());
        flush.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        log.addHandler(handler);
    }

    @AfterEach
    void unwire() {
        log.removeHandler(handler);
    }

    @Test
    void whatWasCounted_isWrittenOnce() {
        minutes.putBack(List.of(stat(MINUTE, 3)));

        flush.flush();
        flush.flush();

        assertEquals(List.of(List.of(stat(MINUTE, 3))), table.added);
    }

    @Test
    void aFailedWrite_keepsTheCountsForTheNextOne_andIsLoggedOnceUntilOneSucceeds() {
        minutes.putBack(List.of(stat(MINUTE, 3)));
        table.failing = true;
        flush.flush();
        minutes.putBack(List.of(stat(MINUTE, 1)));
        flush.flush();
        table.failing = false;
        flush.flush();

        assertEquals(List.of(List.of(stat(MINUTE, 4))), table.added);
        assertEquals(List.of("CELERITY-0260"), logged);
    }

    @Test
    void minutesOlderThanTheyAreKept_areDroppedUnwritten() {
        long old = NOW.minus(Duration.ofDays(2)).minusSeconds(60).toEpochMilli();
        minutes.putBack(List.of(stat(old, 2), stat(MINUTE, 1)));

        flush.flush();

        assertEquals(List.of(List.of(stat(MINUTE, 1))), table.added);
        assertEquals(List.of("CELERITY-0261"), logged);
    }

    private static MinuteStat stat(long minuteAt, long started) {
        return new MinuteStat(minuteAt, "a", started, 0, 0, 0, TimeDistribution.EMPTY);
    }
}
