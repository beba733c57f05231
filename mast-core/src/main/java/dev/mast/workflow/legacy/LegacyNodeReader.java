package dev.mast.workflow.legacy;

import dev.mast.plan.Component;
import dev.mast.plan.HostPaths;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a node of a systemd-run cluster, changing nothing: each service as systemd runs it
 * ({@code systemctl cat} with its drop-ins, environment files and variables), whether it is
 * active, its program's {@code --version}, the package owning each unit file and program
 * ({@code dpkg -S}, else {@code rpm -qf}), the kubelet's static pod folder, and every path the
 * components' flags, configuration files and kubeconfigs name. A few round trips whatever the
 * number of services.
 */
public final class LegacyNodeReader {
    private static final List<Component> READ = List.of(Component.KUBE_APISERVER, Component.KUBE_CONTROLLER_MANAGER,
            Component.KUBE_SCHEDULER, Component.KUBE_PROXY, Component.KUBELET);
    /** Flags whose value is a kubeconfig the component reads (and whose own paths it then reads too). */
    private static final List<String> KUBECONFIG_FLAGS = List.of("kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig");
    private static final String MARK = "::mast:: ";

    private LegacyNodeReader() {
    }

    public static LegacyNode read(Remote remote, String hostName) throws Exception {
        Map<String, List<String>> units = sections(remote.query(script(READ, Component::key, c -> "systemctl cat " + Sh.quote(LegacyService.unitName(c))
                + " 2>/dev/null; echo " + Sh.quote(MARK + "active") + "; systemctl is-active " + Sh.quote(LegacyService.unitName(c))
                + " 2>/dev/null")).stdout());
        Map<Component, LegacyService> services = new EnumMap<>(Component.class);
        Map<Component, String> versions = new EnumMap<>(Component.class);
        for (Component component : READ) {
            List<String> lines = units.getOrDefault(component.key(), List.of());
            int active = lines.indexOf(MARK + "active");
            String cat = String.join("\n", active < 0 ? lines : lines.subList(0, active));
            if (cat.isBlank()) {
                continue;
            }
            boolean running = active >= 0 && lines.subList(active + 1, lines.size()).contains("active");
            service(remote, component, cat, running, hostName).ifPresent(s -> services.put(component, s));
        }
        Map<String, List<String>> reported = sections(remote.query(script(List.copyOf(services.values()), s -> s.component().key(),
                s -> Sh.quote(s.program()) + " --version 2>/dev/null")).stdout());
        Map<Component, LegacyService> withVersions = new EnumMap<>(Component.class);
        services.forEach((component, s) -> withVersions.put(component, new LegacyService(component, s.catText(), s.unit(),
                s.environmentFiles(), s.command(), s.flags(), String.join(" ", reported.getOrDefault(component.key(), List.of())).strip(),
                s.active())));
        Optional<LegacyService> kubelet = Optional.ofNullable(withVersions.get(Component.KUBELET));
        Optional<String> kubeletConfig = kubelet.flatMap(k -> k.flags().value("config"));
        String staticPodPath = kubelet.flatMap(k -> k.flags().value("pod-manifest-path"))
                .or(() -> kubeletConfig.flatMap(config -> yaml(remote, config)).map(c -> c.get("staticPodPath"))
                        .map(Object::toString))
                .orElse("").strip();
        Map<Component, List<String>> named = namedPaths(remote, withVersions);
        return new LegacyNode(hostName, withVersions, owners(remote, withVersions.values()), staticPodPath, kubeletConfig,
                pathKinds(remote, withVersions, named), named);
    }

    private static Optional<LegacyService> service(Remote remote, Component component, String cat, boolean active, String hostName)
            throws Exception {
        SystemdUnit unit = SystemdUnit.fromCat(LegacyService.unitName(component), cat);
        if (unit.execStart().isEmpty()) {
            return Optional.empty();
        }
        List<String> read = new ArrayList<>();
        List<Map<String, String>> files = new ArrayList<>();
        for (String entry : unit.environmentFiles()) {
            String path = entry.startsWith("-") ? entry.substring(1) : entry;
            Optional<byte[]> content = remote.read(path);
            if (content.isPresent()) {
                read.add(path);
                files.add(EnvironmentFile.parse(new String(content.get(), StandardCharsets.UTF_8)));
            }
        }
        Map<String, String> environment = UnitCommand.environment(unit.environment(), files);
        Optional<UnitCommand> command = UnitCommand.of(unit.execStart().get(), environment, unit.name(), hostName);
        return command.map(c -> new LegacyService(component, cat, unit, read, c, CommandFlags.parse(c.args()), "", active));
    }

