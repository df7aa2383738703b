package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a test reads of a service process from outside: a gauge on its actuator, and through the JDK's jcmd its
 * heap after a full collection or any other diagnostic command.
 */
final class ProcessProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProcessProbe() {
    }

    /** Heap in use after a full collection of the process (serial collector, as the services run). */
    static long heapUsedAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        long bytes = 0;
        // Serial collector: the young and the old generation, in that order.
        for (int generation = 0; generation < 2 && used.find(); generation++) {
            bytes += Long.parseLong(used.group(1)) * 1024;
        }
        return bytes;
    }

    /** A gauge's value from the process's actuator ({@code /actuator/metrics} must be exposed). */
    static double gauge(int managementPort, String name) throws Exception {
        HttpResponse<String> metric = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/metrics/" + name)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(metric.body()).get("measurements").get(0).get("value").asDouble();
    }

    static String jcmd(long pid, String command) throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
