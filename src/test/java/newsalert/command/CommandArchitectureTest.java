package newsalert.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Commands reach storage only through the store ports, and nothing else outside the core but the SLF4J API. */
class CommandArchitectureTest {
    @Test
    void commandsUseOnlyJavaCoreTypesAndStorePorts() {
        classes().that().resideInAPackage("newsalert.command..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "newsalert.command..",
                        "newsalert.story..", "newsalert.subscription..", "newsalert.store", "newsalert.net",
                        "org.slf4j", "newsalert.metrics", "newsalert.time")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("newsalert.command"));
    }
}
