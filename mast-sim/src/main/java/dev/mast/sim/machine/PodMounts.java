package dev.mast.sim.machine;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a container sees of the node's files: its hostPath volumes, at their mount paths. */
final class PodMounts implements PathResolver {
    private record Mount(String mountPath, String hostPath) { }

    private final List<Mount> mounts;

    PodMounts(Pod pod, Container container) {
        List<Volume> volumes = pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes();
        Map<String, Volume> byName = volumes.stream().filter(v -> v.getName() != null)
                .collect(Collectors.toMap(Volume::getName, Function.identity(), (a, b) -> b));
        List<VolumeMount> volumeMounts = container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        this.mounts = volumeMounts.stream()
                .filter(m -> m.getMountPath() != null && byName.containsKey(m.getName()) && byName.get(m.getName()).getHostPath() != null)
                .map(m -> new Mount(VirtualFs.normalize("/", m.getMountPath()), hostPath(byName.get(m.getName()), m)))
                .sorted(Comparator.comparingInt((Mount m) -> m.mountPath().length()).reversed())
                .toList();
    }

    private static String hostPath(Volume volume, VolumeMount mount) {
        String base = VirtualFs.normalize("/", volume.getHostPath().getPath());
        return mount.getSubPath() == null || mount.getSubPath().isEmpty() ? base : VirtualFs.normalize(base, mount.getSubPath());
    }

    @Override
    public Optional<String> nodePath(String containerPath) {
        String path = VirtualFs.normalize("/", containerPath);
        for (Mount mount : mounts) {
            if (path.equals(mount.mountPath())) {
                return Optional.of(mount.hostPath());
            }
            String prefix = mount.mountPath().equals("/") ? "/" : mount.mountPath() + "/";
            if (path.startsWith(prefix)) {
                return Optional.of(VirtualFs.normalize(mount.hostPath(), path.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }
}
