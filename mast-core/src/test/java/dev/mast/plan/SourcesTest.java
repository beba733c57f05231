package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's {@code sources:}: read, written and checked like its other settings. */
class SourcesTest {
    private static final String AIR_GAPPED = """
            sources:
              kubernetes: binaries
              binaries: http://10.0.0.5:8080/release/
              githubReleases: http://10.0.0.5:8080/github
              imageRegistry: http://10.0.0.5:5000
              etcd: release
            """;

    @TempDir
    Path home;

    private PlanValidator validator;
    private Plan valid;

    @BeforeEach
    void setUp() throws IOException {
        validator = new PlanValidator(TestPlans.homeWithKeys(home), Files::isReadable);
        valid = TestPlans.threeMasters();
    }

    private static String plan(String sources) {
        return TestPlans.text(TestPlans.THREE_MASTERS).replace("nodes:\n", sources + "nodes:\n");
    }

    private List<String> problems(Plan plan) {
        return validator.validate(plan).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aPlanWithoutSourcesGetsEverythingFromUpstream() {
        Sources sources = valid.sources();
        assertEquals(Sources.DEFAULT, sources);
        assertEquals(ProgramSource.PACKAGES, sources.kubernetes());
        assertEquals(EtcdSource.IMAGE, sources.etcd());
        assertEquals("https://pkgs.k8s.io/core:/stable:/v1.34", sources.packageRepositoryFor(valid.version()));
        assertEquals("https://dl.k8s.io/release", sources.binariesUrl());
        assertEquals("https://github.com", sources.githubReleasesUrl());
        assertFalse(sources.mirrorsImages());
        assertFalse(PlanFile.toYaml(valid).contains("sources:"), "upstream sources are not written out");
    }

    @Test
    void readsEverySourceAndTakesTheOthersFromUpstream() throws IOException {
        Plan plan = PlanFile.parse("cluster.yaml", plan(AIR_GAPPED)).plan();
        Sources sources = plan.sources();
        assertEquals(ProgramSource.BINARIES, sources.kubernetes());
        assertEquals(EtcdSource.RELEASE, sources.etcd());
        assertEquals("http://10.0.0.5:8080/release", sources.binariesUrl(), "without its trailing slash");
        assertEquals("http://10.0.0.5:8080/github", sources.githubReleasesUrl());
        assertEquals("http://10.0.0.5:5000", sources.imageRegistry());
        assertEquals("https://pkgs.k8s.io/core:/stable:/v1.34", sources.packageRepositoryFor(plan.version()));
        assertEquals(List.of(), problems(plan));
    }

    @Test
    void savingThenLoadingKeepsTheSourcesAndWritesOnlyWhatIsSet() throws IOException {
        Plan plan = valid.withSources(Sources.DEFAULT.withPackageRepository("https://mirror.example.com/k8s/core:/stable:/v1.34")
                .withPackageKey("https://mirror.example.com/k8s/key.asc").withEtcd(EtcdSource.PACKAGE));
        String yaml = PlanFile.toYaml(plan);
        assertTrue(yaml.contains("""
                sources:
                  kubernetes: packages
                  packageRepository: https://mirror.example.com/k8s/core:/stable:/v1.34
                  packageKey: https://mirror.example.com/k8s/key.asc
                  etcd: package
                nodes:
                """), yaml);
        assertEquals(plan, PlanFile.parse("x.yaml", yaml).plan());
    }

    @Test
    void anUnknownSourceIsALocatedErrorThatNamesTheChoices() {
        var e = assertThrows(PlanFileException.class, () -> PlanFile.parse("cluster.yaml",
                plan("sources:\n  kubernetes: tarballs\n  etcd: docker\n  mirror: x\n")));
        List<String> messages = e.problems().stream().map(Problem::toString).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).matches("cluster\\.yaml:\\d+:3: sources\\.mirror: unknown key \"mirror\"; sources takes kubernetes, .*"),
                messages.get(0));
        assertTrue(messages.get(1).matches("cluster\\.yaml:\\d+:15: sources\\.kubernetes: \"tarballs\" is not a source of the"
                + " Kubernetes programs; use packages or binaries"), messages.get(1));
        assertTrue(messages.get(2).endsWith("sources.etcd: \"docker\" is not a source of etcd; use image, release or package"),
                messages.get(2));
    }

    @Test
    void urlsMustBeHttpOrHttpsWithoutCredentials() throws IOException {
        LoadedPlan loaded = PlanFile.parse("cluster.yaml", plan("""
                sources:
                  packageRepository: ftp://mirror.example.com/k8s
                  packageKey: https://user:secret@mirror.example.com/key.asc
                """));
        List<Problem> problems = validator.validate(loaded).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("sources.packageRepository", problems.get(0).path());
        assertEquals("\"ftp://mirror.example.com/k8s\" is not an http:// or https:// URL; write one such as"
                + " https://mirror.example.com/kubernetes", problems.get(0).message());
        assertTrue(problems.get(0).location().isPresent(), "located in the file");
        assertEquals("sources.packageKey", problems.get(1).path());
        assertTrue(problems.get(1).message().startsWith("the URL names a user or password; credentials do not belong in a plan"));
        assertFalse(problems.get(1).message().contains("secret"), "the password is not repeated");
    }

    @Test
    void anImageRegistryIsAHostAndPortOrAUrl() {
        for (String ok : List.of("registry.example.com", "10.0.0.5:5000", "http://10.0.0.5:5000", "https://harbor.example.com/v2/k8s")) {
            assertEquals(List.of(), problems(valid.withSources(Sources.DEFAULT.withImageRegistry(ok))), ok);
        }
        for (String bad : List.of("registry example.com", "10.0.0.5:99999", "ftp://10.0.0.5")) {
            List<String> problems = problems(valid.withSources(Sources.DEFAULT.withImageRegistry(bad)));
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).startsWith("sources.imageRegistry: \"" + bad + "\" is not a registry; write host[:port]"),
                    problems.get(0));
        }
    }

    @Test
    void dockerCannotUseARegistryThatStandsInForRegistryK8sIo() {
        Plan docker = TestPlans.withRuntime(valid, ContainerRuntime.DOCKER).withSources(Sources.DEFAULT.withImageRegistry("10.0.0.5:5000"));
        assertEquals(List.of("sources.imageRegistry: Docker takes mirrors for Docker Hub only, so it would still pull from"
                + " registry.k8s.io; use containerd for a registry that stands in for it"), problems(docker));
    }

    @Test
    void aSettingTheChosenSourcesNeverReadIsAWarning() {
        Plan plan = valid.withSources(Sources.DEFAULT.withBinaries("https://mirror.example.com/release")
                .withGithubReleases("https://mirror.example.com/github"));
        ValidationReport report = validator.validate(plan);
        assertFalse(report.hasErrors());
        assertEquals(List.of("sources.binaries: is not used: the Kubernetes programs come from packages",
                "sources.githubReleases: is not used: neither crictl and the CNI plugins (packages) nor etcd (image) come from"
                        + " release files"), report.problems().stream().map(Problem::toString).toList());
        Plan binaries = valid.withSources(Sources.DEFAULT.withKubernetes(ProgramSource.BINARIES)
                .withPackageRepository("https://mirror.example.com/k8s").withGithubReleases("https://mirror.example.com/github"));
        assertEquals(List.of("sources.packageRepository: is not used: the Kubernetes programs come from binaries"), problems(binaries));
    }

    @Test
    void aPackageMirrorOfAnotherMinorReleaseIsAWarning() {
        Plan plan = valid.withSources(Sources.DEFAULT.withPackageRepository("https://mirror.example.com/core:/stable:/v1.33/"));
        assertEquals(List.of("sources.packageRepository: names v1.33 while the plan installs 1.34.3: Kubernetes' repositories"
                + " hold one minor release each"), problems(plan));
        assertEquals("https://mirror.example.com/core:/stable:/v1.33", plan.sources().packageRepositoryFor(plan.version()));
    }
}
