package dev.mast.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.PodNetwork;
import dev.mast.plan.ProgramSource;
import dev.mast.ui.common.Controls;
import dev.mast.ui.common.MastStyles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** The Cluster page: a form, each field with its validation message next to it. */
public final class ClusterView {
    private final ClusterViewModel model;
    private final GridPane form = new GridPane();
    private final Parent root;
    private int row;

    public ClusterView(ClusterViewModel model) {
        this.model = model;
        form.setHgap(12);
        form.setVgap(10);
        form.getColumnConstraints().addAll(new ColumnConstraints(170), new ColumnConstraints(300),
                grow());
        field("_Cluster name", text("cluster-name", model.nameProperty(), "prod"), model.nameValidation(),
                "A DNS label such as prod; it names the kubeconfig contexts and goes into certificates");
        field("Kubernetes _version", versions(), model.versionValidation(),
                "The Kubernetes release to install, 1." + KubernetesVersion.OLDEST_MINOR + " to 1." + KubernetesVersion.NEWEST_MINOR
                        + "; a minor release gets the patch release Mast was tested with");
        field("Container _runtime", runtimes(), null,
                "containerd, or Docker Engine through cri-dockerd for clusters that still run Docker");
        field("_Pod CIDR", text("pod-cidr", model.podCidrProperty(), "10.244.0.0/16"), model.podCidrValidation(),
                "Addresses of pods; each node gets a /24 of it, so it needs a /24 per node");
        field("_Service CIDR", text("service-cidr", model.serviceCidrProperty(), "10.96.0.0/12"), model.serviceCidrValidation(),
                "Addresses of services, /12 to /28; the first is the kubernetes service, the tenth the cluster DNS");
        field("_DNS domain", text("dns-domain", model.dnsDomainProperty(), "cluster.local"), model.dnsDomainValidation(),
                "The domain of service names: <service>.<namespace>.svc.cluster.local");
        field("API server p_ort", text("api-port", model.apiPortProperty(), "6443"), model.apiPortValidation(),
                "The port kube-apiserver listens on, on every master");
        field("Control plane _endpoint", text("endpoint", model.endpointProperty(), "optional, e.g. lb.example.com:6443"),
                model.endpointValidation(), "Optional: a load balancer in front of the masters, host[:port]; kubeconfigs point at it");
        field("Extra API server na_mes", text("cert-sans", model.certSansProperty(), "optional, e.g. kube, 10.0.0.100"),
                model.certSansValidation(), "Optional: more DNS names and addresses clients reach the API server by, separated by"
                        + " commas; they go into its certificate besides each master and the endpoint");
        TextField dnsIp = text("dns-service-ip", model.dnsServiceIpProperty(), "");
        dnsIp.promptTextProperty().bind(model.dnsServiceIpPrompt());
        field("DNS service _IP", dnsIp, model.dnsServiceIpValidation(),
                "The address every pod asks for names; leave it empty for the tenth address of the service CIDR (kubeadm's)."
                        + " A cluster taken over from Kismatic keeps its own, the second address");
        CheckBox coreDns = new CheckBox("_Apply CoreDNS at that address");
        coreDns.setId("core-dns");
        coreDns.selectedProperty().bindBidirectional(model.coreDnsProperty());
        field("Cluster DNS", coreDns, null, "Clear it when your own DNS answers at the DNS service address");
        TextField replicas = text("dns-replicas", model.dnsReplicasProperty(), "2");
        replicas.disableProperty().bind(model.coreDnsProperty().not());
        field("CoreDNS rep_licas", replicas, model.dnsReplicasValidation(), "How many CoreDNS pods run");
        field("Pod ne_twork", podNetworks(), null,
                "flannel, which an install applies; or none when you install your own CNI plugin after the install");
        sources();
        Label other = new Label();
        other.setId("cluster-other-problems");
        other.getStyleClass().add(MastStyles.FIELD_ERROR);
        other.setWrapText(true);
        other.textProperty().bind(model.otherProblemsProperty());
        form.add(other, 0, row, 3, 1);
        root = Pages.scrolling(Pages.page("Cluster", "The cluster as a whole. Messages next to a field say what is wrong "
                + "with it, the same as mast validate prints.", form, ExtraFlagsView.create(model.extraFlags())));
    }

