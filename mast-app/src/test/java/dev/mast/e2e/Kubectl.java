package dev.mast.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl of the bed's release, run on this machine with one kubeconfig. */
final class Kubectl {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private final Path binary;
    private final Path kubeconfig;
    private final Path dir;

    Kubectl(Path binary, Path kubeconfig, Path dir) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.dir = dir;
    }

    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** Runs kubectl ARGS and returns what it printed; fails when it fails. */
    String run(String... args) throws IOException, InterruptedException {
        return check(exec(null, args), args);
    }

    /** Runs kubectl ARGS with {@code input} on its standard input; fails when it fails. */
    String apply(String input, String... args) throws IOException, InterruptedException {
        return check(exec(input, args), args);
    }

    private static String check(Result result, String... args) {
        if (!result.ok()) {
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " exited " + result.exit() + ": " + result.err()
                    + result.out());
        }
        return result.out();
    }

    Result exec(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "kubectl", ".out");
        Path err = Files.createTempFile(dir, "kubectl", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish in " + TIMEOUT);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
