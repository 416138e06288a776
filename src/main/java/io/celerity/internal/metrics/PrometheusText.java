package io.celerity.internal.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes metrics in the Prometheus text exposition format, version 0.0.4: a HELP and a TYPE line per family, then
 * its samples, label values escaped (backslash, double quote, line feed).
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The order samples of one family are written in: by their label values. */
    public static final Comparator<List<String>> LABEL_ORDER = Comparator.comparing(labels -> String.join("\u0000", labels));

    private final StringBuilder out = new StringBuilder(4096);

    /** A counter family: {@code values} by label values, in the order of {@code labels}. */
    public PrometheusText counter(String name, String help, List<String> labels, Map<List<String>, ? extends Number> values) {
        return samples(name, "counter", help, labels, values);
    }

    /** A gauge family: {@code values} by label values, in the order of {@code labels}. */
    public PrometheusText gauge(String name, String help, List<String> labels, Map<List<String>, ? extends Number> values) {
        return samples(name, "gauge", help, labels, values);
    }

    public PrometheusText histogram(String name, String help, List<String> labels, Map<List<String>, Histogram> values) {
        header(name, "histogram", help);
        values.forEach((labelValues, histogram) -> {
            double[] bounds = histogram.bounds();
            long[] cumulative = histogram.cumulative();
            for (int i = 0; i < bounds.length; i++) {
                sample(name + "_bucket", labels, labelValues, "le", format(bounds[i]), cumulative[i]);
            }
            long count = cumulative[bounds.length];
            sample(name + "_bucket", labels, labelValues, "le", "+Inf", count);
            sample(name + "_sum", labels, labelValues, null, null, histogram.sum());
            sample(name + "_count", labels, labelValues, null, null, count);
        });
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private PrometheusText samples(String name, String type, String help, List<String> labels,
                                   Map<List<String>, ? extends Number> values) {
        header(name, type, help);
        values.forEach((labelValues, value) -> sample(name, labels, labelValues, null, null, value));
        return this;
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ')
                .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, List<String> labels, List<String> values, String extraLabel, String extraValue,
                        Number value) {
        out.append(name);
        if (!labels.isEmpty() || extraLabel != null) {
            out.append('{');
            for (int i = 0; i < labels.size(); i++) {
                label(labels.get(i), values.get(i), i > 0);
            }
            if (extraLabel != null) {
                label(extraLabel, extraValue, !labels.isEmpty());
            }
            out.append('}');
        }
        out.append(' ').append(value instanceof Double || value instanceof Float
                ? format(value.doubleValue()) : value.toString()).append('\n');
    }

    private void label(String name, String value, boolean comma) {
        if (comma) {
            out.append(',');
        }
        out.append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }

    private static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value) + ".0";
        }
        return Double.toString(value);
    }
}
