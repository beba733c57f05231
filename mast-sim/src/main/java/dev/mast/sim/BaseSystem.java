package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.sim.machine.Machine;
import dev.mast.sim.machine.OsImage;
import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.Packages;
import dev.mast.sim.machine.VirtualFs;
import java.io.IOException;
import java.util.List;

/**
 * Lays out a fresh Debian in a node's virtual root: merged /usr, /etc/os-release, the kernel's
 * files under /proc and /sys (swap, sysctls, eth0's MAC), home directories; then, when asked,
 * installs and starts the container runtime.
 */
final class BaseSystem {
    private BaseSystem() {
    }

    static void lay(Machine machine, NodeSpec spec, boolean forwarding) throws IOException {
        VirtualFs fs = machine.fs();
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/lib/systemd/system", "/usr/local/bin", "/usr/local/sbin",
                "/etc/systemd/system/multi-user.target.wants", "/etc/sysctl.d", "/etc/default", "/run/systemd/system", "/var/lib",
                "/var/log", "/opt", "/dev", "/proc/sys/net/ipv4/conf/all", "/proc/sys/vm", "/proc/sys/kernel", "/sys/class/net/eth0",
                "/sys/class/net/lo", "/home")) {
            fs.mkdirs(dir, 0755);
        }
        fs.symlink("usr/bin", "/bin");
        fs.symlink("usr/sbin", "/sbin");
        fs.symlink("usr/lib", "/lib");
        fs.mkdirs("/tmp", 0777);
        fs.setMode("/tmp", 0777);
        fs.mkdirs("/var/tmp", 0777);
        fs.setMode("/var/tmp", 0777);
        fs.mkdirs("/root", 0700);
        fs.writeString("/usr/lib/os-release", spec.os().osRelease(), 0644);
        fs.symlink("../usr/lib/os-release", "/etc/os-release");
        fs.writeString("/etc/hostname", spec.hostName() + "\n", 0644);
        fs.writeString("/etc/hosts", "127.0.0.1\tlocalhost\n" + spec.address() + "\t" + spec.hostName() + "\n", 0644);
        fs.writeString("/etc/machine-id", machine.identity().mac().replace(":", "") + "0123456789abcdef0123\n", 0444);
        fs.writeString("/etc/sysctl.conf", "# /etc/sysctl.conf - Configuration file for setting system variables\n", 0644);
        fs.writeString("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n" + (spec.sshUser().equals("root") ? ""
                : spec.sshUser() + ":x:1000:1000::/home/" + spec.sshUser() + ":/bin/bash\n"), 0644);
        String swap = spec.swapOn() ? "/swapfile                               file\t\t2097148\t\t0\t\t-2\n" : "";
        fs.writeString("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n" + swap, 0444);
        fs.writeString("/etc/fstab", "UUID=0b6c6f3e-8a4c-4a6e-9f6e-1c2b3d4e5f60 /  ext4 errors=remount-ro 0 1\n"
                + (spec.swapOn() ? "/swapfile none swap sw 0 0\n" : ""), 0644);
        if (spec.swapOn()) {
            fs.writeString("/swapfile", "", 0600);
        }
        fs.writeString("/proc/modules", "", 0444);
        fs.writeString("/proc/sys/net/ipv4/ip_forward", forwarding ? "1\n" : "0\n", 0644);
        fs.writeString("/proc/sys/net/ipv4/conf/all/forwarding", forwarding ? "1\n" : "0\n", 0644);
        fs.writeString("/proc/sys/vm/swappiness", "60\n", 0644);
        fs.writeString("/proc/sys/vm/overcommit_memory", "0\n", 0644);
        fs.writeString("/proc/sys/kernel/hostname", spec.hostName() + "\n", 0644);
        fs.writeString("/sys/class/net/eth0/address", machine.identity().mac() + "\n", 0444);
        fs.writeString("/sys/class/net/lo/address", "00:00:00:00:00:00\n", 0444);
        packageSources(fs, spec.os());
        if (!spec.sshUser().equals("root")) {
            String home = "/home/" + spec.sshUser();
            fs.mkdirs(home, 0755);
            fs.setOwner(home, new VirtualFs.Owner(spec.sshUser(), spec.sshUser()));
        }
    }

    /** The distribution's own repositories, as its installer leaves them: a sources.list, deb822 on Ubuntu 24.04, or .repo files. */
    private static void packageSources(VirtualFs fs, OsImage os) throws IOException {
        if (os.family() == OsImage.PackageFamily.RPM) {
            fs.mkdirs("/etc/yum.repos.d", 0755);
            fs.writeString("/etc/yum.repos.d/rocky.repo", "[baseos]\nname=Rocky Linux $releasever - BaseOS\n"
                    + "mirrorlist=https://mirrors.rockylinux.org/mirrorlist?arch=$basearch&repo=BaseOS-$releasever\ngpgcheck=1\nenabled=1\n"
                    + "# The simulator's distribution packages answer for this repository.\n", 0644);
            return;
        }
        fs.mkdirs("/etc/apt/sources.list.d", 0755);
        fs.mkdirs("/etc/apt/keyrings", 0755);
        if (os == OsImage.UBUNTU_24_04) {
            fs.writeString("/etc/apt/sources.list.d/ubuntu.sources", "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\n"
                    + "Suites: noble noble-updates noble-backports\nComponents: main restricted universe multiverse\n"
                    + "Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n", 0644);
        } else {
            fs.writeString("/etc/apt/sources.list", "deb http://deb.debian.org/debian bookworm main\n"
                    + "deb http://deb.debian.org/debian-security bookworm-security main\n", 0644);
        }
    }

    /** The services of the cluster's runtime, in the order they start. */
    static List<String> runtimeServices(ContainerRuntime runtime) {
        return runtime == ContainerRuntime.DOCKER ? List.of("containerd.service", "docker.service", "cri-docker.service")
                : List.of("containerd.service");
    }

    /** The packages of the cluster's runtime: containerd, or Docker with cri-dockerd. */
    static List<String> runtimePackages(ContainerRuntime runtime) {
        return runtime == ContainerRuntime.DOCKER ? List.of("docker.io", "cri-dockerd") : List.of("containerd");
    }

    /** Installs packages (with dependencies), starting their services or not. */
    static void install(Machine machine, List<String> names, boolean start) throws IOException {
        try {
            for (PackageDef def : machine.packages().installPlan(names)) {
                machine.packages().install(def, start, line -> { });
            }
        } catch (Packages.UnknownPackageException e) {
            throw new IllegalStateException("the simulator's catalog lacks " + e.name(), e);
        }
    }
}
