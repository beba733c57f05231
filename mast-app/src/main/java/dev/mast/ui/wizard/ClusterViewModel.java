package dev.mast.ui.wizard;

import dev.mast.plan.Cidr;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.KubernetesVersion;
import dev.mast.plan.PodNetwork;
import dev.mast.plan.Problem;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Sources;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Cluster page: one validator per field, each showing the plan validator's message for
 * its property; the page is valid when none has an error.
 */
public final class ClusterViewModel implements WizardStep {
    private static final Set<String> FIELD_PATHS = Set.of("cluster.name", "cluster.kubernetesVersion", "cluster.podCidr",
            "cluster.serviceCidr", "cluster.dnsDomain", "cluster.apiServerPort", "cluster.controlPlaneEndpoint",
            "cluster.clusterDns.serviceIp", "cluster.clusterDns.replicas");
    private static final String CERT_SANS = "cluster.apiServerCertSans";

    private final PlanDraft draft;
    private final FieldValidation name;
    private final FieldValidation version;
    private final FieldValidation podCidr;
    private final FieldValidation serviceCidr;
    private final FieldValidation dnsDomain;
    private final FieldValidation apiPort;
    private final FieldValidation endpoint;
    private final FieldValidation dnsServiceIp;
    private final FieldValidation dnsReplicas;
    private final FieldValidation certSans;
    private final StringBinding dnsServiceIpPrompt;
    private final FieldValidation packageRepository;
    private final FieldValidation packageKey;
    private final FieldValidation binaries;
    private final FieldValidation githubReleases;
    private final FieldValidation imageRegistry;
    private final BooleanBinding packagesChosen;
    private final BooleanBinding releaseFilesUsed;
    private final StringBinding upstreamPackageRepository;
    private final ObjectBinding<List<Problem>> otherProblems;
    private final StringBinding otherProblemsText;
    private final BooleanBinding valid;
    private final StringBinding blockedReason;
    private final ObservableList<String> versions = FXCollections.observableArrayList();

    public ClusterViewModel(PlanDraft draft) {
        this.draft = draft;
        var report = draft.reportProperty();
        name = new FieldValidation(report, "cluster.name");
        version = new FieldValidation(report, "cluster.kubernetesVersion");
        podCidr = new FieldValidation(report, "cluster.podCidr");
        serviceCidr = new FieldValidation(report, "cluster.serviceCidr");
        dnsDomain = new FieldValidation(report, "cluster.dnsDomain");
        apiPort = new FieldValidation(report, "cluster.apiServerPort", this::apiPortText, draft.apiPortProperty());
        endpoint = new FieldValidation(report, "cluster.controlPlaneEndpoint");
        dnsServiceIp = new FieldValidation(report, "cluster.clusterDns.serviceIp");
        dnsReplicas = new FieldValidation(report, "cluster.clusterDns.replicas", this::dnsReplicasText, draft.dnsReplicasProperty(),
                draft.coreDnsProperty());
        certSans = FieldValidation.ofList(report, CERT_SANS);
        dnsServiceIpPrompt = Bindings.createStringBinding(() -> Cidr.parse(draft.serviceCidrProperty().get().trim())
                .map(cidr -> "default: " + cidr.address(10)).orElse("default: the tenth address of the service CIDR"),
                draft.serviceCidrProperty());
        packageRepository = new FieldValidation(report, "sources.packageRepository");
        packageKey = new FieldValidation(report, "sources.packageKey");
        binaries = new FieldValidation(report, "sources.binaries");
        githubReleases = new FieldValidation(report, "sources.githubReleases");
        imageRegistry = new FieldValidation(report, "sources.imageRegistry");
        SourcesDraft sources = draft.sources();
        packagesChosen = Bindings.createBooleanBinding(() -> sources.kubernetesProperty().get() == ProgramSource.PACKAGES,
                sources.kubernetesProperty());
        // crictl and the CNI plugins come from GitHub's releases with the binaries; etcd's tarball too.
        releaseFilesUsed = Bindings.createBooleanBinding(() -> sources.kubernetesProperty().get() == ProgramSource.BINARIES
                || sources.etcdProperty().get() == EtcdSource.RELEASE, sources.kubernetesProperty(), sources.etcdProperty());
        upstreamPackageRepository = Bindings.createStringBinding(() -> KubernetesVersion.parse(draft.versionProperty().get())
                .filter(KubernetesVersion::isSupported).map(Sources::upstreamPackageRepository).orElse(Sources.PKGS_K8S_IO),
                draft.versionProperty());
        // Problems of the cluster section that no field shows next to it (extra flags, edited in their table).
        otherProblems = Bindings.createObjectBinding(() -> report.getValue().problemsUnder("cluster").stream()
                .filter(p -> !FIELD_PATHS.contains(p.path()) && !p.path().startsWith(CERT_SANS)).toList(), report);
        otherProblemsText = Bindings.createStringBinding(() -> String.join("\n", otherProblems.get().stream()
                .map(p -> ProblemLabels.describe(p, draft.nodes())).toList()), otherProblems);
        valid = Bindings.createBooleanBinding(() -> firstError().isEmpty(), report, apiPort.validProperty(),
                dnsReplicas.validProperty());
        blockedReason = Bindings.createStringBinding(() -> firstError().orElse(""), report, apiPort.messageProperty(),
                dnsReplicas.messageProperty());
        IntStream.rangeClosed(KubernetesVersion.OLDEST_MINOR, KubernetesVersion.NEWEST_MINOR).boxed()
                .sorted((a, b) -> b - a)
                .forEach(minor -> versions.add("1." + minor));
        draft.versionProperty().addListener((obs, old, now) -> offerVersion(now));
        offerVersion(draft.versionProperty().get());
    }

