package newsalert.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import newsalert.analysis.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** Keeps the core free of adapter libraries, as DESIGN.md lays out. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("newsalert");

    @Test
    void storyTypesUseOnlyJava() {
        classes().that().resideInAPackage("newsalert.story..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "newsalert.story..")
                .check(MAIN);
    }

    @Test
    void coreKnowsNoFeedHttpJdbcOrChatLibraries() {
        noClasses().that().resideInAnyPackage("newsalert.story..", "newsalert.analysis..", "newsalert.pipeline..",
                        "newsalert.event..", "newsalert.subscription..", "newsalert.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.rometools..", "okhttp3..", "java.sql..",
                        "org.flywaydb..", "com.zaxxer.hikari..", "org.postgresql..", "net.dv8tion..", "org.telegram..",
                        "newsalert.store.jdbc..", "newsalert.feed..", "newsalert.app..")
                .check(MAIN);
    }

    @Test
    void feedParsingKnowsNothingOfStorageOrApp() {
        noClasses().that().resideInAPackage("newsalert.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "newsalert.store..",
                        "newsalert.app..", "newsalert.pipeline..")
                .check(MAIN);
    }

    /**
     * Subscriptions use Java, the story types, edit distance, and of the analysis only the shared tokenizer
     * ({@code analysis.text.Tokenizer}, pure and stateless): place names in a story are cut and normalised by the
     * same rule as the analysis reads the story (issue 15 item 7), so "İzmir" is one word everywhere.
     */
    @Test
    void subscriptionsUseOnlyJavaAndStoryTypes() {
        classes().that().resideInAPackage("newsalert.subscription..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "newsalert.story..",
                        "newsalert.subscription..",
                        // edit distance for the closest place names (pure computation, no I/O)
                        "org.apache.commons.text.similarity..")
                        .or(JavaClass.Predicates.belongToAnyOf(Tokenizer.class)))
                .check(MAIN);
    }

    @Test
    void deliveryUsesOnlyJavaStorySubscriptionAndStorePorts() {
        classes().that().resideInAPackage("newsalert.delivery..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "newsalert.story..",
                        "newsalert.subscription..", "newsalert.store", "newsalert.delivery..", "newsalert.metrics",
                        // the rate limiter's per-chat state: an in-memory cache, no I/O (issue 19 item 6)
                        "com.github.benmanes.caffeine.cache..")
                .check(MAIN);
        // "java.." above would let JDBC in: rule it out by name, with the chat and HTTP libraries
        noClasses().that().resideInAPackage("newsalert.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "okhttp3..",
                        "org.telegram..", "net.dv8tion..", "newsalert.store.jdbc..", "newsalert.platform..")
                .check(MAIN);
    }

    /** The metrics facade is plain Java; only the wiring knows Micrometer and the HTTP endpoint. */
    @Test
    void metricsFacadeIsPlainJavaAndMicrometerStaysAtTheEdge() {
        classes().that().resideInAPackage("newsalert.metrics")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "newsalert.story..",
                        "newsalert.subscription..", "newsalert.metrics")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackages("newsalert.metrics.micrometer..", "newsalert.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..",
                        "com.sun.net.httpserver..", "newsalert.metrics.micrometer..")
                .check(MAIN);
    }

        /**
     * The analysis subpackages by concern: {@code text} (tokens, word lists, evidence spans, language) serves the
     * others and knows none of them; topic, casualty and quote rules stay apart from one another; only the
     * {@code newsalert.analysis} facade ({@code Assessor}) puts them together.
     */
    @Test
    void analysisSubpackagesKeepToTheirConcern() {
        noClasses().that().resideInAPackage("newsalert.analysis.text..")
                .should().dependOnClassesThat().resideInAnyPackage("newsalert.analysis", "newsalert.analysis.topic..",
                        "newsalert.analysis.casualty..", "newsalert.analysis.quote..")
                .check(MAIN);
        noClasses().that().resideInAPackage("newsalert.analysis.topic..")
                .should().dependOnClassesThat().resideInAnyPackage("newsalert.analysis",
                        "newsalert.analysis.casualty..", "newsalert.analysis.quote..")
                .check(MAIN);
        noClasses().that().resideInAPackage("newsalert.analysis.casualty..")
                .should().dependOnClassesThat().resideInAnyPackage("newsalert.analysis", "newsalert.analysis.topic..",
                        "newsalert.analysis.quote..")
                .check(MAIN);
        noClasses().that().resideInAPackage("newsalert.analysis.quote..")
                .should().dependOnClassesThat().resideInAnyPackage("newsalert.analysis", "newsalert.analysis.topic..",
                        "newsalert.analysis.casualty..")
                .check(MAIN);
    }

    /**
     * Outside analysis, the casualty and quote rules are reached only through the {@code Assessor}; the topic
     * model and the tokenizer are also used by the topic-model trainer ({@code eval}).
     */
    @Test
    void casualtyAndQuoteRulesAreReachedThroughTheAssessor() {
        classes().that().resideOutsideOfPackages("newsalert.analysis..")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "newsalert.analysis.casualty..", "newsalert.analysis.quote..")))
                .check(MAIN);
    }

    /**
     * Everything logs through SLF4J (Logback): {@link System.Logger} and java.util.logging print in their own
     * format, ignore logback.xml and {@code NEWSALERT_LOG_LEVEL}.
     */
    @Test
    void everyClassLogsThroughSlf4j() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.Logger.Level.class,
                java.util.logging.Logger.class, java.util.logging.Level.class).check(MAIN);
    }
}
