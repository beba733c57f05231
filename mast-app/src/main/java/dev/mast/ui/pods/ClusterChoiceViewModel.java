package dev.mast.ui.pods;

import dev.mast.cluster.ApiRoute;
import dev.mast.cluster.KubeApi;
import dev.mast.cluster.KubeContext;
import dev.mast.cluster.Kubeconfigs;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.UiThreads;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which cluster the operate screens talk to, chosen like kubectl: kubeconfig files
 * ({@code KUBECONFIG}, {@code ~/.kube/config}, or one the user picks such as the cluster's
 * admin.conf) and one of their contexts. Choosing a context connects and hands the client on.
 */
public final class ClusterChoiceViewModel {
    /** What a kubeconfig file is called: kubectl's {@code config}, kubeadm's {@code admin.conf}, and the like. */
    public static final List<String> KUBECONFIG_PATTERNS = List.of("config", "*.conf", "*.kubeconfig", "*.yaml", "*.yml");

    private final UiThreads threads;
    private final DialogService dialogs;
    private final Consumer<KubeApi> onConnected;
    private final ApiRoute route;
    private final ReadOnlyStringWrapper files = new ReadOnlyStringWrapper(this, "files", "");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Kubeconfigs loaded;
    private boolean settingUp;

    /** @param dialogs asks which kubeconfig file to use */
    public ClusterChoiceViewModel(UiThreads threads, DialogService dialogs, Consumer<KubeApi> onConnected) {
        this(threads, dialogs, onConnected, ApiRoute.DIRECT);
    }

    /** @param route how the plan reaches the API server: through its masters' jump hosts, if they have any */
    public ClusterChoiceViewModel(UiThreads threads, DialogService dialogs, Consumer<KubeApi> onConnected, ApiRoute route) {
        this.threads = threads;
        this.dialogs = dialogs;
        this.onConnected = onConnected;
        this.route = route;
        context.addListener((obs, was, name) -> {
            if (!settingUp && name != null && !name.equals(was)) {
                connect(name);
            }
        });
    }

    /** Reads kubectl's files: {@code KUBECONFIG}, else {@code ~/.kube/config}. */
    public void loadDefault() {
        load(Kubeconfigs.defaultFiles());
    }

    /** Asks for another kubeconfig, such as the cluster's admin.conf, starting in {@code ~/.kube}, and reads it. */
    public void chooseKubeconfig() {
        dialogs.chooseFileToOpen("Choose a kubeconfig", Optional.of(Path.of(System.getProperty("user.home"), ".kube")),
                "Kubeconfig files", KUBECONFIG_PATTERNS).ifPresent(file -> load(List.of(file)));
    }

    /** Reads the files, lists their contexts, and connects with the current (or only) one. */
    public void load(List<Path> candidates) {
        error.set("");
        threads.submit(() -> Kubeconfigs.load(candidates), configs -> {
            loaded = configs;
            files.set(configs.files().stream().map(Path::toString).collect(Collectors.joining(", ")));
            settingUp = true;
            contexts.setAll(configs.contexts().stream().map(KubeContext::name).toList());
            context.set(null);
            settingUp = false;
            try {
                context.set(configs.choose(null).name());
            } catch (dev.mast.cluster.KubeconfigException e) {
                error.set(e.getMessage());
            }
        }, e -> {
            files.set(candidates.stream().map(Path::toString).collect(Collectors.joining(", ")));
            contexts.clear();
            error.set(e.getMessage());
        });
    }

    private void connect(String name) {
        Kubeconfigs configs = loaded;
        error.set("");
        threads.submit(() -> KubeApi.connect(configs, configs.context(name), route), onConnected, e -> error.set(e.getMessage()));
    }

    public ReadOnlyStringProperty filesProperty() {
        return files.getReadOnlyProperty();
    }

    public ObservableList<String> contexts() {
        return contexts;
    }

    public StringProperty contextProperty() {
        return context;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
