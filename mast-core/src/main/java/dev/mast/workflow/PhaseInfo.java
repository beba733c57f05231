package dev.mast.workflow;

import java.util.List;

/**
 * What a phase is, as data: the dry run, the preview, {@code --only}/{@code --skip} and the
 * runner all read it from here.
 *
 * @param id         a stable name such as {@code control-plane/static-pods}, for logs, events and {@code --only}
 * @param title      what the phase does, in sentence case, for people
 * @param nodes      the nodes it runs on
 * @param mode       side by side, or one node after the other
 * @param start      when it may start on a node
 * @param onFailure  what a node's failure in it stops
 * @param checksOnly true when it changes nothing on the nodes, only asks them (a check, reading what later phases
 *                   use, taking the cluster's CA): a preview that does not connect lists it without running it
 * @param needs      ids of earlier phases whose results it uses: {@code --only} runs them too, {@code --skip} refuses them
 */
public record PhaseInfo(String id, String title, Targets nodes, Mode mode, Start start, OnFailure onFailure,
                        boolean checksOnly, List<String> needs) {

    public enum Mode {
        /** Nodes run side by side, up to the run's concurrency. */
        PARALLEL,
        /** One node after the other; the first failure stops the rollout. */
        ONE_AT_A_TIME
    }

    public enum Start {
        /**
         * As soon as the node has finished its own earlier phases: nodes that wait (for a package, a component
         * starting) leave the machine to nodes that work, instead of all of them waiting for the slowest.
         */
        WHEN_NODE_READY,
        /** Once every node has finished the phases before. */
        WHEN_ALL_NODES_READY,
        /** Once every node has finished the phases before, and only if none failed. */
        WHEN_ALL_NODES_SUCCEEDED
    }

    public enum OnFailure {
        /** The node takes no further part; its peers go on. */
        STOP_THE_NODE,
        /** Nodes finish the step they are in, and none starts a later phase (e.g. the masters, etcd). */
        STOP_THE_RUN
    }

    public PhaseInfo {
        if (!id.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("a phase id is lower-case words joined by / and -, not \"" + id + "\"");
        }
        needs = List.copyOf(needs);
    }

    /** A phase that runs side by side on {@code nodes} once every node finished the phases before; a failure stops its node. */
    public static PhaseInfo of(String id, String title, Targets nodes) {
        return new PhaseInfo(id, title, nodes, Mode.PARALLEL, Start.WHEN_ALL_NODES_READY, OnFailure.STOP_THE_NODE, false,
                List.of());
    }

    public PhaseInfo oneAtATime() {
        return new PhaseInfo(id, title, nodes, Mode.ONE_AT_A_TIME, start, onFailure, checksOnly, needs);
    }

    public PhaseInfo startsWhen(Start value) {
        return new PhaseInfo(id, title, nodes, mode, value, onFailure, checksOnly, needs);
    }

    /** Starts on a node as soon as that node is ready: the phase needs nothing but the node's own earlier phases. */
    public PhaseInfo startsWhenNodeReady() {
        return startsWhen(Start.WHEN_NODE_READY);
    }

    public PhaseInfo stopsTheRunOnFailure() {
        return new PhaseInfo(id, title, nodes, mode, start, OnFailure.STOP_THE_RUN, checksOnly, needs);
    }

    public PhaseInfo onlyChecks() {
        return new PhaseInfo(id, title, nodes, mode, start, onFailure, true, needs);
    }

    public PhaseInfo needing(String... ids) {
        return new PhaseInfo(id, title, nodes, mode, start, onFailure, checksOnly, List.of(ids));
    }

    /** How the phase runs, in a few words for the dry run: "every master, one at a time". */
    public String describe() {
        return nodes.describe() + (mode == Mode.ONE_AT_A_TIME ? ", one at a time" : "");
    }
}
