package dev.mast.cli;

import dev.mast.bench.StartupProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mast bench startup}: starts the bundle's launcher several times and prints the time to
 * the first window and to the end of {@code mast --help}, each the median of the runs.
 */
@Command(name = "startup",
        mixinStandardHelpOptions = true,
        description = {
                "Starts Mast's launcher (the bundle's bin/mast) as a new process several times and prints key: value lines: "
                        + "first_window_ms (process start to the first window shown) and cli_help_ms (process start to the end "
                        + "of mast --help), each the median of the runs, with their minimum and maximum.",
                "Needs a display (DISPLAY or WAYLAND_DISPLAY); under CI use xvfb-run."})
final class BenchStartupCommand implements Callable<Integer> {
    /** Where {@code mvn -Pdist package} leaves the app image, relative to the project. */
    static final Path BUILT_LAUNCHER = Path.of("target", "dist", "image", "mast", "bin", "mast");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--launcher", paramLabel = "FILE",
            description = "The launcher to time (default: this bundle's own when run from it, else ./target/dist/image/mast/bin/mast).")
    Path launcher;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Starts of each kind (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-cds", description = "Turn class-data sharing off in the launched JVMs (-Xshare:off), to see what the archive saves.")
    boolean noCds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            err.println("mast bench startup: --runs must be at least 1");
            return MastCommand.BAD_INPUT;
        }
        Optional<Path> found = launcher().filter(Files::isExecutable);
        if (found.isEmpty()) {
            err.println("mast bench startup: no launcher at " + launcher().map(Path::toString).orElse(BUILT_LAUNCHER.toString())
                    + "; build the bundle with mvn -Pdist package, or name one with --launcher");
            return MastCommand.BAD_INPUT;
        }
        if (!hasDisplay(System.getenv())) {
            err.println("mast bench startup: no display (DISPLAY and WAYLAND_DISPLAY are not set); run it in a desktop session, "
                    + "or under xvfb-run -a mast bench startup");
            return MastCommand.FAILED;
        }
        String flags = noCds ? "-Xshare:off " : "";
        var gui = new StartupProbe(found.get(), Map.of("JAVA_TOOL_OPTIONS", flags + "-Dmast.startup.report=true"), TIMEOUT);
        var cli = new StartupProbe(found.get(), noCds ? Map.of("JAVA_TOOL_OPTIONS", flags.strip()) : Map.of(), TIMEOUT);
        try {
            List<Long> window = new ArrayList<>();
            List<Long> help = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                window.add(gui.firstWindowMillis());
                help.add(cli.helpMillis());
            }
            out.println("launcher: " + found.get().toAbsolutePath());
            out.println("cds: " + (noCds ? "off" : "as built"));
            out.println("runs: " + runs);
            print(out, "first_window_ms", window);
            print(out, "cli_help_ms", help);
            // Start-up time is mostly waiting for a CPU on a busy machine: say how busy it was.
            out.printf(Locale.ROOT, "load_average_1m: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.println("cpus: " + Runtime.getRuntime().availableProcessors());
            out.flush();
            return MastCommand.OK;
        } catch (IOException e) {
            err.println("mast bench startup: " + e.getMessage());
            return MastCommand.FAILED;
        }
    }

    /** The launcher asked for, else the one this JVM was started by (jpackage sets jpackage.app-path), else the built one. */
    private Optional<Path> launcher() {
        if (launcher != null) {
            return Optional.of(launcher);
        }
        String own = System.getProperty("jpackage.app-path");
        if (own != null && !own.isBlank()) {
            return Optional.of(Path.of(own));
        }
        return Optional.of(BUILT_LAUNCHER);
    }

    static boolean hasDisplay(Map<String, String> environment) {
        return !environment.getOrDefault("DISPLAY", "").isBlank() || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    private static void print(PrintWriter out, String key, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        out.println(key + ": " + sorted.get(sorted.size() / 2));
        out.println(key + "_min: " + sorted.get(0));
        out.println(key + "_max: " + sorted.get(sorted.size() - 1));
    }
}
