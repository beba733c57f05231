package dev.mast.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of every Kismatic (KET) release from v1.0 to v1.12, as its {@code plan_types.go}
 * and generated plan templates had them, with the release that introduced it and, for what Mast
 * does not carry over, what a user should know about it. The import calls nothing unknown that
 * some release knew, and names the keys no release knew (a typo, or another tool's file).
 *
 * <p>Paths are generic: {@code []} stands for any item of a list and {@code *} for any key of a
 * free-form mapping (option overrides, labels, driver options), whose entries are not checked.
 */
final class KismaticSchema {
    static final String OLDEST = "v1.0";
    static final String NEWEST = "v1.12";

    /** A setting: the release that introduced it, and the hint shown when Mast does not carry it over. */
    record Setting(String since, String hint) { }

    private static final String NODE_SETTINGS = """
            host v1.0
            ip v1.0
            internalip v1.0
            labels v1.7 label the node with kubectl label after the install
            labels.* v1.7
            taints v1.9 taint the node with kubectl taint after the install
            taints[] v1.9
            taints[].key v1.9
            taints[].value v1.9
            taints[].effect v1.9
            kubelet v1.9 Mast gives every kubelet the same flags: cluster.extraFlags.kubelet
            kubelet.option_overrides v1.9
            kubelet.option_overrides.* v1.9
            """;

    /** One line per setting: path, release, then the hint if there is one. */
    private static final String SETTINGS = """
            cluster v1.0
            cluster.name v1.0
            cluster.version v1.8
            cluster.admin_password v1.0 Mast authenticates with client certificates; the password is not kept
            cluster.allow_package_installation v1.0 Mast installs the kubelet and container runtime packages itself
            cluster.disable_package_installation v1.4 Mast installs the kubelet and container runtime packages itself
            cluster.package_repository_urls v1.4 Mast installs packages from the repositories the nodes already use
            cluster.disconnected_installation v1.2 Mast pulls images from registry.k8s.io; a disconnected node needs them loaded or mirrored
            cluster.disable_registry_seeding v1.4 Mast does not seed a registry
            cluster.networking v1.0
            cluster.networking.type v1.0
            cluster.networking.pod_cidr_block v1.0
            cluster.networking.service_cidr_block v1.0
            cluster.networking.policy_enabled v1.0
            cluster.networking.update_hosts_files v1.0 Mast does not edit /etc/hosts; the nodes must resolve each other's names
            cluster.networking.http_proxy v1.5 Mast sets no proxy; give the container runtime and the nodes their proxy settings
            cluster.networking.https_proxy v1.5 Mast sets no proxy; give the container runtime and the nodes their proxy settings
            cluster.networking.no_proxy v1.5 Mast sets no proxy; give the container runtime and the nodes their proxy settings
            cluster.certificates v1.0
            cluster.certificates.expiry v1.0 Mast issues its own certificates, for a year like kubeadm's
            cluster.certificates.ca_expiry v1.5 an upgrade keeps the cluster's CA; a new cluster's CA is valid for ten years
            cluster.certificates.location_city v1.0 Mast's certificates name no location
            cluster.certificates.location_state v1.0 Mast's certificates name no location
            cluster.certificates.location_country v1.0 Mast's certificates name no location
            cluster.certificates.apiserver_cert_extra_sans v1.11
            cluster.ssh v1.0
            cluster.ssh.user v1.0
            cluster.ssh.ssh_key v1.0
            cluster.ssh.ssh_port v1.0
            cluster.kube_apiserver v1.3
            cluster.kube_apiserver.option_overrides v1.3
            cluster.kube_apiserver.option_overrides.* v1.3
            cluster.kube_controller_manager v1.9
            cluster.kube_controller_manager.option_overrides v1.9
            cluster.kube_controller_manager.option_overrides.* v1.9
            cluster.kube_scheduler v1.9
            cluster.kube_scheduler.option_overrides v1.9
            cluster.kube_scheduler.option_overrides.* v1.9
            cluster.kube_proxy v1.9
            cluster.kube_proxy.option_overrides v1.9
            cluster.kube_proxy.option_overrides.* v1.9
            cluster.kubelet v1.9
            cluster.kubelet.option_overrides v1.9
            cluster.kubelet.option_overrides.* v1.9
            cluster.cloud_provider v1.5 the in-tree cloud providers are gone since Kubernetes 1.31; run the provider's cloud-controller-manager
            cluster.cloud_provider.provider v1.5
            cluster.cloud_provider.config v1.5
            docker v1.4
            docker.disable v1.8
            docker.logs v1.8 configure the container runtime's logging on the nodes
            docker.logs.driver v1.8
            docker.logs.opts v1.8
            docker.logs.opts.* v1.8
            docker.storage v1.4 Mast leaves the container runtime's storage as it is
            docker.storage.driver v1.8
            docker.storage.opts v1.8
            docker.storage.opts.* v1.8
            docker.storage.direct_lvm v1.4
            docker.storage.direct_lvm.enabled v1.4
            docker.storage.direct_lvm.block_device v1.4
            docker.storage.direct_lvm.enable_deferred_deletion v1.4
            docker.storage.direct_lvm_block_device v1.8
            docker.storage.direct_lvm_block_device.path v1.8
            docker.storage.direct_lvm_block_device.thinpool_percent v1.8
            docker.storage.direct_lvm_block_device.thinpool_metapercent v1.8
            docker.storage.direct_lvm_block_device.thinpool_autoextend_threshold v1.8
            docker.storage.direct_lvm_block_device.thinpool_autoextend_percent v1.8
            docker_registry v1.1 Mast pulls images from registry.k8s.io; point the container runtime at a mirror yourself
            docker_registry.setup_internal v1.1
            docker_registry.address v1.1
            docker_registry.port v1.1
            docker_registry.server v1.8
            docker_registry.CA v1.1
            docker_registry.username v1.5
            docker_registry.password v1.5
            additional_files v1.10 Mast copies no other files to the nodes; copy them before the install
            additional_files[] v1.10
            additional_files[].hosts v1.10
            additional_files[].hosts[] v1.10
            additional_files[].source v1.10
            additional_files[].destination v1.10
            additional_files[].skip_validation v1.10
            add_ons v1.4
            add_ons.cni v1.5
            add_ons.cni.disable v1.5
            add_ons.cni.provider v1.5
            add_ons.cni.options v1.5
            add_ons.cni.options.calico v1.5
            add_ons.cni.options.calico.mode v1.5
            add_ons.cni.options.calico.log_level v1.6
            add_ons.cni.options.calico.workload_mtu v1.9
            add_ons.cni.options.calico.felix_input_mtu v1.9
            add_ons.cni.options.calico.ip_autodetection_method v1.9
            add_ons.cni.options.weave v1.9
            add_ons.cni.options.weave.password v1.9
            add_ons.cni.options.portmap v1.10
            add_ons.cni.options.portmap.disable v1.10
            add_ons.dns v1.5
            add_ons.dns.disable v1.5
            add_ons.dns.provider v1.10
            add_ons.dns.options v1.10
            add_ons.dns.options.replicas v1.10
            add_ons.heapster v1.4 Heapster is retired; metrics-server gives kubectl top and autoscaling their figures
            add_ons.heapster.disable v1.4
            add_ons.heapster.options v1.4
            add_ons.heapster.options.heapster_replicas v1.4
            add_ons.heapster.options.influxdb_pvc_name v1.4
            add_ons.heapster.options.heapster v1.6
            add_ons.heapster.options.heapster.replicas v1.6
            add_ons.heapster.options.heapster.service_type v1.6
            add_ons.heapster.options.heapster.sink v1.6
            add_ons.heapster.options.influxdb v1.6
            add_ons.heapster.options.influxdb.pvc_name v1.6
            add_ons.metrics_server v1.9 apply metrics-server after the install
            add_ons.metrics_server.disable v1.9
            add_ons.dashboard v1.5 apply the Kubernetes Dashboard after the install if you use it
            add_ons.dashboard.disable v1.5
            add_ons.dashboard.options v1.10
            add_ons.dashboard.options.service_type v1.10
            add_ons.dashboard.options.node_port v1.10
            add_ons.dashbard v1.4 apply the Kubernetes Dashboard after the install if you use it
            add_ons.dashbard.disable v1.4
            add_ons.package_manager v1.4 Kismatic installed Helm 2's Tiller; Helm 3 needs nothing in the cluster
            add_ons.package_manager.disable v1.4
            add_ons.package_manager.provider v1.4
            add_ons.package_manager.options v1.9
            add_ons.package_manager.options.helm v1.9
            add_ons.package_manager.options.helm.namespace v1.9
            add_ons.rescheduler v1.7 the rescheduler is retired; pod priority and preemption do its job
            add_ons.rescheduler.disable v1.7
            features v1.3 Kismatic installed Helm 2's Tiller; Helm 3 needs nothing in the cluster
            features.package_manager v1.3
            features.package_manager.enabled v1.3
            etcd v1.0
            etcd.expected_count v1.0
            etcd.nodes v1.0
            master v1.0
            master.expected_count v1.0
            master.load_balanced_fqdn v1.0
            master.load_balanced_short_name v1.0
            master.load_balancer v1.11
            master.nodes v1.0
            worker v1.0
            worker.expected_count v1.0
            worker.nodes v1.0
            ingress v1.1
            ingress.expected_count v1.1
            ingress.nodes v1.1
            storage v1.2
            storage.expected_count v1.2
            storage.nodes v1.2
            nfs v1.2 Mast mounts no NFS volumes; create their PersistentVolumes after the install
            nfs.nfs_volume v1.2
            nfs.nfs_volume[] v1.2
            nfs.nfs_volume[].nfs_host v1.2
            nfs.nfs_volume[].mount_path v1.2
            """;

    private static final Map<String, Setting> KNOWN = parse();

    private KismaticSchema() {
    }

    private static Map<String, Setting> parse() {
        var known = new LinkedHashMap<String, Setting>();
        for (String line : SETTINGS.strip().split("\n")) {
            put(known, line);
        }
        for (String group : KismaticNodes.GROUPS.keySet()) {
            known.put(group + ".nodes[]", known.get(group + ".nodes"));
            for (String line : NODE_SETTINGS.strip().split("\n")) {
                put(known, group + ".nodes[]." + line.strip());
            }
        }
        return known;
    }

    private static void put(Map<String, Setting> known, String line) {
        String[] parts = line.strip().split(" ", 3);
        known.put(parts[0], new Setting(parts[1], parts.length > 2 ? parts[2] : ""));
    }

    /** The setting at a concrete path ({@code worker.nodes[2].labels.rack}), if some release had it. */
    static Optional<Setting> find(String path) {
        return genericPath(path).map(KNOWN::get);
    }

    /** The schema's path of the setting at a concrete path ({@code worker.nodes[].labels.*}), if some release had it. */
    static Optional<String> genericPath(String path) {
        String generic = path.replaceAll("\\[\\d+]", "[]");
        if (KNOWN.containsKey(generic)) {
            return Optional.of(generic);
        }
        String anyKey = generic.contains(".") ? generic.substring(0, generic.lastIndexOf('.')) + ".*" : "";
        return Optional.of(anyKey).filter(KNOWN::containsKey);
    }

    /** The schema's paths, for the tests that check the release files hold each. */
    static Set<String> paths() {
        return KNOWN.keySet();
    }

    /** Whether the entries below this path are free-form (flags, labels, driver options) and not checked. */
    static boolean isFreeForm(String path) {
        return KNOWN.containsKey(path.replaceAll("\\[\\d+]", "[]") + ".*");
    }
}
