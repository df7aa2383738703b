package dev.pausepoint.benchmark.curves;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of a batch had moved, sampled over time: the lateness of the k-th to move is at most the time
 * of the first sample that counts k, so percentiles come from the counts without timing each item (the
 * sampling interval bounds the error).
 */
final class Progress {

    record Sample(double seconds, long done) {
    }

    private final long total;
    private final List<Sample> samples = new ArrayList<>();

    Progress(long total) {
        this.total = total;
    }

    void record(double seconds, long done) {
        samples.add(new Sample(seconds, done));
    }

    boolean complete() {
        return !samples.isEmpty() && samples.get(samples.size() - 1).done() >= total;
    }

    /** Seconds until {@code percentile} % of the batch had moved; NaN if it never did while sampled. */
    double percentile(double percentile) {
        long needed = (long) Math.ceil(total * percentile / 100);
        return samples.stream().filter(sample -> sample.done() >= needed).mapToDouble(Sample::seconds).findFirst()
                .orElse(Double.NaN);
    }

    long done() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).done();
    }
}