    /**
     * Where the nodes get the programs: the two choices, then the mirrors of an air-gapped site, each enabled only
     * while the choices read it (a plan that sets one anyway gets the validator's warning beside it).
     */
    private void sources() {
        form.add(Pages.section("Sources"), 0, row++, 3, 1);
        SourcesDraft sources = model.sources();
        field("_Kubernetes programs", choice("kubernetes-source", model.programSources(), sources.kubernetesProperty(),
                        s -> s == ProgramSource.PACKAGES ? "packages (pkgs.k8s.io, held)" : "release binaries (dl.k8s.io, .sha256)"),
                null, "Packages from Kubernetes' repository of the plan's minor release, at its exact version and held;"
                        + " or the release binaries, checked against their published SHA-256, run by Mast's kubelet unit");
        field("e_tcd", choice("etcd-source", model.etcdSources(), sources.etcdProperty(), s -> switch (s) {
            case IMAGE -> "from its image (kubeadm's version)";
            case RELEASE -> "release tarball (kubeadm's version)";
            case PACKAGE -> "the distribution's package";
        }), null, "By default the etcd kubeadm pins for the release, copied out of registry.k8s.io/etcd; the distribution's"
                + " package is often older, and the run says so");
        TextField repository = text("package-repository", sources.packageRepositoryProperty(), "");
        repository.promptTextProperty().bind(model.upstreamPackageRepository());
        repository.disableProperty().bind(model.packagesChosen().not());
        field("Package repositor_y", repository, model.packageRepositoryValidation(),
                "Optional: a mirror of pkgs.k8s.io's repositories of the plan's minor release, with deb/ and rpm/ below it");
        TextField key = text("package-key", sources.packageKeyProperty(), "the repository's own Release.key");
        key.disableProperty().bind(model.packagesChosen().not());
        field("Repository key", key, model.packageKeyValidation(), "Optional: the URL of the ASCII-armored key that signs the mirror");
        TextField binaries = text("binaries", sources.binariesProperty(), "https://dl.k8s.io/release");
        binaries.disableProperty().bind(model.packagesChosen());
        field("Binaries site", binaries, model.binariesValidation(),
                "Optional: a mirror of dl.k8s.io/release, holding v1.34.3/bin/linux/amd64/kubelet and its .sha256");
        TextField github = text("github-releases", sources.githubReleasesProperty(), "https://github.com");
        github.disableProperty().bind(model.releaseFilesUsed().not());
        field("GitHub releases", github, model.githubReleasesValidation(),
                "Optional: a mirror of github.com's release downloads of cri-tools, the CNI plugins and etcd");
        field("_Image registry", text("image-registry", sources.imageRegistryProperty(), "registry.k8s.io"),
                model.imageRegistryValidation(), "Optional: a registry that stands in for registry.k8s.io (host[:port] or URL),"
                        + " through containerd's hosts.toml; the manifests keep the names registry.k8s.io/...");
    }

    private static <T> ComboBox<T> choice(String id, java.util.List<T> values, javafx.beans.property.ObjectProperty<T> value,
                                          java.util.function.Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return values.stream().filter(v -> label.apply(v).equals(text)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setMinWidth(200);
        return grow;
    }

    private TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private ComboBox<String> versions() {
        ComboBox<String> box = new ComboBox<>(model.versions());
        box.setId("version");
        box.valueProperty().bindBidirectional(model.versionProperty());
        return box;
    }

    private ComboBox<PodNetwork> podNetworks() {
        return choices("pod-network", model.podNetworks(), model.podNetworkProperty(),
                network -> network == PodNetwork.NONE ? "none: bring your own CNI plugin" : network.key());
    }

    private ComboBox<ContainerRuntime> runtimes() {
        return choices("runtime", model.runtimes(), model.runtimeProperty(),
                runtime -> runtime == ContainerRuntime.DOCKER ? "docker (through cri-dockerd)" : runtime.key());
    }

    /** A drop-down of fixed choices, each shown in words, its value bound to the draft's. */
    private static <T> ComboBox<T> choices(String id, List<T> items, ObjectProperty<T> value, Function<T, String> words) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : words.apply(item);
            }

            @Override
            public T fromString(String text) {
                return items.stream().filter(item -> words.apply(item).equals(text)).findFirst().orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private void field(String label, Control control, FieldValidation validation, String help) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        Controls.tip(control, help);
        Label message = new Label();
        message.setWrapText(true);
        if (validation != null) {
            message.setId(control.getId() + "-message");
            message.textProperty().bind(validation.messageProperty());
            validation.validProperty().addListener((obs, was, ok) -> mark(control, message, validation));
            validation.warningProperty().addListener((obs, was, warn) -> mark(control, message, validation));
            mark(control, message, validation);
        }
        form.addRow(row++, name, control, message);
    }

    private static void mark(Control control, Label message, FieldValidation validation) {
        boolean error = !validation.validProperty().get();
        control.pseudoClassStateChanged(Styles.STATE_DANGER, error);
        control.pseudoClassStateChanged(Styles.STATE_WARNING, validation.warningProperty().get());
        message.getStyleClass().removeAll(MastStyles.FIELD_ERROR, MastStyles.FIELD_WARNING);
        message.getStyleClass().add(error ? MastStyles.FIELD_ERROR : MastStyles.FIELD_WARNING);
    }

    public Parent root() {
        return root;
    }
}
