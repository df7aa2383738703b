package dev.pausepoint.benchmark;

/**
 * One step of a run: a measurement that adds its figures to the report, or a pause between two. A phase
 * that throws is noted in the report as not measured, and the run goes on with the next.
 */
abstract class Phase {

    private final String name;
    protected final Stack stack;
    protected final Client client;
    protected final Load load;
    protected final Developer developer;
    protected final Options options;
    protected final Report report;

    /** {@code name} as the report prints it and {@code --only} takes it (with dashes for spaces). */
    Phase(String name, Harness harness) {
        this.name = name;
        this.stack = harness.stack();
        this.client = harness.client();
        this.load = harness.client().load();
        this.developer = harness.developer();
        this.options = harness.options();
        this.report = harness.report();
    }

    final String name() {
        return name;
    }

    abstract void run() throws Exception;
}
