package dev.mast.sim.machine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The package database: what is installed (or removed with its configuration files left, as
 * dpkg's "config-files" state), installing with dependencies and removing with the packages
 * that depend on what is removed. Maintainer-script behaviour follows Debian: install enables
 * and starts the package's services (not a masked one), remove stops them, purge also disables them.
 */
public final class Packages {
    /** dpkg's view of a package. */
    public enum Status {
        INSTALLED("install ok installed", "ii"), CONFIG_FILES("deinstall ok config-files", "rc");

        private final String text;
        private final String abbreviation;

        Status(String text, String abbreviation) {
            this.text = text;
            this.abbreviation = abbreviation;
        }

        public String text() {
            return text;
        }

        public String abbreviation() {
            return abbreviation;
        }
    }

    public record Installed(PackageDef def, Status status) { }

    /** Packages of the base system: installed, with no files the simulator tracks. */
    private static final Map<String, String> BASE = Map.ofEntries(
            Map.entry("base-files", "12.4+deb12u8"), Map.entry("bash", "5.2.15-2+b7"), Map.entry("coreutils", "9.1-1"),
            Map.entry("curl", "7.88.1-10+deb12u8"), Map.entry("iproute2", "6.1.0-3"), Map.entry("procps", "2:4.0.2-3"),
            Map.entry("sudo", "1.9.13p3-1+deb12u1"), Map.entry("systemd", "252.33-1~deb12u1"), Map.entry("tar", "1.34+dfsg-1.2+deb12u1"),
            Map.entry("openssh-server", "1:9.2p1-2+deb12u3"), Map.entry("ca-certificates", "20230311"));

    private final Machine machine;
    private final PackageCatalog catalog;
    private final Map<String, Installed> db = new TreeMap<>();
    private final PackageSources sources;
    /** Packages {@code apt-mark hold} keeps at their version (dpkg's "hold" selection). */
    private final Set<String> held = new java.util.TreeSet<>();
    /** dpkg's lock: one package operation at a time. */
    private final ReentrantLock dpkgLock = new ReentrantLock();

    Packages(Machine machine, PackageCatalog catalog) {
        this.machine = machine;
        this.catalog = catalog;
        this.sources = new PackageSources(machine, catalog);
        BASE.forEach((name, version) -> db.put(name, new Installed(
                new PackageDef(name, version, name, List.of(), List.of(), List.of()), Status.INSTALLED)));
    }

    /** The repositories apt and dnf read. */
    public PackageSources sources() {
        return sources;
    }

    public boolean isHeld(String name) {
        synchronized (machine.lock()) {
            return held.contains(name);
        }
    }

    /** {@code apt-mark hold} or {@code unhold}; returns whether the selection changed. */
    public boolean setHeld(String name, boolean hold) {
        synchronized (machine.lock()) {
            return hold ? held.add(name) : held.remove(name);
        }
    }

    public Set<String> heldPackages() {
        synchronized (machine.lock()) {
            return Set.copyOf(held);
        }
    }

    /** A package asked for by name, with the exact version when the command line gives one. */
    public record Request(String name, Optional<String> version) {
        /** {@code kubelet=1.34.3-1.1} (apt) or {@code kubelet} */
        public static Request apt(String argument) {
            int eq = argument.indexOf('=');
            return eq < 0 ? new Request(argument, Optional.empty())
                    : new Request(argument.substring(0, eq), Optional.of(argument.substring(eq + 1)));
        }
    }

    /** What installing a request changes: a package new to the node, or another version of one it has. */
    public record Change(PackageDef def, Optional<String> replaces) {
        public boolean downgrade() {
            return replaces.isPresent() && PackageSources.compare(def.version(), replaces.get()) < 0;
        }
    }

    /** A version a repository does not have; the message names what was asked for. */
    public static final class VersionNotFoundException extends Exception {
        public VersionNotFoundException(String message) {
            super(message);
        }
    }

    /**
     * What installing the requests changes, dependencies first, choosing from {@code candidates} (newest first): the
     * exact version asked for, else the newest; a package already installed stays unless another version is asked for.
     */
    public List<Change> resolve(List<Request> requests, CandidateSource candidates) throws UnknownPackageException,
            VersionNotFoundException, IOException, PackageSources.RepoException {
        Set<String> seen = new LinkedHashSet<>();
        List<Change> changes = new ArrayList<>();
        for (Request request : requests) {
            resolve(request, candidates, seen, changes);
        }
        return changes;
    }

    /** Where a package manager finds the versions of a package. */
    @FunctionalInterface
    public interface CandidateSource {
        List<PackageSources.Candidate> of(String name) throws IOException, PackageSources.RepoException;
    }

    private void resolve(Request request, CandidateSource source, Set<String> seen, List<Change> changes)
            throws UnknownPackageException, VersionNotFoundException, IOException, PackageSources.RepoException {
        if (!seen.add(request.name())) {
            return;
        }
        Optional<Installed> installed = get(request.name()).filter(i -> i.status() == Status.INSTALLED);
        if (installed.isPresent() && (request.version().isEmpty() || request.version().get().equals(installed.get().def().version()))) {
            return;
        }
        List<PackageSources.Candidate> candidates = source.of(request.name());
        if (candidates.isEmpty()) {
            throw new UnknownPackageException(request.name());
        }
        PackageDef chosen = request.version().isEmpty() ? candidates.get(0).def()
                : candidates.stream().map(PackageSources.Candidate::def).filter(d -> matches(d.version(), request.version().get()))
                .findFirst().orElseThrow(() -> new VersionNotFoundException(request.name() + "=" + request.version().get()));
        for (String dependency : chosen.depends()) {
            resolve(new Request(dependency, Optional.empty()), source, seen, changes);
        }
        changes.add(new Change(chosen, installed.map(i -> i.def().version())));
    }

    /** apt names the whole version; dnf may name its upstream part ({@code kubelet-1.34.3}). */
    private static boolean matches(String version, String asked) {
        return version.equals(asked) || version.startsWith(asked + "-");
    }

    public ReentrantLock dpkgLock() {
        return dpkgLock;
    }

    public Optional<Installed> get(String name) {
        synchronized (machine.lock()) {
            return Optional.ofNullable(db.get(name));
        }
    }

    public boolean isInstalled(String name) {
        return get(name).map(i -> i.status() == Status.INSTALLED).orElse(false);
    }

    /** The installed package a file belongs to, as {@code dpkg -S} and {@code rpm -qf} tell; empty when none does. */
    public Optional<String> owner(String path) {
        synchronized (machine.lock()) {
            return db.values().stream().filter(i -> i.status() == Status.INSTALLED)
                    .filter(i -> i.def().files().stream().anyMatch(f -> f.path().equals(path)))
                    .map(i -> i.def().name()).findFirst();
        }
    }

    public Map<String, Installed> all() {
        synchronized (machine.lock()) {
            return new LinkedHashMap<>(db);
        }
    }

    /** The packages that installing {@code names} brings in, dependencies first; unknown names throw. */
    public List<PackageDef> installPlan(List<String> names) throws UnknownPackageException {
        Set<String> seen = new LinkedHashSet<>();
        List<PackageDef> plan = new ArrayList<>();
        for (String name : names) {
            collect(name, seen, plan);
        }
        return plan;
    }

    private void collect(String name, Set<String> seen, List<PackageDef> plan) throws UnknownPackageException {
        if (!seen.add(name) || isInstalled(name)) {
            return;
        }
        PackageDef def = catalog.find(name).orElseThrow(() -> new UnknownPackageException(name));
        for (String dependency : def.depends()) {
            collect(dependency, seen, plan);
        }
        plan.add(def);
    }

    /** The installed packages removing {@code names} takes away: them and whatever depends on them. */
    public List<String> removePlan(List<String> names) {
        synchronized (machine.lock()) {
            Set<String> removed = new LinkedHashSet<>();
            for (String name : names) {
                if (db.containsKey(name)) {
                    removed.add(name);
                }
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Installed installed : db.values()) {
                    if (installed.status() == Status.INSTALLED && !removed.contains(installed.def().name())
                            && installed.def().depends().stream().anyMatch(removed::contains)) {
                        removed.add(installed.def().name());
                        grew = true;
                    }
                }
            }
            return List.copyOf(removed);
        }
    }

    /**
     * Unpacks and configures one package; {@code startServices} runs its postinst, which enables
     * and starts its services and, as {@code systemctl start} does, waits for a Type=notify one to be ready.
     */
    public void install(PackageDef def, boolean startServices, Consumer<String> out) throws IOException {
        synchronized (machine.lock()) {
            VirtualFs fs = machine.fs();
            Installed before = db.get(def.name());
            boolean replacing = before != null && before.status() == Status.INSTALLED;
            out.accept("Unpacking " + def.name() + " (" + def.version() + ")" + (replacing ? " over (" + before.def().version() + ")" : "")
                    + " ...");
            if (replacing) {
                for (PackageDef.PackageFile file : before.def().files()) {
                    boolean kept = def.files().stream().anyMatch(f -> f.path().equals(file.path()));
                    if (!kept && !file.conffile() && fs.existsNoFollow(file.path())) {
                        fs.delete(file.path());
                    }
                }
            }
            for (PackageDef.PackageFile file : def.files()) {
                if (file.conffile() && fs.exists(file.path())) {
                    continue;
                }
                fs.mkdirs(VirtualFs.parent(file.path()), 0755);
                fs.writeString(file.path(), file.content(), file.mode());
                fs.setMode(file.path(), file.mode());
            }
            db.put(def.name(), new Installed(def, Status.INSTALLED));
            out.accept("Setting up " + def.name() + " (" + def.version() + ") ...");
            machine.systemd().daemonReload();
            for (String service : def.services()) {
                // A masked unit (systemctl mask before the install, as an installer does that starts the service its
                // own way) is neither enabled nor started: systemd refuses it, and the maintainer scripts ignore that.
                if (!machine.systemd().isMasked(service)) {
                    UnitLinks.enable(machine, machine.systemd().definition(service).orElseThrow()).forEach(out);
                }
            }
        }
        if (startServices) {
            for (String service : def.services()) {
                if (!machine.systemd().isMasked(service)) {
                    machine.systemd().startAndWait(service);
                }
            }
        }
    }

    /** Removes one package: stops its services, deletes its files (and with {@code purge} its conffiles). */
    public void remove(String name, boolean purge, Consumer<String> out) throws IOException {
        synchronized (machine.lock()) {
            Installed installed = db.get(name);
            if (installed == null) {
                return;
            }
            PackageDef def = installed.def();
            if (installed.status() == Status.INSTALLED) {
                out.accept("Removing " + name + " (" + def.version() + ") ...");
                for (String service : def.services()) {
                    machine.systemd().stop(service);
                }
            }
            boolean hasConffiles = false;
            for (PackageDef.PackageFile file : def.files()) {
                hasConffiles |= file.conffile();
                if ((!file.conffile() || purge) && machine.fs().existsNoFollow(file.path())) {
                    machine.fs().delete(file.path());
                }
            }
            if (purge) {
                out.accept("Purging configuration files for " + name + " (" + def.version() + ") ...");
                for (String service : def.services()) {
                    UnitLinks.disable(machine, service);
                }
                db.remove(name);
                held.remove(name);
            } else if (hasConffiles) {
                db.put(name, new Installed(def, Status.CONFIG_FILES));
            } else {
                db.remove(name);
            }
            machine.systemd().daemonReload();
        }
    }

    /** A package name no repository has. */
    public static final class UnknownPackageException extends Exception {
        private final String name;

        public UnknownPackageException(String name) {
            super("Unable to locate package " + name);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
