package dev.mast.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Checks a plan before anything is rendered or run, and reports every problem at once, each
 * with its property path and, for a plan read from a file, its line and column. Errors block
 * an install; warnings (an even number of etcd members) are worth reading but allowed.
 *
 * <p>The one check that looks outside the plan is whether each node's SSH key file can be read;
 * the home directory that {@code ~} stands for and the check itself are injected, so tests and
 * the GUI can decide what "readable" means.
 */
public final class PlanValidator {
    private final Path home;
    private final Predicate<Path> keyFileReadable;
    private final LoginMeans otherMeans;
    private final boolean connecting;
    private final boolean loopbackExpected;
    private final NodeRules nodeRules;

    /** Checks key files on this machine, {@code ~} being the user's home directory. */
    public PlanValidator() {
        this(KeyFiles.userHome(), Files::isReadable);
    }

    /**
     * For a run that logs in to the nodes, with only the plan's key files to log in with.
     *
     * @param home            what {@code ~} in a key file path stands for
     * @param keyFileReadable whether the (expanded) key file can be used
     */
    public PlanValidator(Path home, Predicate<Path> keyFileReadable) {
        this(home, keyFileReadable, LoginMeans.NONE, true, false);
    }

    private PlanValidator(Path home, Predicate<Path> keyFileReadable, LoginMeans otherMeans, boolean connecting,
                          boolean loopbackExpected) {
        this.home = home;
        this.keyFileReadable = keyFileReadable;
        this.otherMeans = otherMeans;
        this.connecting = connecting;
        this.loopbackExpected = loopbackExpected;
        this.nodeRules = new NodeRules(home, keyFileReadable, otherMeans, connecting, loopbackExpected);
    }

    /** For a run (install, upgrade): a node needs its key file, or the other way to log in given here. */
    public PlanValidator connecting(LoginMeans otherMeans) {
        return new PlanValidator(home, keyFileReadable, otherMeans, true, loopbackExpected);
    }

    /**
     * For validate and render, which log in nowhere: a key file missing on this machine is a
     * warning (the plan may be run from another), naming the other way to log in if there is one.
     */
    public PlanValidator notConnecting(LoginMeans otherMeans) {
        return new PlanValidator(home, keyFileReadable, otherMeans, false, loopbackExpected);
    }

    /**
     * The same checks for a plan of Mast's simulated nodes, which listen on loopback addresses: the
     * warning that real components refuse such addresses would only be noise there.
     */
    public PlanValidator forSimulatedNodes() {
        return new PlanValidator(home, keyFileReadable, otherMeans, connecting, true);
    }

    public ValidationReport validate(Plan plan) {
        return validate(plan, SourceMap.EMPTY);
    }

    public ValidationReport validate(Plan plan, SourceMap locations) {
        var findings = new Findings(locations);
        ClusterRules.check(plan, findings);
        NetworkRules.check(plan, findings);
        DnsRules.check(plan, findings);
        FlagRules.check(plan, findings);
        nodeRules.check(plan, findings);
        TopologyRules.check(plan, findings);
        SourceRules.check(plan, findings);
        return new ValidationReport(findings.problems());
    }

    public ValidationReport validate(LoadedPlan loaded) {
        return validate(loaded.plan(), loaded.locations());
    }
}
