package dev.mast.node;

import dev.mast.plan.JumpHosts;
import dev.mast.plan.KeyFiles;
import dev.mast.plan.SshSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Works out how to reach a node from the plan's settings, the OpenSSH configuration and the
 * defaults, in that order of precedence: a value in the plan wins, as an option on {@code ssh}'s
 * command line does. A node is looked up under its name and its address (a {@code Host} line
 * matching either applies), its address being the {@code HostName}; each jump host is looked up
 * under the name its {@code ProxyJump} gives, as {@code ssh -J} does.
 */
public final class SshRoutes {
    /** The keys {@code ssh} tries when neither the plan nor the configuration names one. */
    private static final List<String> DEFAULT_KEYS = List.of("id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519",
            "id_ed25519_sk", "id_xmss", "id_dsa");
    private static final String PLAN = "plan";
    private static final String DEFAULT = "default";
    private static final String DEFAULT_USER = "root";

    private final SshEnvironment env;
    private final SshOptions defaults;

    public SshRoutes(SshEnvironment env, SshOptions defaults) {
        this.env = env;
        this.defaults = defaults;
    }

    /**
     * @param name    the node's name, or null when only its address is known
     * @param address the address the plan gives; it wins over the configuration's HostName
     * @throws IOException when the configuration could not be read
     */
    public SshRoute route(String name, String address, SshSettings plan) throws IOException {
        if (env.configProblem() != null) {
            throw new IOException(env.configProblem());
        }
        List<String> names = name == null || name.equalsIgnoreCase(address) ? List.of(address) : List.of(name, address);
        SshConfig.HostValues config = env.config().lookup(new SshConfig.Query(names, address,
                plan.user().isEmpty() ? null : plan.user(), env.localUser(), env.home()));
        List<SshRoute.Origin> origins = new ArrayList<>();
        List<String> notes = new ArrayList<>(config.notes());

        var user = pick("User", plan.user().isEmpty() ? null : plan.user(), config.get("user"), DEFAULT_USER, origins);
        origins.add(new SshRoute.Origin("HostName", address, PLAN));
        int port = port(plan.port() == 0 ? null : String.valueOf(plan.port()), config.get("port"), origins);
        NodeAddress target = new NodeAddress(user, address, port);
        List<IdentityFile> keys = new ArrayList<>();
        if (!plan.keyFile().isEmpty()) {
            keys.add(new IdentityFile(KeyFiles.resolve(plan.keyFile(), env.home()), plan.keyFile(), true));
            origins.add(new SshRoute.Origin("IdentityFile", plan.keyFile(), PLAN));
        }
        SshHop hop = hop(target, config, names.get(0), keys, origins);

        List<SshHop> jumps = new ArrayList<>();
        String jump = plan.jump().isEmpty() ? null : plan.jump();
        String jumpFrom = PLAN;
        if (jump == null && config.get("proxyjump") != null) {
            jump = String.join(",", config.get("proxyjump").args());
            jumpFrom = shown(config.get("proxyjump").where());
        }
        if (jump != null && !JumpHosts.isNone(jump)) {
            origins.add(new SshRoute.Origin("ProxyJump", jump, jumpFrom));
            List<JumpHosts.Hop> specs;
            try {
                specs = JumpHosts.parse(jump);
            } catch (IllegalArgumentException e) {
                throw new IOException("ProxyJump " + jump + " (" + jumpFrom + "): " + e.getMessage(), e);
            }
            for (JumpHosts.Hop spec : specs) {
                jumps.add(jumpHop(spec, plan, origins, notes));
            }
        }
        return new SshRoute(jumps, hop, origins, notes);
    }

