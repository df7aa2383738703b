package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.ProcessMemory;
import dev.pausepoint.benchmark.Stack;
import dev.pausepoint.localstack.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's process holds: its resident memory from /proc, and gauges from its Prometheus page on the
 * management port (docs/observability.md), e.g. the heap in use or pause-service's parked long-polls.
 */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Metrics() {
    }

    static double rssMiB(Stack stack, Service service) {
        return rssMiB(stack.fleet().pids().get(service));
    }

    static double rssMiB(long pid) {
        return ProcessMemory.rssKb(pid) / 1024.0;
    }

    static boolean alive(Stack stack, Service service) {
        return ProcessHandle.of(stack.fleet().pids().get(service)).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The sum of every sample of {@code metric} whose labels contain {@code labels} (NaN when unreachable). */
    static double gauge(Stack stack, Service service, String metric, String labels) {
        return gauge(stack.fleet().managementUrl(service), metric, labels);
    }

    /** The same from the process whose management port is at {@code management}. */
    static double gauge(URI management, String metric, String labels) {
        URI page = management.resolve("/actuator/prometheus");
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? sum(answer.body(), metric, labels) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The sum over the matching samples of a Prometheus text page. */
    static double sum(String page, String metric, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})?\\s+(\\S+)").matcher(page);
        double total = 0;
        boolean found = false;
        while (sample.find()) {
            String sampleLabels = sample.group(1) == null ? "" : sample.group(1);
            if (sampleLabels.contains(labels)) {
                total += Double.parseDouble(sample.group(2));
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    /** The heap in use, MiB. */
    static double heapMiB(Stack stack, Service service) {
        return heapMiB(stack.fleet().managementUrl(service));
    }

    static double heapMiB(URI management) {
        return gauge(management, "jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
    }

    /** This process's limit on open files (sockets included), from /proc; 0 when unknown. */
    static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
