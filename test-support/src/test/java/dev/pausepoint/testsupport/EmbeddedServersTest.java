package dev.pausepoint.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import dev.pausepoint.testsupport.embedded.EmbeddedPostgresServer;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @Test
    void postgresKeepsDataInItsDirectoryAcrossRestarts(@TempDir Path data) throws Exception {
        PostgresAccess access;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(0, data)) {
            access = first.access();
            access.createDatabaseIfMissing("kept");
            access.createDatabaseIfMissing("kept");
            try (Connection c = DriverManager.getConnection(access.jdbcUrl("kept"), access.username(), access.password())) {
                c.createStatement().execute("CREATE TABLE note (text varchar(20)); INSERT INTO note VALUES ('survives')");
            }
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(access.port(), data);
                Connection c = DriverManager.getConnection(second.access().jdbcUrl("kept"), "postgres", "postgres")) {
            ResultSet rows = c.createStatement().executeQuery("SELECT text, version() FROM note");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives");
            assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void throwawayPostgresServesAgainAfterARestartOnItsPortWithItsDataKept() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null)) {
            PostgresAccess access = postgres.access();
            access.createDatabaseIfMissing("restarted");
            try (Connection c = DriverManager.getConnection(access.jdbcUrl("restarted"), "postgres", "postgres")) {
                c.createStatement().execute("CREATE TABLE note (text varchar(20)); INSERT INTO note VALUES ('kept')");
            }
            postgres.stop();
            assertThat(postgres.isRunning()).isFalse();
            assertThat(!FreePorts.isFree(access.port())).as("stopped means not listening").isFalse();
            postgres.restart();
            assertThat(postgres.access()).isEqualTo(access);
            try (Connection c = DriverManager.getConnection(access.jdbcUrl("restarted"), "postgres", "postgres")) {
                ResultSet rows = c.createStatement().executeQuery("SELECT text FROM note");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void kafkaServesAgainAfterAStopWithItsDataKept(@TempDir Path logs) {
        String topic = "probe-" + UUID.randomUUID();
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0, logs)) {
            String bootstrap = kafka.access().bootstrapServers();
            send(bootstrap, topic, "before");
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.restart();
            assertThat(kafka.access().bootstrapServers()).isEqualTo(bootstrap);
            send(bootstrap, topic, "after");
            assertThat(readAll(bootstrap, topic, 2)).containsExactly("before", "after");
        }
    }

    @Test
    void kafkaStartsAgainOnALogDirectoryKeptFromAnEarlierRun(@TempDir Path logs) {
        String topic = "kept-" + UUID.randomUUID();
        int port;
        try (EmbeddedKafkaServer first = EmbeddedKafkaServer.start(0, logs)) {
            port = Integer.parseInt(first.access().bootstrapServers().split(":")[1]);
            send(first.access().bootstrapServers(), topic, "from the first run");
        }
        try (EmbeddedKafkaServer second = EmbeddedKafkaServer.start(port, logs)) {
            assertThat(readAll(second.access().bootstrapServers(), topic, 1)).containsExactly("from the first run");
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null);
                Socket socket = new Socket(redis.access().host(), redis.access().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            assertThat(in.readNBytes(reply, 0, 7)).isEqualTo(7);
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void redisWithAPasswordAnswersOnlyAfterAuth() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0, null, "s3cret-for-tests");
                Socket socket = new Socket(redis.access().host(), redis.access().port())) {
            assertThat(redis.access().password()).isEqualTo("s3cret-for-tests");
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(line(in)).startsWith("-NOAUTH");
            out.write("*2\r\n$4\r\nAUTH\r\n$16\r\ns3cret-for-tests\r\n*1\r\n$4\r\nPING\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(line(in)).isEqualTo("+OK");
            assertThat(line(in)).isEqualTo("+PONG");
        }
    }

    private static String line(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void send(String bootstrap, String topic, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap,
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class,
                "max.block.ms", 20_000))) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError("send failed", e);
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
