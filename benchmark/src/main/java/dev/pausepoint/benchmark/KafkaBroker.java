package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.KafkaAccess;
import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's Kafka broker as a process of its own (the same embedded KRaft broker the tests use),
 * so that its CPU is counted apart from the load generator's: {@code java -jar benchmark.jar
 * --kafka-broker <port> <controller port>} runs it, on a throwaway log directory, until killed.
 */
final class KafkaBroker implements AutoCloseable {

    static final String FLAG = "--kafka-broker";
    /** A broker's usual heap is 1 GB with G1; a single-node one with a few small topics needs far less. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms128m", "-Xmx512m");

    private final Process process;
    private final int port;

    private KafkaBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the broker process on free ports and waits until it takes connections. */
    static KafkaBroker start(Path logDirectory) {
        int port = FreePorts.next();
        try {
            Files.createDirectories(logDirectory);
            Path jar = Workspace.locate().root().resolve("benchmark/target/benchmark.jar");
            Process process = ServiceFleet.launchJarWithArguments(jar, JVM_OPTIONS,
                    List.of(FLAG, String.valueOf(port), String.valueOf(FreePorts.next())), Map.of(),
                    Workspace.locate().root(), logDirectory.resolve("kafka.log"));
            KafkaBroker broker = new KafkaBroker(process, port);
            broker.awaitListening(Duration.ofSeconds(60));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("the Kafka broker process did not start", e);
        }
    }

    KafkaAccess access() {
        return new KafkaAccess("localhost:" + port);
    }

    long pid() {
        return process.pid();
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            SetUp.require(process.isAlive(), "the Kafka broker process exited; see its kafka.log");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Kafka broker did not listen on " + port + " within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** The process's own main: {@code <port> <controller port>}. */
    static void run(String[] args) throws InterruptedException {
        EmbeddedKafkaServer broker = EmbeddedKafkaServer.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                null);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
