package dev.mast.workflow.legacy;

import dev.mast.plan.Component;
import dev.mast.plan.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component's systemd service as a node runs it.
 *
 * @param catText          what {@code systemctl cat} printed: the unit and its drop-ins, as the preview shows them
 * @param environmentFiles the environment files the unit reads that exist on the node
 * @param command          the command systemd runs, variables expanded
 * @param versionText      what {@code <program> --version} printed, e.g. {@code Kubernetes v1.32.3}
 */
public record LegacyService(Component component, String catText, SystemdUnit unit, List<String> environmentFiles,
                            UnitCommand command, CommandFlags flags, String versionText, boolean active) {
    private static final Pattern VERSION = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)");

    public LegacyService {
        environmentFiles = List.copyOf(environmentFiles);
    }

    public String unitName() {
        return unitName(component);
    }

    public static String unitName(Component component) {
        return component.key() + ".service";
    }

    /** The version the program reports; empty when it reports none Mast can read. */
    public Optional<KubernetesVersion> version() {
        Matcher matcher = VERSION.matcher(versionText);
        return matcher.find() ? KubernetesVersion.parse(matcher.group(1)) : Optional.empty();
    }

    /** The files that make the service: its unit, drop-ins and environment files, as a backup must keep them. */
    public List<String> files() {
        List<String> files = new ArrayList<>(unit.files());
        files.addAll(environmentFiles);
        return files;
    }

    public String program() {
        return command.program();
    }
}
