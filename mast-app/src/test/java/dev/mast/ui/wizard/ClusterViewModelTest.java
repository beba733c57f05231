package dev.mast.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Component;
import dev.mast.plan.EtcdSource;
import dev.mast.plan.PlanValidator;
import dev.mast.plan.ProgramSource;
import dev.mast.plan.Sources;
import dev.mast.ui.fixtures.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterViewModelTest {
    @TempDir
    Path home;

    private PlanValidator validator;
    private PlanDraft draft;
    private ClusterViewModel model;

    @BeforeEach
    void setUp() {
        validator = new PlanValidator(UiFixtures.homeWithKeys(home), Files::isReadable);
        draft = new PlanDraft(validator);
        draft.load(UiFixtures.threeMasters());
        model = new ClusterViewModel(draft);
    }

    /** What mast validate says about the property, for the draft as it stands. */
    private String validatorSays(String path) {
        return validator.validate(draft.toPlan()).problemsFor(path).get(0).message();
    }

    @Test
    void aValidPlanHasNoMessagesAndTheClusterPageIsValid() {
        for (FieldValidation field : List.of(model.nameValidation(), model.versionValidation(), model.podCidrValidation(),
                model.serviceCidrValidation(), model.dnsDomainValidation(), model.apiPortValidation(), model.endpointValidation())) {
            assertEquals("", field.messageProperty().get());
        }
        assertTrue(model.validProperty().get());
    }

    @Test
    void eachFieldShowsTheValidatorsMessageForItsOwnProperty() {
        draft.nameProperty().set("Prod_1");
        draft.serviceCidrProperty().set("10.244.0.0/16");
        draft.dnsDomainProperty().set("cluster..local");
        draft.endpointProperty().set("lb:99999");

        assertEquals(validatorSays("cluster.name"), model.nameValidation().messageProperty().get());
        assertEquals(validatorSays("cluster.serviceCidr"), model.serviceCidrValidation().messageProperty().get());
        assertEquals(validatorSays("cluster.dnsDomain"), model.dnsDomainValidation().messageProperty().get());
        assertEquals(validatorSays("cluster.controlPlaneEndpoint"), model.endpointValidation().messageProperty().get());
        assertEquals("", model.podCidrValidation().messageProperty().get());
        assertFalse(model.validProperty().get());
        assertEquals("Cluster name: " + validatorSays("cluster.name"), model.blockedReasonProperty().get());
    }

    @Test
    void anApiPortThatIsNotANumberIsReportedAsTyped() {
        draft.apiPortProperty().set("64x3");

        assertEquals("\"64x3\" is not a port number; use a number from 1 to 65535", model.apiPortValidation().messageProperty().get());
        assertFalse(model.validProperty().get());
        draft.apiPortProperty().set("70000");
        assertEquals(validatorSays("cluster.apiServerPort"), model.apiPortValidation().messageProperty().get());
        draft.apiPortProperty().set("6443");
        assertTrue(model.validProperty().get());
    }

    @Test
    void offersTheSupportedMinorReleasesNewestFirstAndThePlansOwnRelease() {
        assertEquals(List.of("1.34.3", "1.34", "1.33", "1.32", "1.31", "1.30", "1.29", "1.28"), model.versions());
        draft.versionProperty().set("1.27");
        assertEquals(validatorSays("cluster.kubernetesVersion"), model.versionValidation().messageProperty().get());
        assertFalse(model.validProperty().get());
    }

    @Test
    void aReleaseOutOfUpstreamSupportIsAWarningThatLetsTheUserGoOn() {
        draft.versionProperty().set("1.29");

        assertTrue(model.versionValidation().warningProperty().get());
        assertTrue(model.versionValidation().messageProperty().get()
                .startsWith("Kubernetes 1.29 is out of upstream support since 2025-02-28"), model.versionValidation().messageProperty().get());
        assertTrue(model.validProperty().get());
    }

    @Test
    void problemsOfTheClusterThatNoFieldEditsAreShownAndBlock() {
        draft.load(UiFixtures.threeMasters().withExtraFlags(Map.of(Component.KUBE_APISERVER, Map.of("service-cluster-ip-range", "10.0.0.0/16"))));

        assertFalse(model.validProperty().get());
        assertTrue(model.otherProblemsProperty().get().startsWith("Extra flags (kube-apiserver"), model.otherProblemsProperty().get());
        assertTrue(model.blockedReasonProperty().get().contains("--service-cluster-ip-range is set by Mast"));
    }

    @Test
    void anOpenedPlansSourcesAreEditedAndKeptInThePlan() {
        Sources mirrors = Sources.DEFAULT.withKubernetes(ProgramSource.BINARIES).withBinaries("http://mirror.lan/dl")
                .withImageRegistry("mirror.lan:5000").withEtcd(EtcdSource.RELEASE);
        draft.load(UiFixtures.threeMasters().withSources(mirrors));

        assertEquals(ProgramSource.BINARIES, model.sources().kubernetesProperty().get());
        assertEquals("http://mirror.lan/dl", model.sources().binariesProperty().get());
        assertEquals(mirrors, draft.toPlan().sources());
        model.sources().githubReleasesProperty().set(" http://mirror.lan/github ");
        assertEquals(mirrors.withGithubReleases("http://mirror.lan/github"), draft.toPlan().sources());
    }

    @Test
    void aMirrorThatIsNoUrlShowsTheValidatorsMessageAndBlocksTheClusterPage() {
        model.sources().packageRepositoryProperty().set("ftp://mirror.lan/k8s");

        assertEquals(validatorSays("sources.packageRepository"), model.packageRepositoryValidation().messageProperty().get());
        assertFalse(model.validProperty().get());
        assertEquals("Package repository: " + validatorSays("sources.packageRepository"), model.blockedReasonProperty().get());
        model.sources().packageRepositoryProperty().set("https://mirror.lan/core:/stable:/v1.34");
        assertTrue(model.validProperty().get());
    }

    @Test
    void theFieldsTheChosenSourcesReadAreEnabledAndASettingTheyDoNotReadIsAWarning() {
        assertTrue(model.packagesChosen().get());
        assertFalse(model.releaseFilesUsed().get());
        assertEquals("https://pkgs.k8s.io/core:/stable:/v1.34", model.upstreamPackageRepository().get());
        draft.versionProperty().set("1.32");
        assertEquals("https://pkgs.k8s.io/core:/stable:/v1.32", model.upstreamPackageRepository().get());
        model.sources().etcdProperty().set(EtcdSource.RELEASE);
        assertTrue(model.releaseFilesUsed().get(), "etcd's tarball comes from GitHub's releases");
        model.sources().packageKeyProperty().set("https://mirror.lan/key.asc");
        model.sources().kubernetesProperty().set(ProgramSource.BINARIES);

        assertFalse(model.packagesChosen().get());
        assertEquals(validatorSays("sources.packageKey"), model.packageKeyValidation().messageProperty().get());
        assertTrue(model.packageKeyValidation().warningProperty().get());
        assertTrue(model.validProperty().get(), "a warning lets the user go on");
    }

    @Test
    void theDnsAndCertificateFieldsShowTheValidatorsMessagesAndDoNotAppearAmongTheOthers() {
        draft.dnsServiceIpProperty().set("10.96.0.1");
        draft.certSansProperty().set("kube, kube_lb");

        assertEquals(validatorSays("cluster.clusterDns.serviceIp"), model.dnsServiceIpValidation().messageProperty().get());
        assertEquals(validatorSays("cluster.apiServerCertSans[1]"), model.certSansValidation().messageProperty().get());
        assertEquals("", model.otherProblemsProperty().get());
        assertTrue(model.blockedReasonProperty().get().startsWith("Extra API server names: ") || model.blockedReasonProperty().get()
                .startsWith("DNS service IP: "), model.blockedReasonProperty().get());
        assertFalse(model.validProperty().get());
    }

    @Test
    void replicasThatAreNotANumberCountOnlyWhileMastAppliesCoreDns() {
        draft.dnsReplicasProperty().set("two");
        assertEquals("\"two\" is not a number of pods; enter one such as 2", model.dnsReplicasValidation().messageProperty().get());
        assertFalse(model.validProperty().get());
        draft.coreDnsProperty().set(false);
        assertEquals("", model.dnsReplicasValidation().messageProperty().get());
        assertTrue(model.validProperty().get());
    }

    @Test
    void anEmptyDnsAddressPromptsTheDefaultOfTheServiceCidrAsTyped() {
        assertEquals("default: 10.96.0.10", model.dnsServiceIpPrompt().get());
        draft.serviceCidrProperty().set("172.20.0.0/16");
        assertEquals("default: 172.20.0.10", model.dnsServiceIpPrompt().get());
    }

    @Test
    void theDraftCarriesEverySettingFromLoadToSave() {
        var plan = UiFixtures.threeMasters().withClusterDns(new dev.mast.plan.ClusterDns("10.96.0.2", false, 3))
                .withPodNetwork(dev.mast.plan.PodNetwork.NONE).withApiServerCert(new dev.mast.plan.ApiServerCert(List.of("kube", "10.0.0.1")));
        draft.load(plan);
        assertEquals(plan, draft.toPlan());
    }
}
