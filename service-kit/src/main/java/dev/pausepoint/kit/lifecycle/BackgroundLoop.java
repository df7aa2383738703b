package dev.pausepoint.kit.lifecycle;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread running {@link #loop()} between start and stop, as Spring's lifecycle drives it. It
 * may be stopped and started again (Spring pauses idle test contexts), so per-run resources belong in
 * {@link #beforeStart()} and {@link #afterStop()}.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private final String threadName;
    private final Duration stopTimeout;
    private volatile boolean running;
    private Thread thread;

    protected BackgroundLoop(String threadName, Duration stopTimeout) {
        this.threadName = threadName;
        this.stopTimeout = stopTimeout;
    }

    /** The work; return when {@link #running()} turns false or the thread is interrupted. */
    protected abstract void loop();

    protected void beforeStart() {
    }

    protected void afterStop() {
    }

    protected final boolean running() {
        return running;
    }

    @Override
    public synchronized void start() {
        beforeStart();
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(stopTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        afterStop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
