package vn.hdnd.server.system;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hdnd.server.support.PostgresTest;

import java.lang.reflect.Field;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every processor's coordinator runs on a {@link PromptCoordinatorExecutor}. Read from Axon's private fields: the
 * executor works around Axon's coordinator, so an Axon upgrade that changes how it is built should fail here.
 */
@PostgresTest
class PooledProcessorsTest {
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyCoordinatorChecksFullQueuesAgainSoon() throws Exception {
        assertThat(processing.eventProcessors()).hasSize(5);
        for (var processor : processing.eventProcessors().entrySet()) {
            assertThat(processor.getValue()).isInstanceOf(PooledStreamingEventProcessor.class);
            Object coordinator = field(processor.getValue(), "coordinator");
            assertThat(field(coordinator, "executorService")).as(processor.getKey())
                    .isInstanceOf(PromptCoordinatorExecutor.class);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
