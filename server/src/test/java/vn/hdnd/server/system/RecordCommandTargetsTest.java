package vn.hdnd.server.system;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hdnd.server.support.PostgresTest;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The target resolver that finds a record's annotated components once resolves every command as Axon's own does,
 * and is the one Axon's aggregates use.
 */
@PostgresTest
class RecordCommandTargetsTest {
    private final CommandTargetResolver records = new RecordCommandTargets();
    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version, String text) {
    }

    record Unversioned(String text, @TargetAggregateIdentifier String id) {
    }

    /** A version from a method that is not a component's accessor: Axon reads it, so the resolver leaves it to Axon. */
    record VersionFromAMethod(@TargetAggregateIdentifier String id, long base) {
        @TargetAggregateVersion
        Long expected() {
            return base + 1;
        }
    }

    static final class NotARecord {
        @TargetAggregateIdentifier
        final String id = "vn-hn";
    }

    @Test
    void axonsAggregatesUseIt(@Autowired Configuration configuration) {
        assertThat(configuration.getComponent(CommandTargetResolver.class)).isInstanceOf(RecordCommandTargets.class);
    }

    @Test
    void itResolvesAsAxonDoes() {
        for (Object command : List.of(new Versioned("vn-hn", 3L, "a"), new Versioned("vn-hn", null, "a"),
                new Unversioned("a", "vn-hn-ss-1"), new VersionFromAMethod("vn-hn", 4), new NotARecord())) {
            assertThat(records.resolveTarget(message(command))).as(command.toString())
                    .isEqualTo(axon.resolveTarget(message(command)));
        }
        assertThat(records.resolveTarget(message(new Versioned("vn-hn", 3L, "a"))).getVersion()).isEqualTo(3L);
    }

    @Test
    void aCommandWithoutItsTargetIsRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() -> records.resolveTarget(message(new Versioned(null, 3L, "a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("It does not identify the target aggregate");
    }

    /** Every command of the record, built with sample values: the same target and version as Axon finds. */
    @Test
    void everyCommandOfTheRecordResolvesAsAxonResolvesIt() throws Exception {
        List<Class<?>> commands = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hdnd.command").stream()
                .<Class<?>>map(type -> type.reflect())
                .filter(type -> type.isRecord() && hasAnnotatedComponent(type))
                .toList();
        List<String> checked = new ArrayList<>();
        for (Class<?> type : commands) {
            Object command = sample(type);
            assertThat(records.resolveTarget(message(command))).as(type.getName())
                    .isEqualTo(axon.resolveTarget(message(command)));
            checked.add(type.getSimpleName());
        }
        assertThat(checked).as("the council, session and oversight commands").hasSizeGreaterThan(20);
    }

    private static boolean hasAnnotatedComponent(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            // The annotation's targets are fields and methods: a component passes it to its field and accessor.
            if (component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)) {
                return true;
            }
        }
        return false;
    }

    /** The record with its target and version set, and every other component its type's empty value. */
    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == String.class ? "vn-" + components[i].getName()
                    : types[i] == Long.class || types[i] == long.class ? 5L
                    : types[i] == int.class ? 1
                    : types[i] == boolean.class ? false
                    : types[i] == List.class ? List.of()
                    : null;
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }

    private static CommandMessage<?> message(Object command) {
        return GenericCommandMessage.asCommandMessage(command);
    }
}
