package vn.hdnd.server.system;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Axon's annotation-based command target resolver, with the annotated record components of each command type found
 * once. Axon's own looks for {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion} by reflection over
 * the command's fields and methods on every command: an eighth of the command lanes' time (JFR, bench/README.md).
 * A command that is not a record, or whose annotated members are not what is read here (a target that is null, a
 * version that is not a {@link Long}), goes to Axon's resolver, which answers, or refuses, as before.
 */
final class RecordCommandTargets implements CommandTargetResolver {
    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    /** The accessors of a record's target and version (null if it has none), or null to ask Axon. */
    private record Accessors(Method target, Method version) {
    }

    private final ClassValue<Accessors> accessors = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return type.isRecord() ? accessors(type) : null;
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Accessors found = accessors.get(command.getPayloadType());
        if (found != null) {
            try {
                Object target = found.target().invoke(command.getPayload());
                Object version = found.version() == null ? null : found.version().invoke(command.getPayload());
                if (target != null) {
                    return new VersionedAggregateIdentifier(target, (Long) version);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                // Axon's resolver reads the member again and reports the failure as it does.
            }
        }
        return axon.resolveTarget(command);
    }

    /**
     * The accessors of the components annotated, on the component's field or accessor, as Axon finds them there; null
     * if there is no target, or if a method that is not an accessor is annotated, which Axon would consult too.
     */
    private static Accessors accessors(Class<?> type) {
        Set<Method> componentAccessors = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getAccessor).collect(Collectors.toSet());
        for (Method method : type.getDeclaredMethods()) {
            if (!componentAccessors.contains(method) && (AnnotationUtils.isAnnotationPresent(method,
                    TargetAggregateIdentifier.class) || AnnotationUtils.isAnnotationPresent(method,
                    TargetAggregateVersion.class))) {
                return null;
            }
        }
        RecordComponent target = annotated(type, TargetAggregateIdentifier.class);
        RecordComponent version = annotated(type, TargetAggregateVersion.class);
        if (target == null || version != null && version.getType() != Long.class) {
            return null;
        }
        return new Accessors(accessible(target.getAccessor()),
                version == null ? null : accessible(version.getAccessor()));
    }

    /** The first component annotated, on its field or its accessor; null if none is. */
    private static RecordComponent annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (AnnotationUtils.isAnnotationPresent(component.getAccessor(), annotation)
                    || AnnotationUtils.isAnnotationPresent(field(type, component), annotation)) {
                return component;
            }
        }
        return null;
    }

    private static AccessibleObject field(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record without its component's field: " + type, e);
        }
    }

    private static Method accessible(Method accessor) {
        accessor.setAccessible(true);
        return accessor;
    }
}
