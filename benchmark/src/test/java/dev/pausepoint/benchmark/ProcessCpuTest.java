package dev.pausepoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading /proc: a process found by its listening port, and the CPU of what it started counted in it. */
class ProcessCpuTest {

    @Test
    void aProcessIsFoundByThePortItListensOn() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            assertThat(ProcessCpu.listeningOn(server.getLocalPort())).contains(ProcessHandle.current().pid());
        }
        assertThat(ProcessCpu.listeningOn(1)).isEmpty();
    }

    /** This test's own JVM has compiled its way here; a shell has no compiler threads. */
    @Test
    void theCompilersOfAJvmAreCountedAndOtherProcessesHaveNone() throws IOException {
        ProcessCpu cpu = ProcessCpu.ofThisMachine();
        long self = ProcessHandle.current().pid();
        double compiling = cpu.compilerMillis(self);
        assertThat(compiling).as("this JVM's compiler threads").isPositive().isLessThan(cpu.millis(self));

        Process shell = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(cpu.compilerMillis(shell.pid())).isZero();
        } finally {
            shell.destroyForcibly();
        }
        assertThat(cpu.compilerMillis(Long.MAX_VALUE)).as("no such process").isZero();
    }

    /** As a postmaster's backends: work done by a child that has ended counts in its parent. */
    @Test
    void theCpuOfDescendantsCountsEvenAfterTheyEnded() throws Exception {
        // A shell that runs a busy child for about a second, then idles: by then the child is gone.
        Process parent = new ProcessBuilder("sh", "-c", "timeout 1 sh -c 'while :; do :; done'; sleep 30").start();
        try {
            ProcessCpu cpu = ProcessCpu.ofThisMachine();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(cpu.millis(parent.pid())).as("CPU of the shell with its busy child")
                            .isGreaterThanOrEqualTo(300));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(parent.descendants().count()).as("the busy child has ended").isLessThanOrEqualTo(1));
            double used = cpu.millis(parent.pid());
            assertThat(used).as("its CPU still counted in the shell, child gone").isGreaterThanOrEqualTo(300);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }
}
