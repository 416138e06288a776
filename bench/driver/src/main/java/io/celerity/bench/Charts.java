package io.celerity.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The PNG charts of a run. */
final class Charts {

    private Charts() {
    }

    static void throughput(Path file, List<Integer> concurrency, List<Double> celerity, List<Double> floor)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("No-op tasks, every state persisted")
                .xAxisTitle("consumer concurrency").yAxisTitle("tasks/s").build();
        chart.addSeries("Celerity", concurrency, celerity);
        chart.addSeries("floor (JMS + JDBC by hand)", concurrency, floor);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static void latency(Path file, double rate, Stats start, Stats done) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500)
                .title("Latency at " + Math.round(rate) + " tasks/s (paced)").xAxisTitle("percentile")
                .yAxisTitle("ms").build();
        List<String> percentiles = List.of("p50", "p95", "p99");
        chart.addSeries("enqueue → start", percentiles, List.of(start.p50(), start.p95(), start.p99()));
        chart.addSeries("enqueue → terminal", percentiles, List.of(done.p50(), done.p95(), done.p99()));
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