    /** A jump host: looked up under its own name; the node's key file is offered after its own keys. */
    private SshHop jumpHop(JumpHosts.Hop spec, SshSettings plan, List<SshRoute.Origin> origins, List<String> notes) {
        SshConfig.HostValues config = env.config().lookup(new SshConfig.Query(List.of(spec.host()), null,
                spec.user().isEmpty() ? null : spec.user(), env.localUser(), env.home()));
        notes.addAll(config.notes());
        List<SshRoute.Origin> own = new ArrayList<>();
        // As ssh -J does: the user and port written in the jump, else the configuration's, else ssh's defaults.
        String user = pick("User", spec.user().isEmpty() ? null : spec.user(), config.get("user"), env.localUser(), own);
        SshConfig.Value hostName = config.get("hostname");
        String host = hostName == null ? spec.host()
                : hostName.first().replace("%h", spec.host()).replace("%%", "%");
        int port = port(spec.port() == 0 ? null : String.valueOf(spec.port()), config.get("port"), own);
        NodeAddress address = new NodeAddress(user, host, port);
        List<IdentityFile> keys = new ArrayList<>();
        SshHop hop = hop(address, config, spec.host(), keys, own);
        if (!plan.keyFile().isEmpty()) {
            List<IdentityFile> withNodeKey = new ArrayList<>(hop.identityFiles());
            withNodeKey.add(new IdentityFile(KeyFiles.resolve(plan.keyFile(), env.home()), plan.keyFile(), false));
            hop = new SshHop(hop.address(), withNodeKey, hop.identitiesOnly(), hop.knownHosts(), hop.hostKeys(),
                    hop.connectTimeout(), hop.keepAlive());
        }
        String from = own.stream().filter(o -> !o.from().equals(DEFAULT) && !o.from().equals(PLAN))
                .map(o -> o.setting() + " " + o.from()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
        String hostFrom = hostName == null ? "" : "HostName " + shown(hostName.where());
        String sources = String.join(", ", List.of(hostFrom, from).stream().filter(s -> !s.isEmpty()).toList());
        origins.add(new SshRoute.Origin("jump host", address.toString(), sources.isEmpty() ? "ProxyJump" : sources));
        return hop;
    }

    /** The settings every hop has: keys, known_hosts, host key policy, timing. */
    private SshHop hop(NodeAddress address, SshConfig.HostValues config, String originalName, List<IdentityFile> keys,
                       List<SshRoute.Origin> origins) {
        Map<Character, String> tokens = Map.of('d', env.home().toString(), 'h', address.host(), 'r', address.user(),
                'u', env.localUser(), 'p', String.valueOf(address.port()), 'n', originalName, '%', "%");
        for (SshConfig.Value value : config.identityFiles()) {
            for (String file : value.args()) {
                String expanded = expand(file, tokens);
                keys.add(new IdentityFile(Path.of(expanded), file, true));
                origins.add(new SshRoute.Origin("IdentityFile", expanded, shown(value.where())));
            }
        }
        if (keys.isEmpty()) {
            DEFAULT_KEYS.forEach(key -> keys.add(new IdentityFile(env.home().resolve(".ssh").resolve(key), "~/.ssh/" + key,
                    false)));
        }
        boolean identitiesOnly = config.get("identitiesonly") != null
                && List.of("yes", "true").contains(config.get("identitiesonly").first().toLowerCase());
        if (identitiesOnly) {
            origins.add(new SshRoute.Origin("IdentitiesOnly", "yes", shown(config.get("identitiesonly").where())));
        }
        List<Path> knownHosts = knownHosts(config, tokens, origins);
        SshConfig.Value strict = config.get("stricthostkeychecking");
        HostKeyPolicy policy = strict == null ? null : HostKeyPolicy.of(strict.first());
        if (policy != null) {
            origins.add(new SshRoute.Origin("StrictHostKeyChecking", strict.first(), shown(strict.where())));
        }
        Duration connectTimeout = seconds("ConnectTimeout", config.get("connecttimeout"), defaults.connectTimeout(),
                origins);
        Duration keepAlive = seconds("ServerAliveInterval", config.get("serveraliveinterval"), defaults.keepAlive(),
                origins);
        return new SshHop(address, keys, identitiesOnly, knownHosts, policy == null ? HostKeyPolicy.ASK : policy,
                connectTimeout, keepAlive);
    }

    private List<Path> knownHosts(SshConfig.HostValues config, Map<Character, String> tokens,
                                  List<SshRoute.Origin> origins) {
        if (env.knownHosts() != null) {
            return List.of(env.knownHosts());
        }
        SshConfig.Value files = config.get("userknownhostsfile");
        if (files == null || files.first().equalsIgnoreCase("none")) {
            return List.of(env.home().resolve(".ssh").resolve("known_hosts"));
        }
        List<Path> paths = files.args().stream().map(file -> Path.of(expand(file, tokens))).toList();
        origins.add(new SshRoute.Origin("UserKnownHostsFile", paths.get(0).toString(), shown(files.where())));
        return paths;
    }

    private String pick(String setting, String planned, SshConfig.Value configured, String fallback,
                        List<SshRoute.Origin> origins) {
        if (planned != null) {
            origins.add(new SshRoute.Origin(setting, planned, PLAN));
            return planned;
        }
        if (configured != null) {
            origins.add(new SshRoute.Origin(setting, configured.first(), shown(configured.where())));
            return configured.first();
        }
        origins.add(new SshRoute.Origin(setting, fallback, DEFAULT));
        return fallback;
    }

    private int port(String planned, SshConfig.Value configured, List<SshRoute.Origin> origins) {
        String port = pick("Port", planned, configured, "22", origins);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            String from = planned != null || configured == null ? PLAN : shown(configured.where());
            throw new IllegalArgumentException("Port " + port + " (" + from + ") is not a port number");
        }
        return Integer.parseInt(port);
    }

    /** A positive number of seconds from the configuration, else Mast's default. */
    private Duration seconds(String setting, SshConfig.Value configured, Duration fallback,
                             List<SshRoute.Origin> origins) {
        if (configured != null && configured.first().matches("\\d{1,6}") && Integer.parseInt(configured.first()) > 0) {
            origins.add(new SshRoute.Origin(setting, configured.first() + " s", shown(configured.where())));
            return Duration.ofSeconds(Integer.parseInt(configured.first()));
        }
        return fallback;
    }

    /** {@code ~} and OpenSSH's {@code %} tokens; an unknown token is kept as written. */
    static String expand(String path, Map<Character, String> tokens) {
        String text = path.equals("~") || path.startsWith("~/") ? tokens.get('d') + path.substring(1) : path;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String value = c == '%' && i + 1 < text.length() ? tokens.get(text.charAt(i + 1)) : null;
            if (value != null) {
                out.append(value);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A config file's location with the home directory as {@code ~}, as the user wrote it. */
    private String shown(String where) {
        String home = env.home().toString();
        return where.startsWith(home + "/") ? "~" + where.substring(home.length()) : where;
    }
}
