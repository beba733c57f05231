package dev.mast.manifest;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * A host path mounted at the same path in a component's container: one pod volume and one
 * container mount with the same name, as kubeadm's {@code NewHostPathMount} pairs them.
 *
 * @param type the kubelet's check of the host path ({@code DirectoryOrCreate}, {@code FileOrCreate}, ...)
 */
record HostMount(String name, String path, String type, boolean readOnly) {
    static final String DIRECTORY_OR_CREATE = "DirectoryOrCreate";
    static final String FILE_OR_CREATE = "FileOrCreate";

    static HostMount directory(String name, String path, boolean readOnly) {
        return new HostMount(name, path, DIRECTORY_OR_CREATE, readOnly);
    }

    static HostMount file(String name, String path, boolean readOnly) {
        return new HostMount(name, path, FILE_OR_CREATE, readOnly);
    }

    Volume volume() {
        return new VolumeBuilder().withName(name)
                .withNewHostPath().withPath(path).withType(type).endHostPath()
                .build();
    }

    VolumeMount mount() {
        return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(readOnly).build();
    }
}
