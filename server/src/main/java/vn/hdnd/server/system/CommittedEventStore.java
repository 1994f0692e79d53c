package vn.hdnd.server.system;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, made to tell the projections about new events as soon as they are committed.
 *
 * <ul>
 *   <li>A command's events are written in the dispatcher's Spring transaction, which commits after Axon's unit of
 *   work (it also holds the idempotency record, and a vote's second aggregate). Axon wakes its reader at the end of
 *   the unit of work, finds nothing committed yet and sleeps the whole fetch delay. The wake-up is deferred here to
 *   the transaction's commit.</li>
 *   <li>A pooled streaming processor that has caught up asks its stream for a callback when events arrive; Axon's
 *   embedded store offers none, so the processor polls every 500 ms, and that was the projection lag a reader saw.
 *   The streams opened here take the callback: a watcher thread follows the head of the log (its own stream, so no
 *   processor's stream is touched from another thread) and calls every processor back when events arrive.</li>
 *   <li>A processor's stream leaves out the events of the types it has said it cannot handle
 *   ({@link SkippingEventStream}).</li>
 * </ul>
 */
class CommittedEventStore extends EmbeddedEventStore {
    private static final Logger log = LoggerFactory.getLogger(CommittedEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;

    CommittedEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommittedEventStore.super.afterCommit(events);
                }
            });
        } else {
            super.afterCommit(events);
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        startWatcher();
        return new CallbackStream(new SkippingEventStream(super.openStream(trackingToken)));
    }

    @Override
    public void shutDown() {
        Thread running = watcher;
        watcher = null;
        if (running != null) {
            running.interrupt();
        }
        super.shutDown();
    }

    private synchronized void startWatcher() {
        if (watcher != null) {
            return;
        }
        TrackingEventStream head = super.openStream(createHeadToken());
        watcher = new Thread(() -> watch(head), "event-store-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch(TrackingEventStream head) {
        try (head) {
            while (watcher == Thread.currentThread()) {
                if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    callbacks.forEach(Runnable::run);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Without the watcher the processors fall back to polling every 500 ms; nothing is lost.
            log.warn("The event store watcher stopped; projections poll for new events instead", e);
        }
    }

    /** A processor's stream, unchanged except that it accepts a callback for new events. */
    private final class CallbackStream implements TrackingEventStream {
        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        CallbackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
