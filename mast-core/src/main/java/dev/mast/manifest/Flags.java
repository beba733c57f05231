package dev.mast.manifest;

import dev.mast.plan.Component;
import dev.mast.plan.ManagedFlags;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A component's command-line flags, merged with a fixed precedence: Mast's defaults, then flags
 * carried over from the systemd unit being replaced, then the plan's extra flags, then the flags
 * Mast manages ({@link ManagedFlags}). A later source replaces an earlier one's value, so each
 * flag appears once and a managed flag always keeps Mast's value. Flags are kept sorted by name, as kubeadm writes them,
 * so the output is stable whatever order the sources came in.
 */
public final class Flags {
    /** What a flag name may look like once its leading dashes are gone (klog's {@code v} included). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Map<String, String> values;
    /** Every value of each flag, in the order given: one for a merged flag, several for one a unit repeated. */
    private final Map<String, List<String>> occurrences;

    private Flags(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        var occurrences = new TreeMap<String, List<String>>();
        values.forEach((name, value) -> occurrences.put(name, List.of(value)));
        this.occurrences = Collections.unmodifiableMap(occurrences);
    }

    private Flags(TreeMap<String, List<String>> occurrences) {
        var last = new TreeMap<String, String>();
        occurrences.forEach((name, list) -> last.put(name, list.get(list.size() - 1)));
        this.values = Collections.unmodifiableMap(last);
        this.occurrences = Collections.unmodifiableMap(occurrences);
    }

    /**
     * A component's flags exactly as a systemd unit ran it (names checked, values kept as they are),
     * with the plan's extra flags over them: what a converted static pod runs. A flag the unit
     * gave several times ({@code --service-account-key-file}, {@code --service-account-issuer})
     * keeps every value, in order; an extra flag replaces them all.
     *
     * @param unit the unit's flags, each with all its values
     * @throws ManifestException if a name cannot be written as a flag
     */
    public static Flags converted(Component component, Map<String, List<String>> unit, Map<String, String> extra) {
        var merged = new TreeMap<String, List<String>>();
        unit.forEach((name, values) -> {
            String clean = checkedName(component, name, "carried-over");
            merged.put(clean, values.stream().map(v -> checkedValue(component, clean, v, "carried-over")).toList());
        });
        extra.forEach((name, value) -> {
            String clean = checkedName(component, name, "extra");
            merged.put(clean, List.of(checkedValue(component, clean, value, "extra")));
        });
        return new Flags(merged);
    }

    /**
     * Merges the sources of one component.
     *
     * @param mast     the flags Mast sets; those in {@link ManagedFlags} win over everything, the
     *                 others are defaults that carried and extra flags replace
     * @param dropped  names a user may not set on the command line because Mast sets them elsewhere
     *                 (e.g. the kubelet's configuration file); extra and carried values for them are ignored
     * @throws ManifestException if an extra or carried flag name cannot be written as a flag
     */
    public static Flags merge(Component component, Map<String, String> mast, Set<String> dropped,
                              Map<String, String> extra, Map<String, String> carried) {
        var merged = new TreeMap<String, String>();
        Set<String> fixed = ManagedFlags.of(component);
        mast.forEach((name, value) -> {
            if (!fixed.contains(name)) {
                merged.put(checkedName(component, name, "default"), value);
            }
        });
        putAll(merged, component, carried, "carried-over", dropped);
        putAll(merged, component, extra, "extra", dropped);
        mast.forEach((name, value) -> {
            if (fixed.contains(name)) {
                merged.put(checkedName(component, name, "managed"), value);
            }
        });
        return new Flags(merged);
    }

    private static void putAll(Map<String, String> target, Component component, Map<String, String> source,
                               String kind, Set<String> dropped) {
        source.forEach((name, value) -> {
            String clean = checkedName(component, name, kind);
            if (!dropped.contains(clean)) {
                target.put(clean, checkedValue(component, clean, value, kind));
            }
        });
    }

    /**
     * Users write flags with or without their dashes; both mean the same flag, so both must meet the
     * managed one and lose to it rather than slip past as a second copy.
     */
    private static String checkedName(Component component, String name, String kind) {
        String clean = name == null ? "" : name.strip().replaceFirst("^-+", "");
        if (!NAME.matcher(clean).matches()) {
            throw new ManifestException(component.key() + ": " + kind + " flag name \"" + name
                    + "\" is not a flag name (letters, digits, '.', '_' and '-', e.g. \"v\" or \"feature-gates\")");
        }
        return clean;
    }

    /**
     * Any text can be passed, with two exceptions. A NUL: a process's arguments are C strings, so the
     * value would be cut short without anyone noticing. And the Unicode line separators U+0085,
     * U+2028 and U+2029: the YAML emitter writes them as they are, and the kubelet's YAML 1.1 reader
     * takes them for line breaks, so the manifest would not parse or would mean something else.
     */
    private static String checkedValue(Component component, String name, String value, String kind) {
        if (value == null) {
            return "";
        }
        for (char c : new char[] {'\0', '\u0085', '\u2028', '\u2029'}) {
            if (value.indexOf(c) >= 0) {
                throw new ManifestException(component.key() + ": " + kind + " flag --" + name + " contains "
                        + (c == 0 ? "a NUL character, which no command line can carry"
                        : String.format("the line separator U+%04X, which YAML readers take for a line break", (int) c)));
            }
        }
        return value;
    }

    /** Flag name to value (the last one, for a flag given several times), sorted by name. */
    public Map<String, String> values() {
        return values;
    }

    /** Every value of the flag, in order; empty when it is not set. */
    public List<String> all(String name) {
        return occurrences.getOrDefault(name, List.of());
    }

    public String get(String name) {
        return values.get(name);
    }

    /** The flags as arguments, {@code --name=value}, sorted by name (a repeated flag once per value, in order). */
    public List<String> arguments() {
        return occurrences.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> "--" + e.getKey() + "=" + v)).toList();
    }
}
