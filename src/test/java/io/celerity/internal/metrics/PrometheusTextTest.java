package io.celerity.internal.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {

    @Test
    void countersAndGauges_haveHelpTypeAndEscapedLabels() {
        String text = new PrometheusText()
                .counter("c_total", "Counts \\ things", List.of("task", "state"),
                        Map.of(List.of("say \"hi\"\nnow", "SUCCESS"), 3L))
                .gauge("g", "A gauge", List.of(), Map.of(List.of(), 0.5))
                .toString();
        assertEquals("""
                # HELP c_total Counts \\\\ things
                # TYPE c_total counter
                c_total{task="say \\"hi\\"\\nnow",state="SUCCESS"} 3
                # HELP g A gauge
                # TYPE g gauge
                g 0.5
                """, text);
    }

    @Test
    void aHistogram_hasCumulativeBuckets_infinity_sumAndCount() {
        Histogram histogram = new Histogram(new double[]{0.1, 1});
        histogram.observe(0.05);
        histogram.observe(0.1);
        histogram.observe(0.5);
        histogram.observe(7);
        String text = new PrometheusText()
                .histogram("h_seconds", "Times", List.of("task"), Map.of(List.of("t"), histogram)).toString();
        assertEquals("""
                # HELP h_seconds Times
                # TYPE h_seconds histogram
                h_seconds_bucket{task="t",le="0.1"} 2
                h_seconds_bucket{task="t",le="1.0"} 3
                h_seconds_bucket{task="t",le="+Inf"} 4
                h_seconds_sum{task="t"} 7.65
                h_seconds_count{task="t"} 4
                """, text);
    }

    @Test
    void taskMetrics_writeEveryFamily_inLabelOrder() {
        TaskMetrics metrics = new TaskMetrics();
        metrics.minutes = TaskMinutesTest.minutes(Instant.parse("2026-12-05T10:00:00Z"));
        metrics.entered("b", "SUCCESS");
        metrics.entered("a", "QUEUED");
        metrics.entered("a", "QUEUED");
        metrics.ran("a", "SUCCESS", Duration.ofMillis(20));
        metrics.started("a", Duration.ofMillis(3));
        metrics.deadLettered();
        metrics.groupCommitted(5);
        PrometheusText text = new PrometheusText();
        metrics.writeTo(text);
        String out = text.toString();
        assertTrue(out.contains("celerity_task_states_total{task=\"a\",state=\"QUEUED\"} 2\n"
                + "celerity_task_states_total{task=\"b\",state=\"SUCCESS\"} 1\n"), out);
        assertTrue(out.contains("celerity_task_run_seconds_bucket{task=\"a\",outcome=\"SUCCESS\",le=\"0.025\"} 1\n"), out);
        assertTrue(out.contains("celerity_task_wait_seconds_bucket{task=\"a\",le=\"0.005\"} 1\n"), out);
        assertTrue(out.contains("celerity_dead_lettered_total 1\n"), out);
        assertTrue(out.contains("celerity_group_commit_changes_bucket{le=\"8.0\"} 1\n"), out);
    }
}
