package dev.mast.sim.machine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Enabling and disabling units: the symlinks in {@code /etc/systemd/system/<target>.wants/}, and masking. */
public final class UnitLinks {
    private static final String ETC = "/etc/systemd/system";

    private UnitLinks() {
    }

    static List<String> wantsLinks(VirtualFs fs, String name) {
        List<String> links = new ArrayList<>();
        try {
            if (!fs.isDirectory(ETC)) {
                return links;
            }
            for (String entry : fs.list(ETC)) {
                String link = ETC + "/" + entry + "/" + name;
                if ((entry.endsWith(".wants") || entry.endsWith(".requires")) && fs.existsNoFollow(link)) {
                    links.add(link);
                }
            }
        } catch (IOException e) {
            return links;
        }
        return links;
    }

    /** Links the unit into its targets; returns systemctl's messages. */
    public static List<String> enable(Machine machine, UnitFile unit) throws IOException {
        List<String> messages = new ArrayList<>();
        if (!unit.hasInstallSection()) {
            messages.add("The unit files have no installation config (WantedBy=, RequiredBy=, Also=,");
            messages.add("Alias= settings in the [Install] section, and DefaultInstance= for template");
            messages.add("units). This means they are not meant to be enabled or disabled using systemctl.");
            return messages;
        }
        VirtualFs fs = machine.fs();
        for (String target : unit.wantedBy()) {
            String dir = ETC + "/" + target + ".wants";
            String link = dir + "/" + unit.name();
            if (!fs.existsNoFollow(link)) {
                fs.mkdirs(dir, 0755);
                fs.symlink(unit.fragmentPath(), link);
                messages.add("Created symlink " + link + " \u2192 " + unit.fragmentPath() + ".");
            }
        }
        return messages;
    }

    public static List<String> disable(Machine machine, String name) throws IOException {
        List<String> messages = new ArrayList<>();
        for (String link : wantsLinks(machine.fs(), name)) {
            machine.fs().delete(link);
            messages.add("Removed \"" + link + "\".");
        }
        return messages;
    }

    /** Masks the unit; refuses when the unit's own file is in /etc/systemd/system, as systemctl does. */
    public static List<String> mask(Machine machine, String name) throws IOException {
        String link = ETC + "/" + name;
        if (machine.fs().existsNoFollow(link) && !machine.systemd().isMasked(name)) {
            throw new java.nio.file.FileAlreadyExistsException(link, null, "already exists");
        }
        if (machine.fs().existsNoFollow(link)) {
            return List.of();
        }
        machine.fs().mkdirs(ETC, 0755);
        machine.fs().symlink("/dev/null", link);
        return List.of("Created symlink " + link + " \u2192 /dev/null.");
    }

    public static List<String> unmask(Machine machine, String name) throws IOException {
        if (machine.systemd().isMasked(name)) {
            machine.fs().delete(ETC + "/" + name);
            return List.of("Removed \"" + ETC + "/" + name + "\".");
        }
        return List.of();
    }
}
