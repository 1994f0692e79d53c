package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, remembering which class a stored type name stands for. Axon asks for every event it reads,
 * twice (payload and metadata), and Jackson answers with {@code Class.forName} through Spring Boot's class loader each
 * time: a fifth of a processor's reading thread during a rebuild. The classes of a running server do not change, so
 * the answer, a class or Axon's unknown type, is kept.
 */
final class ClassCachingSerializer extends JacksonSerializer {
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    private ClassCachingSerializer(ObjectMapper mapper) {
        super(JacksonSerializer.builder().objectMapper(mapper));
    }

    /**
     * The serializer over this mapper, with Axon's lenient deserialization: the mapper settings that the builder's
     * {@code lenientDeserialization()} makes, which only its own {@code build()} applies.
     */
    static ClassCachingSerializer lenient(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new ClassCachingSerializer(mapper);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        String name = resolveClassName(type);
        Class<?> known = classes.get(name); // a plain read: computeIfAbsent may lock the map's bin
        return known != null ? known : classes.computeIfAbsent(name, n -> super.classForType(type));
    }
}
