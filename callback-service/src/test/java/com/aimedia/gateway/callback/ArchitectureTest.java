package com.aimedia.gateway.callback;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
}
