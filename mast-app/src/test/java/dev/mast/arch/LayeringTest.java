package dev.mast.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of DESIGN.md and the README's "How the code is laid out": the core never sees
 * JavaFX or the simulator, the modules and the packages depend on each other in one direction
 * only, and the GUI and the command line reach the nodes only through the core.
 */
@AnalyzeClasses(packages = "dev.mast", importOptions = LayeringTest.NoTests.class)
class LayeringTest {
    /**
     * The product's classes only. Another module's tests come from its test jar once the modules are packaged
     * ({@code mvn verify}), where {@link ImportOption.DoNotIncludeTests}, which knows test folders only, lets them in.
     */
    static final class NoTests implements ImportOption {
        private final ImportOption testFolders = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return testFolders.includes(location) && !location.contains("-tests.jar");
        }
    }

    /** The packages of mast-core. */
    private static final String[] CORE = {"dev.mast.plan..", "dev.mast.files..", "dev.mast.manifest..", "dev.mast.pki..",
        "dev.mast.render..", "dev.mast.node..", "dev.mast.concurrent..", "dev.mast.workflow..", "dev.mast.cluster..", "dev.mast.sources.."};
    /** The packages of mast-app, and the launcher's own classes in dev.mast. */
    private static final String[] APP = {"dev.mast.app..", "dev.mast.bench..", "dev.mast.cli..", "dev.mast.ui..", "dev.mast"};

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule theCommandLineNeverImportsJavaFx = noClasses()
            .that().resideInAPackage("dev.mast.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule realInstallCodeNeverUsesTheSimulator = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.mast.sim..");

    /** mast-core below mast-sim below mast-app: Maven refuses a cycle between modules, this names the packages. */
    @ArchTest
    static final ArchRule coreAndSimulatorNeverUseTheApp = noClasses()
            .that().resideInAnyPackage(CORE).or().resideInAPackage("dev.mast.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(APP);

    @ArchTest
    static final ArchRule planDependsOnNothingOfMast = noClasses()
            .that().resideInAPackage("dev.mast.plan..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mast.manifest..", "dev.mast.pki..", "dev.mast.render..",
                    "dev.mast.node..", "dev.mast.workflow..", "dev.mast.cluster..", "dev.mast.ui..", "dev.mast.cli..");

    /** The GUI reaches nodes through the services of ui.AppServices, never over SSH itself. */
    @ArchTest
    static final ArchRule theGuiNeverUsesNode = noClasses()
            .that().resideInAPackage("dev.mast.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.mast.node..");

    /** The command line calls the core, the benchmarks' harness and the simulator, never the GUI. */
    @ArchTest
    static final ArchRule theCommandLineNeverUsesTheGui = noClasses()
            .that().resideInAPackage("dev.mast.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.mast.ui..");

    @ArchTest
    static final ArchRule noCycleBetweenTopLevelPackages = slices().matching("dev.mast.(*)..").should().beFreeOfCycles();

    /**
     * Named exception: the main window (MastApp, MainWindow, MainWindowModel, OperateNavigation, in {@code ui}) puts the
     * pages of {@code ui.*} together, and the pages use the service interfaces beside it in {@code ui} (AppServices,
     * RunLauncher, RunKind, ...). No other cycle between packages.
     */
    @ArchTest
    static final ArchRule noCycleBetweenAnyPackages = slices().matching("dev.mast.(**)").should().beFreeOfCycles()
            .ignoreDependency(nameMatching("dev\\.mast\\.ui\\.(MastApp|MainWindow|MainWindowModel|OperateNavigation)(\\$.*)?"),
                    resideInAPackage("dev.mast.ui.*.."));
}
