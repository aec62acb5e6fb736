package com.aimedia.gateway.workers;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.aimedia.gateway.workers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("com.aimedia.gateway.workers.(**)")
        .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_provider_imports_another_provider = slices()
        .matching("com.aimedia.gateway.workers.provider.(*)..")
        .should().notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage("com.aimedia.gateway.workers.provider.spi.."))
        // the shared HTTP plumbing is used by every provider, like the SPI
        .ignoreDependency(alwaysTrue(), resideInAPackage("com.aimedia.gateway.workers.provider.http.."));

    /** Shared code must stay provider-neutral, or one provider's quirk would leak into all of them. */
    @ArchTest
    static final ArchRule shared_http_knows_no_provider = noClasses()
        .that().resideInAPackage("com.aimedia.gateway.workers.provider.http..")
        .should().dependOnClassesThat(resideInAPackage("com.aimedia.gateway.workers.provider..")
            .and(not(resideInAPackage("com.aimedia.gateway.workers.provider.http..")))
            .and(not(resideInAPackage("com.aimedia.gateway.workers.provider.spi.."))));
}
