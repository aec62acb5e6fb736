package com.aimedia.gateway.orchestrator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.aimedia.gateway.orchestrator");

    @Test
    void should_have_no_package_cycles_when_features_depend_on_each_other() {
        slices().matching("com.aimedia.gateway.orchestrator.(**)").should().beFreeOfCycles().check(classes);
    }
}
