package dev.pausepoint.benchmark;

import java.util.List;

/**
 * Runs every path a later phase measures, so no figure counts class loading or first compilation: test
 * creates, live creates (the quota call to billing-service, the SMS through the Twilio SDK) and
 * answers (response-service, then the webhook). Reports nothing.
 */
final class WarmUp extends Phase {

    static final String NAME = "warm-up";

    WarmUp(Harness harness) {
        super(NAME, harness);
    }

    @Override
    void run() {
        System.out.println("warming up...");
        load.closed(16, options.phase(20), i -> developer.createRequest(developer.testKey,
                "+1415" + (2000000 + i % 7000000), i));
        load.open(20, options.phase(10), i -> developer.createRequest(developer.liveKey, "+1421" + (2000000 + i), i),
                null);
        List<String[]> pauses = developer.createMany(20 * (int) options.phase(10).toSeconds());
        load.open(20, options.phase(10), i -> developer.answerRequest(pauses.get((int) (i % pauses.size()))[1]), null);
    }
}
