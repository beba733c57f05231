package dev.mast.ui.wizard;

import dev.mast.plan.ApiServerCert;
import dev.mast.plan.ClusterDns;
import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Plan;
import dev.mast.plan.PlanValidator;
import dev.mast.plan.PodNetwork;
import dev.mast.plan.SshSettings;
import dev.mast.plan.ValidationReport;
import dev.mast.ui.RunKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The working copy of the plan that the wizard's pages edit: every field as the user typed it,
 * and the validator's report on it, recomputed when anything changes. Nothing outside the
 * wizard sees it until a page takes a {@link #toPlan() snapshot} (to preview, save or run).
 */
public final class PlanDraft {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty version = new SimpleStringProperty(this, "version", "");
    private final ObjectProperty<ContainerRuntime> runtime = new SimpleObjectProperty<>(this, "runtime", ContainerRuntime.CONTAINERD);
    private final StringProperty podCidr = new SimpleStringProperty(this, "podCidr", "");
    private final StringProperty serviceCidr = new SimpleStringProperty(this, "serviceCidr", "");
    private final StringProperty dnsDomain = new SimpleStringProperty(this, "dnsDomain", "");
    private final StringProperty apiPort = new SimpleStringProperty(this, "apiPort", "");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty dnsServiceIp = new SimpleStringProperty(this, "dnsServiceIp", "");
    private final BooleanProperty coreDns = new SimpleBooleanProperty(this, "coreDns", true);
    private final StringProperty dnsReplicas = new SimpleStringProperty(this, "dnsReplicas", "");
    private final ObjectProperty<PodNetwork> podNetwork = new SimpleObjectProperty<>(this, "podNetwork", PodNetwork.FLANNEL);
    private final StringProperty certSans = new SimpleStringProperty(this, "certSans", "");
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList(NodeRow::inputs);
    private final SourcesDraft sources = new SourcesDraft();
    private final ObjectProperty<RunKind> kind = new SimpleObjectProperty<>(this, "kind", RunKind.INSTALL);
    private final ReadOnlyObjectWrapper<Optional<Path>> file = new ReadOnlyObjectWrapper<>(this, "file", Optional.empty());
    private final ObjectBinding<ValidationReport> report;
    /** The nodes are Mast's simulated ones, on loopback addresses; see {@link PlanValidator#forSimulatedNodes()}. */
    private final BooleanProperty simulated = new SimpleBooleanProperty(this, "simulated", false);
    private final ObservableList<ExtraFlagRow> extraFlags = FXCollections.observableArrayList(ExtraFlagRow::inputs);
    /** The plan-wide SSH settings are not edited here; a loaded plan keeps them. */
    private SshSettings ssh = SshSettings.UNSET;

    public PlanDraft(PlanValidator validator) {
        load(Plan.defaults("my-cluster"));
        PlanValidator forSimulatedNodes = validator.forSimulatedNodes();
        report = Bindings.createObjectBinding(() -> (simulated.get() ? forSimulatedNodes : validator).validate(toPlan()), inputs());
    }

    /** Replaces everything with the values of a plan of Mast's simulated nodes. */
    public void loadSimulated(Plan plan) {
        load(plan);
        simulated.set(true);
    }

    /** Replaces everything with the plan's values. */
    public void load(Plan plan) {
        simulated.set(false);
        name.set(plan.name());
        version.set(plan.kubernetesVersion());
        runtime.set(plan.runtime());
        podCidr.set(plan.podCidr());
        serviceCidr.set(plan.serviceCidr());
        dnsDomain.set(plan.dnsDomain());
        apiPort.set(String.valueOf(plan.apiServerPort()));
        endpoint.set(plan.controlPlaneEndpoint());
        dnsServiceIp.set(plan.clusterDns().serviceIp());
        coreDns.set(plan.clusterDns().coreDns());
        dnsReplicas.set(String.valueOf(plan.clusterDns().replicas()));
        podNetwork.set(plan.podNetwork());
        certSans.set(String.join(", ", plan.apiServerCert().extraSans()));
        extraFlags.setAll(ExtraFlagRow.rowsOf(plan.extraFlags()));
        sources.load(plan.sources());
        ssh = plan.ssh();
        List<NodeRow> rows = new ArrayList<>();
        plan.nodes().forEach(node -> rows.add(NodeRow.of(node)));
        nodes.setAll(rows);
    }

    /** The plan as it stands; it may be invalid, see {@link #reportProperty()}. */
    public Plan toPlan() {
        return new Plan(name.get().trim(), version.get().trim(), runtime.get(), podCidr.get().trim(), serviceCidr.get().trim(),
                dnsDomain.get().trim(), apiPortNumber().orElse(0), endpoint.get().trim(),
                nodes.stream().map(NodeRow::toNode).toList(), ExtraFlagRow.flagsOf(extraFlags), ssh,
                new ClusterDns(dnsServiceIp.get().trim(), coreDns.get(), dnsReplicasNumber().orElse(0)), podNetwork.get(),
                new ApiServerCert(certSanList()), sources.toSources());
    }

    public Optional<Integer> apiPortNumber() {
        return number(apiPort.get(), 5);
    }

    public Optional<Integer> dnsReplicasNumber() {
        return number(dnsReplicas.get(), 3);
    }

    private static Optional<Integer> number(String value, int digits) {
        String text = value.trim();
        return text.matches("\\d{1," + digits + "}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /** The extra names as typed, separated by commas or spaces. */
    private List<String> certSanList() {
        return Arrays.stream(certSans.get().split("[,\\s]+")).filter(name -> !name.isEmpty()).toList();
    }

    /** The validator's report on the current values; same checks and messages as {@code mast validate}. */
    public ObservableValue<ValidationReport> reportProperty() {
        return report;
    }

    public ValidationReport report() {
        return report.get();
    }

    private Observable[] inputs() {
        List<Observable> inputs = new ArrayList<>(List.of(name, version, runtime, podCidr, serviceCidr, dnsDomain, apiPort, endpoint,
                dnsServiceIp, coreDns, dnsReplicas, podNetwork, certSans, nodes, simulated, extraFlags));
        inputs.addAll(List.of(sources.inputs()));
        return inputs.toArray(Observable[]::new);
    }

    /** Remembers which file the plan was opened from or saved to. */
    public void setFile(Path path) {
        file.set(Optional.of(path));
    }

    public ReadOnlyObjectProperty<Optional<Path>> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public ObjectProperty<ContainerRuntime> runtimeProperty() {
        return runtime;
    }

    public StringProperty podCidrProperty() {
        return podCidr;
    }

    public StringProperty serviceCidrProperty() {
        return serviceCidr;
    }

    public StringProperty dnsDomainProperty() {
        return dnsDomain;
    }

    public StringProperty apiPortProperty() {
        return apiPort;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty dnsServiceIpProperty() {
        return dnsServiceIp;
    }

    public BooleanProperty coreDnsProperty() {
        return coreDns;
    }

    public StringProperty dnsReplicasProperty() {
        return dnsReplicas;
    }

    public ObjectProperty<PodNetwork> podNetworkProperty() {
        return podNetwork;
    }

    public StringProperty certSansProperty() {
        return certSans;
    }

    /** Where the nodes get the programs; the Cluster page edits it. */
    public SourcesDraft sources() {
        return sources;
    }

    public ObservableList<NodeRow> nodes() {
        return nodes;
    }

    /** The extra flags per component, a row each, as the Cluster page edits them. */
    public ObservableList<ExtraFlagRow> extraFlags() {
        return extraFlags;
    }

    public ObjectProperty<RunKind> kindProperty() {
        return kind;
    }
}
