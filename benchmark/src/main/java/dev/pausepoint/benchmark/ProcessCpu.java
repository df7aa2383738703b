package dev.pausepoint.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of a process and everything it started, from Linux's {@code /proc}: its own user and system
 * time, that of its children it has already reaped (a Postgres backend that ended counts in its
 * postmaster), and that of each live descendant. A process is found by the port it listens on, so the
 * same code measures a JVM we started, a Postgres or a Redis started by a library, or one run outside.
 */
final class ProcessCpu {

    /**
     * {@code utime stime cutime cstime} are fields 14-17 of /proc/<pid>/stat, counted after the comm's ')';
     * a thread's /proc/<pid>/task/<tid>/stat has the same layout.
     */
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CSTIME = 14;
    private static final Pattern INODE = Pattern.compile("socket:\\[(\\d+)]");

    private final double millisPerTick;

    ProcessCpu(long ticksPerSecond) {
        this.millisPerTick = 1000.0 / ticksPerSecond;
    }

    /** With the kernel's clock tick ({@code getconf CLK_TCK}), 100 where it cannot be asked. */
    static ProcessCpu ofThisMachine() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            return new ProcessCpu(getconf.waitFor() == 0 ? Long.parseLong(out) : 100);
        } catch (IOException | NumberFormatException e) {
            return new ProcessCpu(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessCpu(100);
        }
    }

    /** Milliseconds of CPU used so far by {@code pid} and its descendants, reaped or alive. */
    double millis(long pid) {
        Map<Long, List<Long>> children = children();
        long ticks = 0;
        Deque<Long> unvisited = new ArrayDeque<>(List.of(pid));
        while (!unvisited.isEmpty()) {
            long next = unvisited.pop();
            ticks += stat(next).map(fields -> sum(fields, UTIME, CSTIME)).orElse(0L);
            unvisited.addAll(children.getOrDefault(next, List.of()));
        }
        return ticks * millisPerTick;
    }

    /**
     * Milliseconds of CPU used so far by the JIT compiler threads of {@code pid}, if it is a HotSpot JVM:
     * the threads HotSpot names {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN} (the kernel keeps
     * the first 15 characters of a thread's name). Zero for any other process. Compilation is part of a
     * JVM's CPU; this says how much of it, so a figure can be taken once the compilers have settled.
     */
    double compilerMillis(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                if (isCompilerThread(thread)) {
                    ticks += stat(thread).map(fields -> sum(fields, UTIME, STIME)).orElse(0L);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * millisPerTick;
    }

    private static boolean isCompilerThread(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"));
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            // The thread ended between the listing and the read.
            return false;
        }
    }

    /** The process listening on TCP {@code port} (IPv4 or IPv6), if this machine runs it. */
    static Optional<Long> listeningOn(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.strip().split("\\s+");
                    // local_address is ADDR:PORT in hex; state 0A is LISTEN; the inode is column 10.
                    if (columns.length > 9 && columns[3].equals("0A")
                            && columns[1].endsWith(":" + String.format("%04X", port))) {
                        inodes.add(columns[9]);
                    }
                }
            } catch (IOException e) {
                // No such table (no IPv6): the other one answers.
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        Matcher socket = INODE.matcher(Files.readSymbolicLink(fd).toString());
                        if (socket.matches() && inodes.contains(socket.group(1))) {
                            return Optional.of(Long.parseLong(process.getFileName().toString()));
                        }
                    }
                } catch (IOException e) {
                    // Gone, or not ours to read: not the one.
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<Long, List<Long>> children() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                stat(pid).ifPresent(fields -> children.computeIfAbsent(Long.parseLong(fields[PPID]),
                        parent -> new ArrayList<>()).add(pid));
            }
        } catch (IOException e) {
            return Map.of();
        }
        return children;
    }

    /** The fields of /proc/<pid>/stat after the command name, whose parentheses may hold anything. */
    private static Optional<String[]> stat(long pid) {
        return stat(Path.of("/proc", String.valueOf(pid)));
    }

    /** The same for a process's or a thread's folder ({@code /proc/<pid>} or {@code /proc/<pid>/task/<tid>}). */
    private static Optional<String[]> stat(Path folder) {
        try {
            String line = Files.readString(folder.resolve("stat"));
            return Optional.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long sum(String[] fields, int from, int to) {
        long total = 0;
        for (int i = from; i <= to; i++) {
            total += Long.parseLong(fields[i]);
        }
        return total;
    }
}
