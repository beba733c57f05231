package dev.mast.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of DESIGN.md: the core never sees JavaFX, and only the app's edges see the simulator. */
@AnalyzeClasses(packages = "dev.mast", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("dev.mast.plan..", "dev.mast.manifest..", "dev.mast.pki..", "dev.mast.render..",
                    "dev.mast.node..", "dev.mast.workflow..", "dev.mast.cluster..", "dev.mast.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule realInstallCodeNeverUsesTheSimulator = noClasses()
            .that().resideInAnyPackage("dev.mast.plan..", "dev.mast.manifest..", "dev.mast.pki..", "dev.mast.render..",
                    "dev.mast.node..", "dev.mast.workflow..", "dev.mast.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mast.sim..");

    @ArchTest
    static final ArchRule planDependsOnNothingOfMast = noClasses()
            .that().resideInAPackage("dev.mast.plan..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mast.manifest..", "dev.mast.pki..",
                    "dev.mast.node..", "dev.mast.workflow..", "dev.mast.cluster..", "dev.mast.ui..", "dev.mast.cli..");
}
