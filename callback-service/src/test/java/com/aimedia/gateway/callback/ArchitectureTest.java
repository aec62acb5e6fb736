package com.aimedia.gateway.callback;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import com.aimedia.gateway.testsupport.GatewayArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.aimedia.gateway.callback", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule should_have_no_package_cycles_when_features_depend_on_each_other = slices()
        .matching("com.aimedia.gateway.callback.(**)")
        .should()
        .beFreeOfCycles();

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
    private static final Map<String, String> MONGO_OUTSIDE_STORES = Map.of(
            "com.aimedia.gateway.callback.signing.SigningSecrets",
            "the store of webhook signing secrets, named after its feature",
            "com.aimedia.gateway.callback.signing.SecretCipher",
            "seals a secret into the BSON document SigningSecrets stores",
            "com.aimedia.gateway.callback.delivery.DeliveryLog", "the tenant's read view of the deliveries collection",
            "com.aimedia.gateway.callback.delivery.Endpoints",
            "the store of each destination's health (webhook_endpoints)",
            "com.aimedia.gateway.callback.delivery.DeadLetterRelay",
            "reads the pending dead letters of abandoned deliveries and marks them published",
            "com.aimedia.gateway.callback.web.CallbackExceptionHandler",
            "answers a MongoException with a 503 problem at the web edge");

    @ArchTest
    static final ArchRule avro_only_in_messaging = GatewayArchitecture
        .avroOnlyInMessaging("com.aimedia.gateway.callback", AVRO_OUTSIDE_MESSAGING);

    @ArchTest
    static final ArchRule mongo_only_in_stores_and_repositories = GatewayArchitecture
        .mongoOnlyInStoresAndRepositories(MONGO_OUTSIDE_STORES);

}
