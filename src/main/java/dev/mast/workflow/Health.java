package dev.mast.workflow;

import java.time.Duration;
import java.time.Instant;

/** Waits on a node until a health endpoint answers, within the run's timeout. */
public final class Health {
    private Health() {
    }

    /**
     * Polls {@code url} with curl on the node until it answers with success.
     *
     * @throws HealthTimeoutException when it did not within the timeout
     */
    public static void await(NodeContext context, Timeouts timeouts, String component, String url) throws Exception {
        Instant deadline = Instant.now().plus(timeouts.health());
        String check = "curl -sk --max-time 5 " + Sh.quote(url) + " >/dev/null";
        int attempts = 0;
        while (true) {
            context.cancellation().check();
            attempts++;
            if (context.remote().probe(check) == 0) {
                context.log(component + " is healthy (" + url + ")");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new HealthTimeoutException(component + " did not become healthy at " + url + " within "
                        + seconds(timeouts.health()) + " (" + attempts + " checks)");
            }
            Thread.sleep(timeouts.poll().toMillis());
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
