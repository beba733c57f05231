package dev.mast.sim.shell;

import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.OsImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands a node knows, with where each lives. A command of the base system is always
 * there; a package's command only when its binary exists in the node's file system (so
 * {@code crictl} appears when cri-tools is installed); the package tools only on their OS family.
 */
public final class CommandTable {
    /** When a command is available. */
    public enum Gate { ALWAYS, FILE, APT, RPM, SHELL_BUILTIN }

    public record Entry(String name, String path, Gate gate, Builtin builtin) { }

    /** A command found for a name: the builtin and the path {@code command -v} shows. */
    public record Resolved(Entry entry, String path) { }

    /** Where commands are looked for, in order, as the default PATH has it. */
    public static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public CommandTable add(String name, String path, Gate gate, Builtin builtin) {
        entries.put(name, new Entry(name, path, gate, builtin));
        return this;
    }

    /** The command a name runs on the machine now, if it has it. */
    public Optional<Resolved> lookup(String name, Machine machine) {
        Entry entry = entries.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        return switch (entry.gate()) {
            case ALWAYS, SHELL_BUILTIN -> Optional.of(new Resolved(entry, entry.gate() == Gate.SHELL_BUILTIN ? name : entry.path()));
            case FILE -> onPath(name, machine).map(path -> new Resolved(entry, path));
            case APT, RPM -> isAvailable(entry, machine) ? Optional.of(new Resolved(entry, entry.path())) : Optional.empty();
        };
    }

    /** The first executable file called {@code name} in the PATH directories. */
    public static Optional<String> onPath(String name, Machine machine) {
        for (String dir : PATH) {
            String path = dir + "/" + name;
            try {
                if (machine.fs().isFile(path) && (machine.fs().mode(path) & 0111) != 0) {
                    return Optional.of(path);
                }
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public boolean isAvailable(Entry entry, Machine machine) {
        return switch (entry.gate()) {
            case ALWAYS, SHELL_BUILTIN -> true;
            case FILE -> onPath(entry.name(), machine).isPresent();
            case APT -> machine.identity().os().family() == OsImage.PackageFamily.APT;
            case RPM -> machine.identity().os().family() == OsImage.PackageFamily.RPM;
        };
    }

    /** The builtin a program path runs, e.g. {@code /usr/bin/kubelet} or {@code /bin/ls}. */
    public Optional<Entry> byPath(String path, Machine machine) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Entry entry = entries.get(name);
        if (entry == null || entry.gate() == Gate.SHELL_BUILTIN || !isAvailable(entry, machine)) {
            return Optional.empty();
        }
        if (entry.gate() == Gate.FILE) {
            return machine.fs().isFile(path) ? Optional.of(entry) : Optional.empty();
        }
        if (entry.gate() == Gate.APT || entry.gate() == Gate.RPM) {
            return path.equals(entry.path()) || path.equals("/bin/" + name) ? Optional.of(entry) : Optional.empty();
        }
        String dir = path.substring(0, Math.max(path.lastIndexOf('/'), 0));
        boolean standard = dir.equals("/bin") || dir.equals("/usr/bin") || dir.equals("/sbin") || dir.equals("/usr/sbin");
        return standard ? Optional.of(entry) : Optional.empty();
    }
}
