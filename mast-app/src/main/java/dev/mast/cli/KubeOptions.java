package dev.mast.cli;

import dev.mast.cluster.ApiRoute;
import dev.mast.cluster.ClusterException;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.KubeContext;
import dev.mast.cluster.KubeconfigException;
import dev.mast.cluster.Kubeconfigs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --kubeconfig} and {@code --context}, read as kubectl reads them. */
final class KubeOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig, e.g. the cluster's admin.conf (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: its current context).")
    String context;

    /** @param route how the plan (given with --plan) reaches the API server: through its masters' jump hosts, if any */
    KubeApi connect(ApiRoute route) throws KubeconfigException, ClusterException {
        Kubeconfigs configs = kubeconfig != null ? Kubeconfigs.load(kubeconfig) : Kubeconfigs.load(Kubeconfigs.defaultFiles());
        KubeContext chosen = configs.choose(context);
        return KubeApi.connect(configs, chosen, route);
    }
}
