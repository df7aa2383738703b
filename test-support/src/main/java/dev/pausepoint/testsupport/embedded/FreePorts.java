package dev.pausepoint.testsupport.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nobody listens on right now, for servers that cannot pick their own and report it.
 *
 * <p>Chosen below Linux's ephemeral range (32768-60999), never from it: a port the kernel hands out
 * there is free now but may be the local end of some client's outbound connection (a Kafka or JDBC
 * client of the stack) by the time the server binds it, which failed a fault-suite run with "Port
 * already in use". Ports handed out once are not handed out again by this JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int tries = 0; tries < 1000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (isFreeEverywhere(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
    }

    /** Whether nothing listens on {@code port} of the loopback interface right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Free on every address: servers here bind the wildcard address or the loopback. */
    private static boolean isFreeEverywhere(int port) {
        if (!isFree(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
