package com.aimedia.gateway.api;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import com.aimedia.gateway.testsupport.GatewayArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.aimedia.gateway.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule features_have_no_cycles = slices().matching("com.aimedia.gateway.api.(*)..")
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
            "com.aimedia.gateway.api.catalog.ProviderAvailability",
            "reads provider_status (written by provider-workers): a read model under its feature's name",
            "com.aimedia.gateway.api.listing.TaskListQuery", "the Bson filter and sort that TaskListRepository runs",
            "com.aimedia.gateway.api.web.ApiExceptionHandler",
            "answers a MongoException with a 503 problem at the web edge", "com.aimedia.gateway.api.quotas.RateWindows",
            "the store of per-subject one-second rate windows, named after its feature",
            "com.aimedia.gateway.api.quotas.TaskSlots", "the store of in-flight task slots, named after its feature",
            "com.aimedia.gateway.api.quotas.InFlightCounts",
            "the store of per-tenant in-flight counters, named after its feature");

    @ArchTest
    static final ArchRule avro_only_in_messaging = GatewayArchitecture.avroOnlyInMessaging("com.aimedia.gateway.api",
            AVRO_OUTSIDE_MESSAGING);

    @ArchTest
    static final ArchRule mongo_only_in_stores_and_repositories = GatewayArchitecture
        .mongoOnlyInStoresAndRepositories(MONGO_OUTSIDE_STORES);

}
