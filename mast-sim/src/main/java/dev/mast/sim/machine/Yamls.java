package dev.mast.sim.machine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads configuration files (kubelet, kube-proxy) as plain maps. */
final class Yamls {
    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String text) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a mapping at the top, found " + loaded.getClass().getSimpleName());
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }
}
