package dev.pausepoint.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreBindableBelowTheEphemeralRangeAndNeverHandedOutTwice() throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(1024, 32767);
            assertThat(seen.add(port)).as("port " + port + " handed out twice").isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket server = new ServerSocket(port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
