package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a Mast plan file for a simulated cluster, in the plan file's format: the cluster block,
 * then one entry per node with its address, roles and SSH settings (roles and ssh in flow style).
 */
public final class SimPlanWriter {
    /** A list written in flow style: {@code [etcd, master]}. */
    private static final class FlowList extends ArrayList<Object> {
        FlowList(List<?> items) {
            super(items);
        }
    }

    /** A mapping written in flow style: {@code {user: root, port: 40001, keyFile: ...}}. */
    private static final class FlowMap extends LinkedHashMap<String, Object> {
    }

    private static final class PlanRepresenter extends Representer {
        PlanRepresenter(DumperOptions options) {
            super(options);
            representers.put(FlowList.class, data -> representSequence(Tag.SEQ, (List<?>) data, DumperOptions.FlowStyle.FLOW));
            representers.put(FlowMap.class, data -> representMapping(Tag.MAP, (Map<?, ?>) data, DumperOptions.FlowStyle.FLOW));
        }
    }

    private SimPlanWriter() {
    }

    public static String yaml(SimulatedCluster cluster, String kubernetesVersion, ContainerRuntime runtime, String sshUser, Path keyFile) {
        Map<String, Object> plan = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", cluster.name());
        settings.put("kubernetesVersion", kubernetesVersion);
        settings.put("containerRuntime", runtime.key());
        settings.put("podCidr", cluster.podCidr());
        settings.put("serviceCidr", cluster.serviceCidr());
        settings.put("dnsDomain", "cluster.local");
        settings.put("apiServerPort", 6443);
        settings.put("controlPlaneEndpoint", cluster.controlPlaneEndpoint());
        plan.put("cluster", settings);
        List<Object> nodes = new ArrayList<>();
        for (SimulatedNode node : cluster.nodes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("hostName", node.hostName());
            entry.put("ip", node.address());
            entry.put("internalIp", node.address());
            List<String> roles = new ArrayList<>();
            for (Role role : Role.values()) {
                if (node.spec().has(role)) {
                    roles.add(role.key());
                }
            }
            entry.put("roles", new FlowList(roles));
            FlowMap ssh = new FlowMap();
            ssh.put("user", sshUser);
            ssh.put("port", node.port());
            ssh.put("keyFile", keyFile.toAbsolutePath().toString());
            entry.put("ssh", ssh);
            nodes.add(entry);
        }
        plan.put("nodes", nodes);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(4096);
        return new Yaml(new PlanRepresenter(options), options).dump(plan);
    }

    public static void write(Path file, String yaml) throws IOException {
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }
}
