package io.celerity;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.celerity.api.TaskMeta;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.lang.invoke.MethodHandles;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
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
    static final ArchRule onlyTheStoreWritesCelerityColumns = noClasses()
            .that().resideOutsideOfPackages("io.celerity.api..", "io.celerity.internal.store..")
            .should().callMethodWhere(target(and(owner(assignableTo(TaskMeta.class)), nameStartingWith("set"))))
            .orShould().callMethod(MethodHandles.class, "privateLookupIn", Class.class, MethodHandles.Lookup.class)
            .because("every change of a task goes through the store, which checks it against the transition table");

    @ArchTest
    static void nothingDependsOnTheBootstrap(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("io.celerity.internal")
                .should().dependOnClassesThat().resideInAPackage("io.celerity.internal")
                .because("the extension and start-up wire the packages together; the packages never call back into them")
                .check(classes);
    }
}
