package vn.hdnd.server.system;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The derived views commit without waiting for the disk; the ledger, whose order checkpoints sign, never does. */
@PostgresTest
class DeferredDurabilityTest {
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyViewButTheLedgerDefersItsCommits() {
        Map<String, EventProcessor> processors = processing.eventProcessors();
        assertThat(processors).containsOnlyKeys("councils", "sessions", "resolutions", "oversight", "ledger");
        processors.forEach((name, processor) -> assertThat(processor.getHandlerInterceptors())
                .as(name)
                .filteredOn(interceptor -> interceptor.getClass().getName().contains("DeferredDurability"))
                .hasSize(name.equals("ledger") ? 0 : 1));
    }
}