    /** The package owning each unit file, drop-in and program: {@code dpkg -S}, and {@code rpm -qf} where dpkg knows none. */
    private static Map<String, String> owners(Remote remote, java.util.Collection<LegacyService> services) throws Exception {
        Set<String> paths = new LinkedHashSet<>();
        for (LegacyService service : services) {
            paths.addAll(service.unit().files());
            paths.add(service.program());
        }
        StringBuilder script = new StringBuilder();
        for (String path : paths) {
            script.append("echo ").append(Sh.quote(MARK + path)).append("; dpkg -S ").append(Sh.quote(path))
                    .append(" 2>/dev/null || rpm -qf --qf '%{NAME}\\n' ").append(Sh.quote(path)).append(" 2>/dev/null; ");
        }
        Map<String, String> owners = new LinkedHashMap<>();
        sections(remote.query(script.toString()).stdout()).forEach((path, lines) -> {
            for (String line : lines) {
                String owner = line.endsWith(": " + path) ? line.substring(0, line.length() - path.length() - 2).split(",")[0].strip()
                        : line.strip();
                if (!owner.isEmpty() && !owner.contains(" ")) {
                    owners.put(path, owner);
                    return;
                }
            }
        });
        return owners;
    }

    /** The paths a component's configuration file and kubeconfigs name, which it reads as surely as those of its flags. */
    private static Map<Component, List<String>> namedPaths(Remote remote, Map<Component, LegacyService> services) {
        Map<Component, List<String>> named = new EnumMap<>(Component.class);
        for (LegacyService service : services.values()) {
            if (!service.component().isStaticPod()) {
                continue;
            }
            Set<String> paths = new LinkedHashSet<>();
            List<String> kubeconfigs = new ArrayList<>();
            KUBECONFIG_FLAGS.forEach(flag -> service.flags().value(flag).ifPresent(kubeconfigs::add));
            service.flags().value("config").flatMap(config -> yaml(remote, config)).map(c -> c.get("clientConnection"))
                    .filter(Map.class::isInstance).map(c -> ((Map<?, ?>) c).get("kubeconfig")).map(Object::toString)
                    .filter(path -> path.startsWith("/")).ifPresent(path -> {
                        paths.add(path);
                        kubeconfigs.add(path);
                    });
            for (String kubeconfig : kubeconfigs) {
                yaml(remote, kubeconfig).ifPresent(config -> paths.addAll(Kubeconfigs.namedFiles(kubeconfig, config)));
            }
            if (!paths.isEmpty()) {
                named.put(service.component(), List.copyOf(paths));
            }
        }
        return named;
    }

    private static Map<String, LegacyNode.PathKind> pathKinds(Remote remote, Map<Component, LegacyService> services,
                                                              Map<Component, List<String>> named) throws Exception {
        Set<String> paths = new LinkedHashSet<>();
        for (LegacyService service : services.values()) {
            if (service.component().isStaticPod()) {
                service.flags().flags().forEach(flag -> paths.addAll(HostPaths.pathsIn(flag.value())));
            }
        }
        named.values().forEach(paths::addAll);
        StringBuilder script = new StringBuilder();
        for (String path : paths) {
            String quoted = Sh.quote(path);
            script.append("[ -d ").append(quoted).append(" ] && echo d ").append(quoted).append("; [ -f ").append(quoted)
                    .append(" ] && echo f ").append(quoted).append("; ");
        }
        Set<String> directories = new java.util.HashSet<>();
        Set<String> files = new java.util.HashSet<>();
        for (String line : paths.isEmpty() ? List.<String>of() : remote.query(script.toString()).stdout()) {
            (line.startsWith("d ") ? directories : files).add(line.substring(2));
        }
        Map<String, LegacyNode.PathKind> kinds = new LinkedHashMap<>();
        for (String path : paths) {
            kinds.put(path, directories.contains(path) ? LegacyNode.PathKind.DIRECTORY
                    : files.contains(path) ? LegacyNode.PathKind.FILE : LegacyNode.PathKind.MISSING);
        }
        return kinds;
    }

    private static Optional<Map<String, Object>> yaml(Remote remote, String path) {
        try {
            Optional<byte[]> content = remote.read(path);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(content.get(), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Optional<Map<String, Object>> map = loaded instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
            return map;
        } catch (Exception e) {
            // A file that does not parse names no paths; the component reading it would not run either.
            return Optional.empty();
        }
    }

    /** One command running {@code each} for every item, its output under a marker line naming the item. */
    private static <T> String script(List<T> items, Function<T, String> key, Function<T, String> each) {
        StringBuilder script = new StringBuilder();
        for (T item : items) {
            script.append("echo ").append(Sh.quote(MARK + key.apply(item))).append("; ").append(each.apply(item)).append("; ");
        }
        return script.toString();
    }

    /** Output lines grouped under the marker lines that precede them. */
    private static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith(MARK) && !line.equals(MARK + "active")) {
                current = new ArrayList<>();
                sections.put(line.substring(MARK.length()), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }
}
