package vn.hdnd.server.system;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;
import vn.hdnd.events.EventMetadata;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Correlation data flows from a command to the events it causes, and is not computed for events themselves. */
class CommandCorrelationTest {
    private final CorrelationDataProvider audit = new AxonConfiguration().auditMetadata();
    private final CorrelationDataProvider origin = new AxonConfiguration().messageOrigin();

    @Test
    void aCommandPassesItsAuditMetadataAndOriginOn() {
        var command = GenericCommandMessage.asCommandMessage("seat")
                .andMetaData(MetaData.from(Map.of(EventMetadata.ACTOR, "clerk", EventMetadata.COMMAND_ID, "k-1",
                        "unrelated", "x")));
        assertThat(Map.<String, Object>copyOf(audit.correlationDataFor(command)))
                .isEqualTo(Map.of(EventMetadata.ACTOR, "clerk", EventMetadata.COMMAND_ID, "k-1"));
        assertThat(origin.correlationDataFor(command).get("correlationId")).isEqualTo(command.getIdentifier());
    }

    @Test
    void anEventPassesNothingOn() {
        var event = GenericEventMessage.asEventMessage("seated")
                .andMetaData(MetaData.from(Map.of(EventMetadata.ACTOR, "clerk")));
        assertThat(audit.correlationDataFor(event)).isEmpty();
        assertThat(origin.correlationDataFor(event)).isEmpty();
    }
}
