package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs last: stopping the stack leaves no service process and no port behind. */
@Order(Integer.MAX_VALUE)
class StackShutdownSystemTest {

    @Test
    void stoppingTheStackLeavesNoProcessOrPortBehind() {
        ServiceFleet fleet = SystemStack.fleet();
        Map<?, Long> pids = fleet.pids();
        assertThat(pids).as("the gateway, the four services, the dashboard and the MCP server").hasSize(Service.values().length);
        assertThat(pids.values()).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        fleet.close();

        assertThat(pids.values()).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(SystemStack.ports().values()).allMatch(FreePorts::isFree);
    }
}
