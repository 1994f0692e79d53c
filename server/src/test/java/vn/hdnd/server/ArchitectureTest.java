package vn.hdnd.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The two sides meet only through shared-events; aggregates stay inside their feature. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.hdnd");

    @Test
    void theCommandSideDoesNotReadTheQuerySide() {
        noClasses().that().resideInAPackage("vn.hdnd.command..")
                .should().dependOnClassesThat().resideInAPackage("vn.hdnd.query..")
                .check(CLASSES);
    }

    @Test
    void theQuerySideDoesNotCallTheCommandSide() {
        noClasses().that().resideInAPackage("vn.hdnd.query..")
                .should().dependOnClassesThat().resideInAPackage("vn.hdnd.command..")
                .check(CLASSES);
    }

    @Test
    void eventsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("vn.hdnd.events..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hdnd.command..", "vn.hdnd.query..",
                        "vn.hdnd.server..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void aggregatesArePackagePrivate() {
        classes().that().areAnnotatedWith(Aggregate.class).should().notBePublic().check(CLASSES);
    }
}
