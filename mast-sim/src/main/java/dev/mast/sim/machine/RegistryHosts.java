package dev.mast.sim.machine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where containerd pulls an image's registry from: the hosts of {@code <hosts dir>/<registry>/hosts.toml}
 * in order, then the registry itself. CRI reads the hosts directories its configuration's
 * {@code config_path} names (containerd 1.x has none by default, so a mirror needs it); {@code ctr}
 * reads the one {@code --hosts-dir} gives.
 */
public final class RegistryHosts {
    private static final String CONFIG = "/etc/containerd/config.toml";
    private static final Pattern CONFIG_PATH = Pattern.compile("(?m)^\\s*config_path\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HOST = Pattern.compile("(?m)^\\s*\\[host\\.\"([^\"]+)\"]");
    private static final Pattern SERVER = Pattern.compile("(?m)^\\s*server\\s*=\\s*\"([^\"]+)\"");

    private RegistryHosts() {
    }

    /** The hosts directories of CRI's registry configuration: none unless config.toml sets {@code config_path}. */
    public static List<String> criHostsDirs(Machine machine) throws IOException {
        if (!machine.fs().isFile(CONFIG)) {
            return List.of();
        }
        Matcher m = CONFIG_PATH.matcher(machine.fs().readString(CONFIG));
        return m.find() && !m.group(1).isBlank() ? List.of(m.group(1).split(":")) : List.of();
    }

    /** The registry's domain of an image reference as containerd stores it, e.g. {@code registry.k8s.io}. */
    public static String domain(ImageRef ref) {
        return ref.repository().substring(0, ref.repository().indexOf('/'));
    }

    /** The URLs to try for the domain, mirrors first. */
    public static List<String> registries(Machine machine, String domain, List<String> hostsDirs) throws IOException {
        List<String> urls = new ArrayList<>();
        Optional<String> server = Optional.empty();
        for (String dir : hostsDirs) {
            String file = dir + "/" + domain + "/hosts.toml";
            if (machine.fs().isFile(file)) {
                String text = machine.fs().readString(file);
                Matcher host = HOST.matcher(text);
                while (host.find()) {
                    urls.add(strip(host.group(1)));
                }
                Matcher s = SERVER.matcher(text);
                server = s.find() ? Optional.of(strip(s.group(1))) : server;
                break;
            }
        }
        urls.add(server.orElse("https://" + (domain.equals("docker.io") ? "registry-1.docker.io" : domain)));
        return urls;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
