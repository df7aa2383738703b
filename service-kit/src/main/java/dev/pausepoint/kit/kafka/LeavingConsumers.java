package dev.pausepoint.kit.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Consumers that leave their group when they are closed, static members included. With the classic
 * protocol a static member's plain {@code close()} keeps it in the group, so a copy stopped on purpose
 * (a scale-down, the old pod of a rolling update) would hold its partitions until its session ends. A
 * process that dies never calls close, so a crashed copy still stays a member and, restarted with its
 * instance id, gets its partitions back at once (docs/decisions/0007-kafka-consumer-recovery.md).
 */
final class LeavingConsumers {

    /** Kafka's own default for {@code close()}. */
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private LeavingConsumers() {
    }

    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> leavingOnClose(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                (proxy, method, args) -> {
                    if (isPlainClose(method)) {
                        Duration timeout = args == null ? DEFAULT_CLOSE_TIMEOUT : (Duration) args[0];
                        consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                                .withTimeout(timeout));
                        return null;
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean isPlainClose(Method method) {
        return method.getName().equals("close") && (method.getParameterCount() == 0
                || method.getParameterCount() == 1 && method.getParameterTypes()[0] == Duration.class);
    }
}
