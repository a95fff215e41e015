package com.policyconsole.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of README's "Architecture" section, executable: domain ← adapters-http ← app-console. */
@AnalyzeClasses(packages = "com.policyconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_java_and_ipaddress = classes()
            .that().resideInAPackage("com.policyconsole.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "inet.ipaddr..", "com.policyconsole.domain..");

    @ArchTest
    static final ArchRule model_depends_on_nothing_else_of_the_domain = classes()
            .that().resideInAPackage("com.policyconsole.domain.model..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "inet.ipaddr..", "com.policyconsole.domain.model..");

    @ArchTest
    static final ArchRule ports_never_depend_on_services_or_adapters = noClasses()
            .that().resideInAPackage("com.policyconsole.domain.port..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("com.policyconsole.domain.service..", "com.policyconsole.adapter..",
                    "com.policyconsole.console..");

    @ArchTest
    static final ArchRule adapters_never_depend_on_the_console = noClasses()
            .that().resideInAPackage("com.policyconsole.adapter..")
            .should().dependOnClassesThat().resideInAPackage("com.policyconsole.console..");

    @ArchTest
    static final ArchRule layers_are_respected = layeredArchitecture().consideringAllDependencies()
            .layer("Model").definedBy("com.policyconsole.domain.model..")
            .layer("Rules").definedBy("com.policyconsole.domain.validation..", "com.policyconsole.domain.guardrail..")
            .layer("Ports").definedBy("com.policyconsole.domain.port..")
            .layer("Services").definedBy("com.policyconsole.domain.service..")
            .layer("Adapters").definedBy("com.policyconsole.adapter..")
            .layer("Console").definedBy("com.policyconsole.console..")
            .whereLayer("Console").mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Console")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Console")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Services", "Adapters", "Console")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Ports", "Services", "Adapters", "Console");

    @ArchTest
    static final ArchRule nothing_outside_the_sandbox_depends_on_it = noClasses()
            .that().resideOutsideOfPackage("com.policyconsole.console.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("com.policyconsole.console.sandbox..");

    @ArchTest
    static final ArchRule constructor_injection_only = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
