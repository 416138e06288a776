package io.celerity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of the library, checked on its compiled classes. */
@AnalyzeClasses(packages = "io.celerity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiDependsOnNoInternals = noClasses().that().resideInAPackage("io.celerity.api..")
            .should().dependOnClassesThat().resideInAPackage("io.celerity.internal..")
            .because("applications compile against io.celerity.api alone");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.celerity.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webNeverTouchesMessaging = noClasses().that().resideInAPackage("io.celerity.internal.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.celerity.internal.messaging..", "jakarta.jms..")
            .because("the web surface acts through the dispatcher and task control, which own the messages");

    @ArchTest
    static void nothingDependsOnTheBootstrap(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("io.celerity.internal")
                .should().dependOnClassesThat().resideInAPackage("io.celerity.internal")
                .because("the extension and start-up wire the packages together; the packages never call back into them")
                .check(classes);
    }
}
