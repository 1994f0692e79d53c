package vn.hdnd.server.system;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The shared reader's reads are bounded in length and spaced in time; every other read passes straight through. */
class BoundedProducerReadsTest {
    private final EventStorageEngine endlessLog = mock(EventStorageEngine.class);

    BoundedProducerReadsTest() {
        when(endlessLog.readEvents(any(), anyBoolean())).thenAnswer(call -> LongStream.iterate(0, i -> i + 1)
                .mapToObj(i -> new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i),
                        GenericEventMessage.asEventMessage("event " + i))));
    }

    @Test
    void aSharedReadEndsAfterTheLimit() {
        var reads = new BoundedProducerReads(endlessLog, 7, Duration.ZERO);
        assertThat(reads.readEvents(null, true).count()).isEqualTo(7);
    }

    @Test
    void theSharedReaderStartsItsReadsAtLeastTheIntervalApart() {
        var reads = new BoundedProducerReads(endlessLog, 7, Duration.ofMillis(200));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            reads.readEvents(null, true).count();
        }
        // The first read starts at once, the second and third wait for the interval.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void theFirstSharedReadAndEveryOtherReadStartAtOnce() {
        var reads = new BoundedProducerReads(endlessLog, 7, Duration.ofMinutes(10));
        long start = System.nanoTime();
        reads.readEvents(null, true).count();
        for (int i = 0; i < 3; i++) {
            assertThat(reads.readEvents(null, false).limit(5).count()).isEqualTo(5);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }
}
