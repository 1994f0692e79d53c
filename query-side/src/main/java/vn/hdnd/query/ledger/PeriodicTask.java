package vn.hdnd.query.ledger;

import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run on a daemon thread of its own every {@code intervalMillis}, from start to stop of the context. */
abstract class PeriodicTask implements SmartLifecycle {
    private final String threadName;
    private ScheduledExecutorService scheduler;

    PeriodicTask(String threadName) {
        this.threadName = threadName;
    }

    abstract long intervalMillis();

    /** One run; must not throw (a thrown exception would end the schedule). */
    abstract void tick();

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long interval = intervalMillis();
        scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
