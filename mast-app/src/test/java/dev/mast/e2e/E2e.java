package dev.mast.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The figures the suite prints for the CI log: {@code e2e: <test>: <seconds> s} for every test (as
 * an extension of the test classes), named figures ({@code e2e: apiserver_version: v1.28.4}) and
 * how long the parts of a test took.
 */
final class E2e implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace TIMES = ExtensionContext.Namespace.create(E2e.class);

    static void figure(String name, Object value) {
        System.out.println("e2e: " + name + ": " + value);
    }

    static void parts(String test, Map<String, Duration> parts) {
        System.out.println("[e2e timings] " + test + ": " + new TreeMap<>(parts).entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%.1f s", e.getValue().toMillis() / 1000.0))
                .collect(Collectors.joining(", ")));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(TIMES).put(context.getUniqueId(), System.nanoTime());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long start = context.getStore(TIMES).remove(context.getUniqueId(), Long.class);
        figure(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    }
}
