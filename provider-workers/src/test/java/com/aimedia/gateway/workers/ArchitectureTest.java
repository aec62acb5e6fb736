package com.aimedia.gateway.workers;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.aimedia.gateway.workers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PROVIDER = "com.aimedia.gateway.workers.provider";

    private static final Set<String> SHARED_PROVIDER_PACKAGES = Set.of(PROVIDER + ".spi", PROVIDER + ".http");

    /**
     * Classes that use the MongoDB driver without being named a store or repository, each
     * with the reason. Everything else touches MongoDB only through a {@code *Store} or
     * {@code *Repository} (or the {@code *Configuration} that builds one from the
     * {@code MongoDatabase} bean).
     */
    private static final Map<String, String> MONGO_OUTSIDE_STORES = Map.of(
            "com.aimedia.gateway.workers.availability.ProviderStatusReporter",
            "writes one provider_status document per provider at start-up: the whole feature is that write",
            "com.aimedia.gateway.workers.outputs.DailyQuota",
            "the store of the per-tenant daily output bytes, named after its feature",
            "com.aimedia.gateway.workers.outputs.TaskTenants",
            "reads the tenant of a task from submissions, the outputs feature's read model of it");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("com.aimedia.gateway.workers.(**)")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule no_provider_imports_another_provider = slices()
        .matching("com.aimedia.gateway.workers.provider.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage("com.aimedia.gateway.workers.provider.spi.."))
        // the shared HTTP plumbing is used by every provider, like the SPI
        .ignoreDependency(alwaysTrue(), resideInAPackage("com.aimedia.gateway.workers.provider.http.."));

    /**
     * A provider package sees the SPI and the shared HTTP plumbing only: no Kafka,
     * storage or service code.
     */
    @ArchTest
    static final ArchRule providers_depend_on_nothing_else_of_the_service = noClasses().that(inAProviderPackage())
        .should()
        .dependOnClassesThat(
                resideInAPackage("com.aimedia.gateway.workers..").and(not(resideInAPackage(PROVIDER + ".."))))
        .orShould()
        .dependOnClassesThat(resideInAnyPackage("com.mongodb..", "org.bson..", "org.apache.kafka..",
                "org.springframework.kafka..", "org.apache.avro..", "com.aimedia.gateway.schemas.."));

    /**
     * The rest of the service never names a provider: it knows adapters only through the
     * SPI and the registry.
     */
    @ArchTest
    static final ArchRule nothing_outside_a_provider_names_it = noClasses().that(not(inAProviderPackage()))
        .should()
        .dependOnClassesThat(inAProviderPackage());

    /**
     * Shared code must stay provider-neutral, or one provider's quirk would leak into all
     * of them.
     */
    @ArchTest
    static final ArchRule shared_http_knows_no_provider = noClasses().that()
        .resideInAPackage("com.aimedia.gateway.workers.provider.http..")
        .should()
        .dependOnClassesThat(resideInAPackage("com.aimedia.gateway.workers.provider..")
            .and(not(resideInAPackage("com.aimedia.gateway.workers.provider.http..")))
            .and(not(resideInAPackage("com.aimedia.gateway.workers.provider.spi.."))));

    /**
     * Avro records are the Kafka edge: messaging maps them to and from domain records,
     * and nothing else sees them.
     */
    @ArchTest
    static final ArchRule avro_only_in_messaging = noClasses().that()
        .resideOutsideOfPackage("com.aimedia.gateway.workers.messaging..")
        .should()
        .dependOnClassesThat(resideInAnyPackage("com.aimedia.gateway.schemas.v1..", "org.apache.avro.."));

    @ArchTest
    static final ArchRule mongo_only_in_stores_and_repositories = noClasses().that(not(aStoreOrItsWiring()))
        .should()
        .dependOnClassesThat(resideInAnyPackage("com.mongodb..", "org.bson.."));

    private static DescribedPredicate<JavaClass> inAProviderPackage() {
        return DescribedPredicate.describe("in a provider's package", javaClass -> {
            String name = javaClass.getPackageName();
            return name.startsWith(PROVIDER + ".") && SHARED_PROVIDER_PACKAGES.stream()
                .noneMatch(shared -> name.equals(shared) || name.startsWith(shared + "."));
        });
    }

    private static DescribedPredicate<JavaClass> aStoreOrItsWiring() {
        return DescribedPredicate.describe("a store, a repository, their wiring, or a listed exception", javaClass -> {
            String topLevel = javaClass.getName().replaceFirst("\\$.*", "");
            String simple = topLevel.substring(topLevel.lastIndexOf('.') + 1);
            return simple.endsWith("Store") || simple.endsWith("Repository") || simple.endsWith("Configuration")
                    || MONGO_OUTSIDE_STORES.containsKey(topLevel);
        });
    }

}
