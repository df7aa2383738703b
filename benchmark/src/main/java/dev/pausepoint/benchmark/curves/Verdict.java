package dev.pausepoint.benchmark.curves;

/** Whether a series has the shape (or stays under the bound) expected of it, and the figures that say so. */
public record Verdict(String series, String expected, boolean holds, String because) {

    public String line() {
        return (holds ? "yes" : "NO") + ": " + series + " " + expected + ": " + because;
    }
}
