package newsalert.platform.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapter depends on the chat core's ports and value types and on TelegramBots, never on storage
 * implementations, the pipeline or the app.
 */
class TelegramArchitectureTest {
    @Test
    void adapterUsesOnlyPortsValueTypesAndTelegramBots() {
        classes().that().resideInAPackage("newsalert.platform.telegram..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "newsalert.platform.telegram..",
                        // the platforms' shared helpers (story links in ASCII, Links), not another adapter
                        "newsalert.platform",
                        "newsalert.platform.console..", "newsalert.command..", "newsalert.delivery..",
                        "newsalert.story..", "newsalert.subscription..", "newsalert.store", "org.telegram..",
                        "okhttp3..", "com.github.benmanes.caffeine..", "com.fasterxml.jackson.databind..",
                        // the parse error TelegramBots wraps when a server is not the Bot API (named, not shown)
                        "com.fasterxml.jackson.core..", "org.slf4j..")
                .check(adapterClasses());
    }

    /** System.Logger goes to java.util.logging here (its own format, deaf to NEWSALERT_LOG_LEVEL). */
    @Test
    void adapterLogsThroughSlf4jNotSystemLogger() {
        noClasses().that().resideInAPackage("newsalert.platform.telegram..")
                .should().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.Logger.Level.class,
                        java.util.logging.Logger.class)
                .check(adapterClasses());
    }

    private static JavaClasses adapterClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("newsalert.platform.telegram");
    }
}
