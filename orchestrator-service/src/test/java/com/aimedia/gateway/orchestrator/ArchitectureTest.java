package com.aimedia.gateway.orchestrator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.aimedia.gateway.testsupport.GatewayArchitecture;
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
        GatewayArchitecture.avroOnlyInMessaging("com.aimedia.gateway.orchestrator", AVRO_OUTSIDE_MESSAGING)
            .check(classes);
    }

    @Test
    void should_keep_mongodb_in_stores_when_features_persist() {
        GatewayArchitecture.mongoOnlyInStoresAndRepositories(MONGO_OUTSIDE_STORES).check(classes);
    }

}
