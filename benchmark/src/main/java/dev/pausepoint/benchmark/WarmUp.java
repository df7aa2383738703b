package dev.pausepoint.benchmark;

import java.util.List;

/**
 * Runs every path a later phase measures, so no figure counts class loading or compilation: test creates,
 * live creates (the quota call to billing-service, the SMS through the Twilio SDK), answers
 * (response-service, then the webhook) and polls. The round is repeated until the JIT compilers of every
 * process have settled ({@link JitSettling}), at most {@link JitSettling#AT_MOST}; the report says how long
 * it took. A quick run does one round.
 */
final class WarmUp extends Phase {

    static final String NAME = "warm-up";

    WarmUp(Harness harness) {
        super(NAME, harness);
    }

    @Override
    void run() {
        System.out.println("warming up until the JIT compilers settle...");
        JitSettling.Outcome outcome = JitSettling.of(StackCpu.of(stack).pids())
                .warm(options.warmUpLimit(), this::round);
        report.note("  warm-up: " + outcome.describe());
    }

    /**
     * Live creates and answers at the rate their phases measure (100 a second): at a fifth of it, the paths
     * only they take (the quota call to billing-service, the Twilio SDK, the webhook) stayed in C1's
     * profiling code through the warm-up, and C2 compiled them during the measurement, while the
     * compilers of the whole process had already looked settled.
     */
    private void round() {
        load.closed(16, options.phase(20), i -> developer.createRequest(developer.testKey,
                "+1415" + (2000000 + i % 7000000), i));
        load.open(100, options.phase(10), i -> developer.createRequest(developer.liveKey, "+1421" + (2000000 + i), i),
                null);
        List<String[]> pauses = developer.createMany(100 * (int) options.phase(10).toSeconds());
        load.open(100, options.phase(10), i -> developer.answerRequest(pauses.get((int) (i % pauses.size()))[1]), null);
        load.closed(16, options.phase(5), i -> developer.pollRequest(pauses.get((int) (i % pauses.size()))[0]));
    }
}
