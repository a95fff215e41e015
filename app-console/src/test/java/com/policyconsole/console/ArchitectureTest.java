package com.policyconsole.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
            .layer("Rules").definedBy("com.policyconsole.domain.validation..", "com.policyconsole.domain.guardrail..",
                    "com.policyconsole.domain.bulk..")
            .layer("Ports").definedBy("com.policyconsole.domain.port..")
            .layer("Services").definedBy("com.policyconsole.domain.service..")
            .layer("Adapters").definedBy("com.policyconsole.adapter..")
            .layer("Sandbox").definedBy("com.policyconsole.sandbox..")
            .layer("Console").definedBy("com.policyconsole.console..")
            .whereLayer("Console").mayNotBeAccessedByAnyLayer()
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Console")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Sandbox", "Console")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Console")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Services", "Adapters", "Sandbox", "Console")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Ports", "Services", "Adapters", "Sandbox", "Console");

    @ArchTest
    static final ArchRule the_sandbox_is_used_only_by_the_wiring = noClasses()
            .that().resideOutsideOfPackages("com.policyconsole.sandbox..", "com.policyconsole.console.config..")
            .should().dependOnClassesThat().resideInAPackage("com.policyconsole.sandbox..");

    @ArchTest
    static final ArchRule the_sandbox_depends_on_the_domain_and_the_wire_codecs_only = noClasses()
            .that().resideInAPackage("com.policyconsole.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("com.policyconsole.console..");

    @ArchTest
    static final ArchRule inbound_adapters_use_only_the_use_cases = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.out..", "..domain.port.out..",
                    "..domain.service..");

    /**
     * Not even through another package: the pages, the API and what the API resources share reach the database only
     * through the use cases and the ports (idempotency and rate limits through {@code ApiGuards}).
     */
    @ArchTest
    static final ArchRule inbound_adapters_never_reach_persistence_through_another_package = noClasses()
            .that().resideInAnyPackage("..console.adapter.in..", "com.policyconsole.console.api..")
            .should().transitivelyDependOnClassesThat().resideInAPackage("..console.adapter.out.persistence..");

    @ArchTest
    static final ArchRule console_packages_are_free_of_cycles = slices()
            .matching("com.policyconsole.console.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule constructor_injection_only = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
