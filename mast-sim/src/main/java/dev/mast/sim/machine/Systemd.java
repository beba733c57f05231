package dev.mast.sim.machine;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * systemd over the unit files of the virtual root. Definitions are loaded on first use and
 * then kept until {@code daemon-reload}, so a unit file changed on disk is only seen after a
 * reload (and {@link #changedOnDisk} tells the caller to warn, as systemctl does). Enabling is
 * state on disk (symlinks in {@code *.wants}); being active is state in memory.
 */
public final class Systemd {
    public static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system",
            "/usr/lib/systemd/system");

    private final Machine machine;
    private final Map<String, UnitFile> loaded = new HashMap<>();
    private final Map<String, UnitState> states = new LinkedHashMap<>();

    Systemd(Machine machine) {
        this.machine = machine;
    }

    /** {@code kubelet} → {@code kubelet.service}. */
    public static String unitName(String name) {
        return name.matches(".*\\.(service|socket|target|timer|mount|path|slice|scope)$") ? name : name + ".service";
    }

    public boolean isMasked(String name) {
        String path = "/etc/systemd/system/" + name;
        try {
            return machine.fs().isSymlink(path) && machine.fs().readLink(path).equals("/dev/null");
        } catch (IOException e) {
            return false;
        }
    }

    /** The unit as systemd has it loaded, loading it from disk if it was never loaded. */
    public Optional<UnitFile> definition(String name) {
        synchronized (machine.lock()) {
            UnitFile unit = loaded.get(name);
            if (unit == null) {
                Optional<UnitFile> fromDisk = readFromDisk(name);
                fromDisk.ifPresent(u -> loaded.put(name, u));
                return fromDisk;
            }
            return Optional.of(unit);
        }
    }

    /** True when the files on disk differ from what systemd has loaded. */
    public boolean changedOnDisk(String name) {
        synchronized (machine.lock()) {
            UnitFile unit = loaded.get(name);
            if (unit == null) {
                return false;
            }
            return !readFromDisk(name).map(UnitFile::fingerprint).orElse("").equals(unit.fingerprint());
        }
    }

    public Optional<UnitFile> readFromDisk(String name) {
        VirtualFs fs = machine.fs();
        try {
            if (isMasked(name)) {
                return Optional.empty();
            }
            UnitFile.Source fragment = null;
            for (String dir : UNIT_DIRS) {
                if (fs.isFile(dir + "/" + name)) {
                    fragment = new UnitFile.Source(dir + "/" + name, fs.readString(dir + "/" + name));
                    break;
                }
            }
            if (fragment == null) {
                return Optional.empty();
            }
            Map<String, String> dropIns = new TreeMap<>();
            for (int i = UNIT_DIRS.size() - 1; i >= 0; i--) {
                String dir = UNIT_DIRS.get(i);
                String d = dir + "/" + name + ".d";
                if (fs.isDirectory(d)) {
                    for (String file : fs.list(d)) {
                        if (file.endsWith(".conf")) {
                            dropIns.put(file, d + "/" + file);
                        }
                    }
                }
            }
            List<UnitFile.Source> sources = new ArrayList<>();
            for (String path : dropIns.values()) {
                sources.add(new UnitFile.Source(path, fs.readString(path)));
            }
            return Optional.of(UnitFile.parse(name, fragment, sources));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void daemonReload() {
        synchronized (machine.lock()) {
            loaded.clear();
        }
    }

    public UnitState state(String name) {
        synchronized (machine.lock()) {
            return states.computeIfAbsent(name, n -> new UnitState());
        }
    }

    /** Units systemd knows, loaded or with state. */
    public List<String> knownUnits() {
        synchronized (machine.lock()) {
            var names = new java.util.TreeSet<>(loaded.keySet());
            names.addAll(states.keySet());
            return List.copyOf(names);
        }
    }

    /**
     * Starts the unit; the process it returns may still be starting. Empty when there is
     * no such unit (or it is masked).
     */
    public Optional<Process> start(String name) {
        synchronized (machine.lock()) {
            Optional<UnitFile> unit = definition(name);
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            UnitState state = state(name);
            if (state.active == UnitState.Active.ACTIVE || state.active == UnitState.Active.ACTIVATING && state.restartAt == null) {
                return Optional.ofNullable(state.process);
            }
            return Optional.ofNullable(UnitProcesses.spawn(machine, unit.get(), state));
        }
    }

    /** Starts the unit and, for a Type=notify unit, waits (without holding the machine) until it is ready or failed. */
    public Optional<Process> startAndWait(String name) {
        Optional<Process> process = start(name);
        boolean notify = definition(name).map(u -> u.type().equals("notify")).orElse(false);
        if (notify && process.isPresent()) {
            awaitStartup(process.get());
        }
        return process;
    }

    /** Waits until the process has finished starting (ready, or crashed), for at most 90 s. */
    public void awaitStartup(Process process) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
        while (process.state() == Process.State.STARTING && java.time.Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(Math.max(5, machine.timing().tick().toMillis() / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (machine.lock()) {
                machine.processes().advance(machine.clock().now());
            }
        }
        // systemctl start returns only once systemd has recorded the outcome: is-active right after it must agree.
        synchronized (machine.lock()) {
            tick(machine.clock().now());
        }
    }

    public void stop(String name) {
        synchronized (machine.lock()) {
            UnitState state = states.get(name);
            if (state == null || state.active == UnitState.Active.INACTIVE) {
                return;
            }
            Instant now = machine.clock().now();
            String description = state.startedWith == null ? name : state.startedWith.description();
            machine.journal().systemd(now, name, "Stopping " + name + " - " + description + "...");
            if (state.process != null) {
                machine.processes().stop(state.process);
            }
            state.active = UnitState.Active.INACTIVE;
            state.restartAt = null;
            state.since = now;
            state.result = "success";
            machine.journal().systemd(now, name, name + ": Deactivated successfully.");
            machine.journal().systemd(now, name, "Stopped " + name + " - " + description + ".");
        }
    }

    public void resetFailed(String name) {
        synchronized (machine.lock()) {
            UnitState state = states.get(name);
            if (state != null && state.active == UnitState.Active.FAILED) {
                state.active = UnitState.Active.INACTIVE;
                state.result = "success";
            }
        }
    }

    /** enabled, disabled, static, masked, or empty when there is no unit file. */
    public Optional<String> unitFileState(String name) {
        if (isMasked(name)) {
            return Optional.of("masked");
        }
        Optional<UnitFile> unit = readFromDisk(name);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        if (!UnitLinks.wantsLinks(machine.fs(), name).isEmpty()) {
            return Optional.of("enabled");
        }
        return Optional.of(unit.get().hasInstallSection() ? "disabled" : "static");
    }

    /** Systemd's own reaction to time passing: processes that became ready or exited, restarts that are due. */
    void tick(Instant now) {
        for (Map.Entry<String, UnitState> entry : states.entrySet()) {
            UnitProcesses.observe(machine, entry.getKey(), entry.getValue(), now);
        }
    }
}
