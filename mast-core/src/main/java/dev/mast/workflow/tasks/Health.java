package dev.mast.workflow.tasks;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Sh;
import dev.mast.workflow.Timeouts;
import java.time.Duration;
import java.time.Instant;

/** Waits on a node until a health endpoint answers, within the run's timeout. */
public final class Health {
    private Health() {
    }

    /**
     * While nothing listens at the URL yet, curl itself tries again on the node, once a second, this many times: a
     * component that starts in a few seconds costs one round trip, not one per poll, and cancelling waits at most this long.
     */
    static final int CONNECT_RETRIES = 4;

    private static final int CURL_COULD_NOT_CONNECT = 7;
    private static final long CLOSED_POLL_MILLIS = 100;

    private static final String CURL_OPTIONS = "--max-time 5 --retry " + CONNECT_RETRIES + " --retry-delay 1 --retry-connrefused ";

    /**
     * Checks {@code url} with curl on the node until it answers, looking at most once per poll interval.
     *
     * @throws HealthTimeoutException when it did not within the timeout
     */
    public static void await(NodeContext context, Timeouts timeouts, String component, String url) throws Exception {
        // -f: a component that answers but is not healthy (500) is not healthy yet.
        await(context, timeouts, component, url, "curl -fsk " + CURL_OPTIONS + Sh.quote(url) + " >/dev/null");
    }

    /**
     * Like {@link #await}, for an API server started with {@code --anonymous-auth=false}: it answers
     * Mast's unauthenticated request with 401 once it serves, which is as far as a request without
     * credentials can see (its mirror pod's readiness, then, is the TCP port's).
     */
    public static void awaitRefusingAnonymous(NodeContext context, Timeouts timeouts, String component, String url) throws Exception {
        await(context, timeouts, component, url, "curl -sk -o /dev/null -w '%{http_code}' " + CURL_OPTIONS + Sh.quote(url)
                + " | grep -Eqx '200|401'");
    }

    /**
     * Waits until nothing listens at the URL any more (curl's exit 7), looking every tenth of a second, for a component
     * being stopped: its successor can take the port from then on. Gives up waiting after the run's health timeout,
     * leaving it to the component's stop to end it.
     */
    public static void awaitClosed(NodeContext context, Timeouts timeouts, String component, String url) throws Exception {
        String check = "curl -sk --max-time 1 -o /dev/null " + Sh.quote(url);
        context.remote().perform("wait until " + component + " no longer listens at " + url, () -> {
            Instant deadline = Instant.now().plus(timeouts.health());
            while (context.remote().probe(check) != CURL_COULD_NOT_CONNECT) {
                context.cancellation().check();
                if (Instant.now().isAfter(deadline)) {
                    context.warn(component + " still listens at " + url + " after " + seconds(timeouts.health()) + ": stopping it");
                    return;
                }
                Thread.sleep(Math.min(CLOSED_POLL_MILLIS, timeouts.poll().toMillis()));
            }
        });
    }

    private static void await(NodeContext context, Timeouts timeouts, String component, String url, String check) throws Exception {
        context.remote().perform("wait until " + component + " answers at " + url, () -> poll(context, timeouts, component, url, check));
    }

    private static void poll(NodeContext context, Timeouts timeouts, String component, String url, String check) throws Exception {
        Instant deadline = Instant.now().plus(timeouts.health());
        int attempts = 0;
        while (true) {
            context.cancellation().check();
            attempts++;
            long started = System.nanoTime();
            if (context.remote().probe(check) == 0) {
                context.log(component + " is healthy (" + url + ")");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new HealthTimeoutException(component + " did not become healthy at " + url + " within "
                        + seconds(timeouts.health()) + " (" + attempts + " checks)");
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(Math.max(0, timeouts.poll().toMillis() - tookMillis));
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    /** A component started but never became healthy. */
    public static final class HealthTimeoutException extends Exception {
        public HealthTimeoutException(String message) {
            super(message);
        }
    }
}
