package dev.pausepoint.testsupport.embedded;

import dev.pausepoint.testsupport.KafkaAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka 4 broker (KRaft, broker and controller in one) running in this JVM on a
 * port we choose, so the local stack can use a fixed one. It can be stopped and started again on the
 * same port and log directory, which is how tests simulate a broker outage.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final Properties config;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafkaServer(Properties config, int port) {
        this.config = config;
        this.port = port;
    }

    /** A broker on any free ports with throwaway or kept data; see {@link #start(int, int, Path)}. */
    public static EmbeddedKafkaServer start(int port, Path logDirectory) {
        return start(port, 0, logDirectory);
    }

    /**
     * @param port a fixed client port, or 0 for any free one
     * @param controllerPort a fixed KRaft controller port (keep it stable for kept data), or 0
     * @param logDirectory where topics are kept across restarts, or null for a throwaway folder
     */
    public static EmbeddedKafkaServer start(int port, int controllerPort, Path logDirectory) {
        try {
            int clientPort = port == 0 ? FreePorts.next() : port;
            int quorumPort = controllerPort == 0 ? FreePorts.next() : controllerPort;
            Path logs = logDirectory != null ? logDirectory : Files.createTempDirectory("pausepoint-kafka");
            Files.createDirectories(logs);
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@localhost:" + quorumPort);
            config.put("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + quorumPort);
            config.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
            config.put("controller.listener.names", "CONTROLLER");
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("log.dirs", logs.toString());
            config.put("num.partitions", "3");
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "5");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("share.coordinator.state.topic.replication.factor", "1");
            config.put("share.coordinator.state.topic.min.isr", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("auto.create.topics.enable", "true");
            config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
            format(config, logs);
            EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(config, clientPort);
            kafka.startServer();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka did not start", e);
        }
    }

    /** Writes the cluster metadata once; a kept log directory is reused as it is, with its cluster id. */
    private static void format(Properties config, Path logs) throws IOException {
        if (Files.exists(logs.resolve("meta.properties"))) {
            return;
        }
        Path file = logs.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            config.store(out, "written by EmbeddedKafkaServer");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                file.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output);
        }
    }

    private void startServer() {
        KafkaRaftServer raft = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        raft.startup();
        server = raft;
    }

    public KafkaAccess access() {
        return new KafkaAccess("localhost:" + port);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker; clients see it as down until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again on the same port with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
