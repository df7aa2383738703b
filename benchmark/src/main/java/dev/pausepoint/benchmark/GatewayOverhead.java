package dev.pausepoint.benchmark;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.localstack.Service;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * What the gateway adds to a create: the same test creates at 50 /s through the gateway, then straight
 * to pause-service carrying the identity headers the gateway would have signed, compared at p50.
 */
final class GatewayOverhead extends Phase {

    GatewayOverhead(Harness harness) {
        super("gateway overhead", harness);
    }

    @Override
    void run() {
        System.out.println("gateway overhead...");
        RequestSigner signer = new RequestSigner(Stack.SECRET);
        CallerIdentity caller = new CallerIdentity(developer.developerId, KeyMode.TEST, "enterprise",
                CredentialKind.API_KEY, "127.0.0.1");
        URI direct = URI.create("http://localhost:" + stack.port(Service.PAUSE) + "/v1/pause");
        Load.Result viaGateway = load.open(50, options.phase(20), i -> developer.createRequest(developer.testKey,
                "+1417" + (2000000 + i), i), null);
        Load.Result straight = load.open(50, options.phase(20), i -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(direct).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Developer.smsPause("+1418" + (2000000 + i), i)));
            signer.signIdentity(caller, "POST", "/v1/pause").forEach(request::header);
            return request.build();
        }, null);
        double ratio = viaGateway.millis(50) / straight.millis(50);
        report.figure("gateway overhead: create p50 through the gateway ÷ straight to pause-service", "%.2f", ratio,
                "≤ 1.2", ratio <= 1.2);
        report.note("  p50 %.2f ms via the gateway, %.2f ms straight (50 /s each)".formatted(viaGateway.millis(50),
                straight.millis(50)));
    }
}