    /** A plan opened from a file may pin a patch release; the list offers it next to the minor releases. */
    private void offerVersion(String value) {
        if (value != null && !value.isBlank() && !versions.contains(value)) {
            versions.add(0, value);
        }
    }

    private Optional<String> apiPortText() {
        String text = draft.apiPortProperty().get().trim();
        if (draft.apiPortNumber().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(text.isEmpty() ? "is empty; enter a port from 1 to 65535, usually 6443"
                : "\"" + text + "\" is not a port number; use a number from 1 to 65535");
    }

    /** Only a number reaches the plan; CoreDNS's replicas matter only when Mast applies it. */
    private Optional<String> dnsReplicasText() {
        String text = draft.dnsReplicasProperty().get().trim();
        if (!draft.coreDnsProperty().get() || draft.dnsReplicasNumber().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(text.isEmpty() ? "is empty; enter how many CoreDNS pods run, usually 2"
                : "\"" + text + "\" is not a number of pods; enter one such as 2");
    }

    private Optional<String> firstError() {
        for (FieldValidation field : List.of(name, version, podCidr, serviceCidr, dnsDomain, apiPort, endpoint, dnsServiceIp,
                dnsReplicas, certSans, packageRepository, packageKey, binaries, githubReleases, imageRegistry)) {
            Optional<Problem> problem = field.problem().filter(Problem::isError);
            if (problem.isPresent()) {
                return Optional.of(ProblemLabels.describe(problem.get(), draft.nodes()));
            }
        }
        return otherProblems.get().stream().filter(Problem::isError).findFirst()
                .map(p -> ProblemLabels.describe(p, draft.nodes()));
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    @Override
    public ObservableStringValue blockedReasonProperty() {
        return blockedReason;
    }

    public ObservableList<String> versions() {
        return versions;
    }

    public List<ContainerRuntime> runtimes() {
        return List.of(ContainerRuntime.values());
    }

    public StringProperty nameProperty() {
        return draft.nameProperty();
    }

    public StringProperty versionProperty() {
        return draft.versionProperty();
    }

    public ObjectProperty<ContainerRuntime> runtimeProperty() {
        return draft.runtimeProperty();
    }

    public StringProperty podCidrProperty() {
        return draft.podCidrProperty();
    }

    public StringProperty serviceCidrProperty() {
        return draft.serviceCidrProperty();
    }

    public StringProperty dnsDomainProperty() {
        return draft.dnsDomainProperty();
    }

    public StringProperty apiPortProperty() {
        return draft.apiPortProperty();
    }

    public StringProperty endpointProperty() {
        return draft.endpointProperty();
    }

    public ObservableList<ExtraFlagRow> extraFlags() {
        return draft.extraFlags();
    }

    public List<PodNetwork> podNetworks() {
        return List.of(PodNetwork.values());
    }

    public StringProperty dnsServiceIpProperty() {
        return draft.dnsServiceIpProperty();
    }

    /** What an empty DNS address means for the service CIDR as typed. */
    public ObservableStringValue dnsServiceIpPrompt() {
        return dnsServiceIpPrompt;
    }

    public BooleanProperty coreDnsProperty() {
        return draft.coreDnsProperty();
    }

    public StringProperty dnsReplicasProperty() {
        return draft.dnsReplicasProperty();
    }

    public ObjectProperty<PodNetwork> podNetworkProperty() {
        return draft.podNetworkProperty();
    }

    public StringProperty certSansProperty() {
        return draft.certSansProperty();
    }

    public FieldValidation dnsServiceIpValidation() {
        return dnsServiceIp;
    }

    public FieldValidation dnsReplicasValidation() {
        return dnsReplicas;
    }

    public FieldValidation certSansValidation() {
        return certSans;
    }

    public FieldValidation nameValidation() {
        return name;
    }

    public FieldValidation versionValidation() {
        return version;
    }

    public FieldValidation podCidrValidation() {
        return podCidr;
    }

    public FieldValidation serviceCidrValidation() {
        return serviceCidr;
    }

    public FieldValidation dnsDomainValidation() {
        return dnsDomain;
    }

    public FieldValidation apiPortValidation() {
        return apiPort;
    }

    public FieldValidation endpointValidation() {
        return endpoint;
    }

    public SourcesDraft sources() {
        return draft.sources();
    }

    public List<ProgramSource> programSources() {
        return List.of(ProgramSource.values());
    }

    public List<EtcdSource> etcdSources() {
        return List.of(EtcdSource.values());
    }

    public FieldValidation packageRepositoryValidation() {
        return packageRepository;
    }

    public FieldValidation packageKeyValidation() {
        return packageKey;
    }

    public FieldValidation binariesValidation() {
        return binaries;
    }

    public FieldValidation githubReleasesValidation() {
        return githubReleases;
    }

    public FieldValidation imageRegistryValidation() {
        return imageRegistry;
    }

    /** pkgs.k8s.io's repositories of the version being entered: what an empty package repository means. */
    public StringBinding upstreamPackageRepository() {
        return upstreamPackageRepository;
    }

    /** The package repository's fields matter: the Kubernetes programs come from packages. */
    public BooleanBinding packagesChosen() {
        return packagesChosen;
    }

    /** The GitHub releases mirror matters: crictl and the CNI plugins (with the binaries) or etcd come from release files. */
    public BooleanBinding releaseFilesUsed() {
        return releaseFilesUsed;
    }

    /** Problems of the cluster section no field shows, one per line. */
    public ObservableStringValue otherProblemsProperty() {
        return otherProblemsText;
    }
}
