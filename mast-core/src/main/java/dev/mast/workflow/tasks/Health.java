package dev.mast.workflow.tasks;

import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.RemoteCommandException;
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
    private static final long CLOSED_POLL_MILLIS = 50;
    /** The exit status of a look that found the port still open (EX_TEMPFAIL), which none of the commands run after it has. */
    private static final int STILL_LISTENING = 75;

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
     * Stops a component and puts its successor in place with no round trip between the port closing and the successor's
     * file appearing, which is the component's downtime: the command that runs {@code stop} (which must not wait for the
     * process to end) looks once whether anything still listens at the URL, and each later look, every
     * {@value #CLOSED_POLL_MILLIS} ms, is one command too, which runs {@code then} at once on the node when nothing does
     * any more (curl's exit 7; a request that hangs means the port is still held). After the run's health timeout
     * {@code then} runs anyway with a warning, leaving it to the component's stop to end it.
     */
    public static void replaceOnceClosed(NodeContext context, Timeouts timeouts, String component, String url, String stop,
                                         String then) throws Exception {
        Remote remote = context.remote();
        String closedThen = "curl -sk --max-time 1 -o /dev/null -w %{exitcode} " + Sh.quote(url) + " | grep -qx " + CURL_COULD_NOT_CONNECT
                + " || exit " + STILL_LISTENING + "; " + then;
        Instant deadline = Instant.now().plus(timeouts.health());
        String script = stop + " || exit 1; " + closedThen;
        Remote.Output output = remote.exec(script);
        while (output.exitStatus() == STILL_LISTENING) {
            context.cancellation().check();
            if (Instant.now().isAfter(deadline)) {
                context.warn(component + " still listens at " + url + " after " + seconds(timeouts.health()) + ": stopping it");
                remote.run(then);
                return;
            }
            Thread.sleep(Math.min(CLOSED_POLL_MILLIS, timeouts.poll().toMillis()));
            script = closedThen;
            output = remote.exec(script);
        }
        if (output.exitStatus() != 0) {
            throw new RemoteCommandException(remote.target(), script, output);
        }
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
