package org.passerelle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The package rules of docs/ARCHITECTURE.md, checked on the compiled application classes. */
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = DescribedPredicate.describe("controllers",
            c -> isController(c) || c.getEnclosingClass().map(ArchitectureTest::isController).orElse(false));

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.passerelle");
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.passerelle.(**)").should().beFreeOfCycles().check(application);
    }

    @Test
    void delegatesAreSpringBeansTheModelsNameByExpression() {
        classes().that().implement(JavaDelegate.class).should().beMetaAnnotatedWith(Component.class)
                .because("a model calls a delegate by ${beanName}, never by class name (docs/ARCHITECTURE.md)")
                .check(application);
    }

    @Test
    void onlyTheDemoAndTheIdentitySeedingKnowTheDemoData() {
        noClasses().that().resideOutsideOfPackages("org.passerelle.demo..", "org.passerelle.security.seeding..")
                .should().dependOnClassesThat().resideInAPackage("org.passerelle.demo..")
                .because("production code must run the same without the demo profile")
                .check(application);
    }

    private static boolean isController(JavaClass c) {
        return c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class);
    }

    @Test
    void noClassCallsAController() {
        noClasses().that(DescribedPredicate.not(ENTRY_POINTS)).should().dependOnClassesThat(ENTRY_POINTS)
                .because("a page or an endpoint is an entry point; what it does lives in a service others may call")
                .check(application);
    }
}
