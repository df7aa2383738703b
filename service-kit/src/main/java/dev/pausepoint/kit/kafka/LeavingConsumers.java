package dev.pausepoint.kit.kafka;

import java.lang.reflect.InvocationHandler;
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
 *
 * <p>A listener container that stops calls {@code unsubscribe()} and then {@code close()}. For a static
 * member, {@code unsubscribe()} sends no LeaveGroup but forgets the member id, and a close without a member
 * id has nothing to leave with: the copy stayed in its group for the whole session after all. So an
 * unsubscribe is held back until the next call: a close then leaves the group (and so gives the
 * partitions up, which the unsubscribe was for), and any other call applies the unsubscribe first.
 */
final class LeavingConsumers {

    /** Kafka's own default for {@code close()}. */
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private LeavingConsumers() {
    }

    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> leavingOnClose(Consumer<K, V> consumer) {
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                new Leaving(consumer));
    }

    /**
     * One consumer's handler. A consumer is used by one thread, bar a few calls made from others
     * ({@code wakeup}, a metrics binder reading {@code metrics}); only the thread that held an unsubscribe
     * back applies it.
     */
    private static final class Leaving implements InvocationHandler {

        private final Consumer<?, ?> consumer;
        private volatile Thread unsubscribeHeldBackBy;

        Leaving(Consumer<?, ?> consumer) {
            this.consumer = consumer;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unsubscribe") && method.getParameterCount() == 0) {
                unsubscribeHeldBackBy = Thread.currentThread();
                return null;
            }
            if (isPlainClose(method)) {
                unsubscribeHeldBackBy = null;
                Duration timeout = args == null ? DEFAULT_CLOSE_TIMEOUT : (Duration) args[0];
                consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(timeout));
                return null;
            }
            if (unsubscribeHeldBackBy == Thread.currentThread() && appliesHeldBackUnsubscribe(method)) {
                unsubscribeHeldBackBy = null;
                consumer.unsubscribe();
            }
            try {
                return method.invoke(consumer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Every call that sees or changes the subscription; not wakeup, close or Object's own. */
        private static boolean appliesHeldBackUnsubscribe(Method method) {
            return method.getDeclaringClass() != Object.class && !method.getName().equals("wakeup")
                    && !method.getName().equals("close");
        }
    }

    private static boolean isPlainClose(Method method) {
        return method.getName().equals("close") && (method.getParameterCount() == 0
                || method.getParameterCount() == 1 && method.getParameterTypes()[0] == Duration.class);
    }
}
