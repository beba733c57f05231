package dev.mast.workflow.tasks;

import dev.mast.manifest.KubePaths;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.Plan;
import dev.mast.sources.Arch;
import dev.mast.sources.PackageIndex;
import dev.mast.sources.RegistryMirror;
import dev.mast.sources.ReleaseFile;
import dev.mast.sources.ReleaseFiles;
import dev.mast.workflow.NodeContext;
import dev.mast.workflow.Remote;
import dev.mast.workflow.Sh;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts etcd (and etcdctl) in /usr/local/bin from where the plan says: by default the binaries of
 * {@code registry.k8s.io/etcd:<tag>}, the image kubeadm pins for the release, pulled by the node's
 * runtime (through the site's registry when it has one) and copied out of it; or etcd's release
 * tarball of the pinned version, checked against its published checksums; or the distribution's
 * package, whose version is named when it is older than the pinned one.
 */
public final class EtcdBinary {
    private static final Pattern VERSION = Pattern.compile("etcd Version: (\\S+)");
    /** Where containerd shows the image's files while they are copied. */
    private static final String MOUNT = "/run/mast/etcd-image";
    private static final String COPY_CONTAINER = "mast-etcd-copy";

    private EtcdBinary() {
    }

    static String image(Plan plan) {
        return "registry.k8s.io/etcd:" + plan.version().etcdTag();
    }

    /** The version of /usr/local/bin/etcd, if there is one that answers. */
    static Optional<String> installedVersion(Remote remote) throws Exception {
        for (String line : remote.query(KubePaths.ETCD_BINARY + " --version 2>/dev/null").stdout()) {
            Matcher m = VERSION.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    public static void install(NodeContext context) throws Exception {
        Plan plan = context.plan();
        Remote remote = context.remote();
        String pinned = ReleaseFiles.etcdVersion(plan.version());
        Optional<String> installed = installedVersion(remote);
        EtcdSource source = plan.sources().etcd();
        if (source != EtcdSource.PACKAGE && installed.equals(Optional.of(pinned))) {
            context.log("etcd " + pinned + " is in place");
            return;
        }
        switch (source) {
            case IMAGE -> fromImage(context);
            case RELEASE -> fromRelease(context);
            case PACKAGE -> fromPackage(context);
            default -> throw new IllegalStateException(source.toString());
        }
        if (remote.records()) {
            return;
        }
        String now = installedVersion(remote).orElseThrow(() -> new SourceException(KubePaths.ETCD_BINARY + " on "
                + context.node().hostName() + " does not run after it was installed from the " + source.key()));
        if (!now.equals(pinned)) {
            String from = source == EtcdSource.IMAGE ? "the image " + image(plan) + " holds"
                    : source == EtcdSource.PACKAGE ? "the distribution's package installed" : "the release tarball holds";
            context.warn(from + " etcd " + now + ", while kubeadm pins " + pinned + " for Kubernetes " + plan.version().major()
                    + "." + plan.version().minor() + (olderThan(now, pinned) ? ": an older etcd than the release was tested with" : ""));
        } else {
            context.log("installed etcd " + now + " from the " + source.key());
        }
    }

    private static void fromImage(NodeContext context) throws Exception {
        Remote remote = context.remote();
        String image = image(context.plan());
        if (context.plan().runtime() == ContainerRuntime.DOCKER) {
            remote.run("docker image inspect " + Sh.quote(image) + " >/dev/null 2>&1 || docker pull " + Sh.quote(image));
            remote.exec("docker rm " + COPY_CONTAINER + " >/dev/null 2>&1");
            remote.run("docker create --name " + COPY_CONTAINER + " " + Sh.quote(image) + " " + KubePaths.ETCD_BINARY);
            try {
                for (String program : List.of("etcd", "etcdctl")) {
                    remote.run("docker cp " + COPY_CONTAINER + ":/usr/local/bin/" + program + " /usr/local/bin/" + program);
                }
            } finally {
                remote.exec("docker rm " + COPY_CONTAINER);
            }
            return;
        }
        Arch arch = SourceFacts.read(remote).arch().orElse(Arch.AMD64);
        remote.run("ctr -n k8s.io images ls -q | grep -qxF " + Sh.quote(image) + " || ctr -n k8s.io images pull --hosts-dir "
                + RegistryMirror.HOSTS_DIR + " --platform linux/" + arch + " " + Sh.quote(image));
        remote.run("mkdir -p " + MOUNT + " && ctr -n k8s.io images mount " + Sh.quote(image) + " " + MOUNT);
        try {
            remote.run("install -m 0755 " + MOUNT + "/usr/local/bin/etcd " + MOUNT + "/usr/local/bin/etcdctl /usr/local/bin/");
        } finally {
            remote.exec("ctr -n k8s.io images unmount " + MOUNT);
        }
    }

    private static void fromRelease(NodeContext context) throws Exception {
        Remote remote = context.remote();
        SourceFacts facts = SourceFacts.read(remote);
        Arch arch = facts.arch().orElseThrow(() -> new SourceException(context.node().hostName() + " is " + facts.unameM()
                + ", for which etcd publishes no release (amd64 and arm64 only)"));
        ReleaseFile tarball = new ReleaseFiles(context.plan().sources(), context.plan().version(), arch).etcd();
        String file = ReleaseDownload.fetch(remote, tarball);
        String dir = tarball.name().replace(".tar.gz", "");
        remote.run("tar -xzf " + Sh.quote(file) + " -C /usr/local/bin --strip-components=1 " + Sh.quote(dir + "/etcd") + " "
                + Sh.quote(dir + "/etcdctl"));
        ReleaseDownload.clean(remote, List.of(file));
    }

    private static void fromPackage(NodeContext context) throws Exception {
        Remote remote = context.remote();
        String unit = "/etc/systemd/system/etcd.service";
        // A distribution's etcd package starts its own etcd (its defaults, on port 2379) as it is installed: masked, it
        // cannot, as kubeadm-like installers keep a package's service from starting. Mast's own unit is not masked over.
        remote.run("test -f " + unit + " && ! test -L " + unit + " || systemctl mask etcd.service");
        Packages.ensureInstalledByMast(remote, List.of(SourceFacts.read(remote).family() == SourceFacts.PackageFamily.RPM ? "etcd" : "etcd-server"));
        remote.run("ln -sf /usr/bin/etcd " + KubePaths.ETCD_BINARY);
        remote.run("systemctl unmask etcd.service");
    }

    static boolean olderThan(String version, String pinned) {
        return PackageIndex.compareVersions(version, pinned) < 0;
    }
}
