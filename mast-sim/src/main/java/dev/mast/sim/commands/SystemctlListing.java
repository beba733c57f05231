package dev.mast.sim.commands;

import dev.mast.sim.machine.Systemd;
import dev.mast.sim.machine.UnitFile;
import dev.mast.sim.machine.UnitState;
import dev.mast.sim.shell.Invocation;
import java.util.Locale;
import java.util.TreeSet;

/** {@code systemctl list-units} and {@code list-unit-files}, plain and without colours. */
final class SystemctlListing {
    private SystemctlListing() {
    }

    static int listUnits(Invocation inv, Args args) throws Exception {
        Systemd systemd = inv.machine().systemd();
        boolean legend = !args.has("no-legend");
        String wanted = args.value("state").orElse("");
        if (legend) {
            inv.outLine(String.format(Locale.ROOT, "  %-40s %-7s %-8s %-8s %s", "UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"));
        }
        int count = 0;
        for (String unit : systemd.knownUnits()) {
            UnitState state = systemd.state(unit);
            if ((state.active() == UnitState.Active.INACTIVE && !args.has("all", "a")) || (!wanted.isEmpty()
                    && !wanted.contains(state.active().word()) && !wanted.contains(state.subState()))) {
                continue;
            }
            count++;
            inv.outLine(String.format(Locale.ROOT, "  %-40s %-7s %-8s %-8s %s", unit, "loaded", state.active().word(), state.subState(),
                    systemd.definition(unit).map(UnitFile::description).orElse(unit)));
        }
        if (legend) {
            inv.outLine("");
            inv.outLine(count + " loaded units listed.");
        }
        return 0;
    }

    static int listUnitFiles(Invocation inv, Args args) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (String dir : Systemd.UNIT_DIRS) {
            if (inv.fs().isDirectory(dir)) {
                for (String name : inv.fs().list(dir)) {
                    if (name.endsWith(".service") || name.endsWith(".socket") || name.endsWith(".timer")) {
                        names.add(name);
                    }
                }
            }
        }
        boolean legend = !args.has("no-legend");
        if (legend) {
            inv.outLine(String.format(Locale.ROOT, "%-40s %-15s %s", "UNIT FILE", "STATE", "PRESET"));
        }
        for (String name : names) {
            inv.outLine(String.format(Locale.ROOT, "%-40s %-15s %s", name,
                    inv.machine().systemd().unitFileState(name).orElse("disabled"), "enabled"));
        }
        if (legend) {
            inv.outLine("");
            inv.outLine(names.size() + " unit files listed.");
        }
        return 0;
    }
}
