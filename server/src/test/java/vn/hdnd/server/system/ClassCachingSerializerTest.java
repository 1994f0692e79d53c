package vn.hdnd.server.system;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.hdnd.events.council.CouncilEstablished;
import vn.hdnd.events.council.Tier;
import vn.hdnd.events.session.SessionConvened;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serializer that remembers the class of each stored type name answers as Axon's own lenient Jackson serializer
 * does, for known, unknown and empty types, and reads stored events as it does.
 */
class ClassCachingSerializerTest {
    private final ClassCachingSerializer serializer = ClassCachingSerializer.lenient(AxonConfiguration.storageMapper());
    private final JacksonSerializer axons = JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper())
            .lenientDeserialization().build();

    @Test
    void answersAsAxonsSerializerForEveryKindOfType() {
        for (var type : List.of(new SimpleSerializedType(CouncilEstablished.class.getName(), "1"),
                new SimpleSerializedType(CouncilEstablished.class.getName(), null),
                new SimpleSerializedType("vn.hdnd.events.NoSuchEvent", "1"),
                SimpleSerializedType.emptyType())) {
            assertThat(serializer.classForType(type)).as(type.toString()).isEqualTo(axons.classForType(type));
            assertThat(serializer.classForType(type)).as("asked again: " + type).isEqualTo(axons.classForType(type));
        }
        assertThat(serializer.classForType(new SimpleSerializedType("vn.hdnd.events.NoSuchEvent", "1")))
                .isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void readsWhatItWroteAndWhatAxonsSerializerWrote() {
        CouncilEstablished event = new CouncilEstablished("vn-ha-noi", "HĐND thành phố Hà Nội", Tier.PROVINCE, null,
                LocalDate.of(2008, 8, 1));

        SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
        assertThat((Object) serializer.deserialize(written)).isEqualTo(event);
        assertThat((Object) serializer.deserialize(axons.serialize(event, byte[].class))).isEqualTo(event);
    }

    @Test
    void readsLeniently() {
        // Axon's lenient mode: a field the class does not know is ignored.
        byte[] json = """
                {"councilId":"vn-x","name":"X","tier":"PROVINCE","establishedOn":"2008-08-01","addedLater":1}"""
                .getBytes(StandardCharsets.UTF_8);
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(json, byte[].class,
                CouncilEstablished.class.getName(), "1");

        assertThat((Object) serializer.deserialize(stored))
                .isEqualTo(new CouncilEstablished("vn-x", "X", Tier.PROVINCE, null, LocalDate.of(2008, 8, 1)));

        // And a single value where a list is expected is read as a list of one.
        byte[] single = """
                {"sessionId":"s","councilId":"c","convenedOn":"2021-06-25","presentDelegateIds":"d1",\
                "totalDelegates":1}""".getBytes(StandardCharsets.UTF_8);
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(single, byte[].class,
                SessionConvened.class.getName(), "1")))
                .isEqualTo(new SessionConvened("s", "c", LocalDate.of(2021, 6, 25), List.of("d1"), 1));
    }
}
