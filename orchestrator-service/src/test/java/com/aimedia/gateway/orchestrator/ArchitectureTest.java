package com.aimedia.gateway.orchestrator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.aimedia.gateway.orchestrator");

    @Test
    void should_have_no_package_cycles_when_features_depend_on_each_other() {
        slices().matching("com.aimedia.gateway.orchestrator.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Avro records are the Kafka edge and stay in {@code messaging} packages, where one
     * mapper turns them into domain records. Listed: classes that still touch Avro
     * outside one, each with the reason.
     */
    private static final Map<String, String> AVRO_OUTSIDE_MESSAGING = Map.of();

    /**
     * The MongoDB driver stays in stores and repositories ({@code *Store},
     * {@code *Repository}, their {@code *Documents} mapping and the
     * {@code *Configuration} that builds them from the {@code MongoDatabase} bean).
     * Listed: classes that use it under another name, each with the reason.
     */
    private static final Map<String, String> MONGO_OUTSIDE_STORES = Map
        .of("com.aimedia.gateway.orchestrator.polling.PollClaims", "the store of poll claims, named after its feature");

    @Test
    void should_keep_avro_in_messaging_when_features_publish_or_consume() {
        noClasses().that()
            .resideOutsideOfPackage("com.aimedia.gateway.orchestrator..messaging..")
            .and(not(listedIn(AVRO_OUTSIDE_MESSAGING)))
            .should()
            .dependOnClassesThat(resideInAnyPackage("com.aimedia.gateway.schemas.v1..", "org.apache.avro.."))
            .check(classes);
    }

    @Test
    void should_keep_mongodb_in_stores_when_features_persist() {
        noClasses().that(not(aStoreOrItsWiring()).and(not(listedIn(MONGO_OUTSIDE_STORES))))
            .should()
            .dependOnClassesThat(resideInAnyPackage("com.mongodb..", "org.bson.."))
            .check(classes);
    }

    private static DescribedPredicate<JavaClass> listedIn(Map<String, String> exceptions) {
        return DescribedPredicate.describe("listed with a reason",
                javaClass -> exceptions.containsKey(topLevel(javaClass)));
    }

    private static DescribedPredicate<JavaClass> aStoreOrItsWiring() {
        return DescribedPredicate.describe("a store, a repository, their documents or wiring", javaClass -> {
            String topLevel = topLevel(javaClass);
            String simple = topLevel.substring(topLevel.lastIndexOf('.') + 1);
            return simple.endsWith("Store") || simple.endsWith("Repository") || simple.endsWith("Documents")
                    || simple.endsWith("Configuration");
        });
    }

    private static String topLevel(JavaClass javaClass) {
        return javaClass.getName().replaceFirst("\\$.*", "");
    }

}
