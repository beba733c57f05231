package dev.mast.workflow.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Units read as systemd runs them: drop-ins, environment, environment files, quoting and both flag spellings. */
class UnitReadingTest {
    private static CommandFlags flagsOf(String cat, Map<String, String> files) {
        SystemdUnit unit = SystemdUnit.fromCat("kube-apiserver.service", cat);
        List<Map<String, String>> read = unit.environmentFiles().stream()
                .map(f -> f.startsWith("-") ? f.substring(1) : f)
                .filter(files::containsKey).map(f -> EnvironmentFile.parse(files.get(f))).toList();
        Map<String, String> environment = UnitCommand.environment(unit.environment(), read);
        return CommandFlags.parse(UnitCommand.of(unit.execStart().orElseThrow(), environment, unit.name(), "node001")
                .orElseThrow().args());
    }

    @Test
    void theHardWaysUnitLosesItsQuotesAsSystemdRemovesThem() {
        String cat = """
                # /etc/systemd/system/kube-apiserver.service
                [Unit]
                Description=Kubernetes API Server

                [Service]
                ExecStart=/usr/local/bin/kube-apiserver \\
                  --allow-privileged=true \\
                  --etcd-servers=http://127.0.0.1:2379 \\
                  --runtime-config='api/all=true' \\
                  --service-account-issuer=https://server.kubernetes.local:6443 \\
                  --v=2
                Restart=on-failure
                """;
        CommandFlags flags = flagsOf(cat, Map.of());
        assertEquals(Optional.of("api/all=true"), flags.value("runtime-config"));
        assertEquals(Optional.of("http://127.0.0.1:2379"), flags.value("etcd-servers"));
        assertEquals(Optional.of("2"), flags.value("v"));
    }

    @Test
    void quotedWordsKeepTheirSpacesAndABareFlagIsTrue() {
        String cat = """
                # /lib/systemd/system/kube-apiserver.service
                [Service]
                ExecStart=/usr/bin/kube-apiserver --allow-privileged --v 2 \
                  "--oidc-username-claim=name with space" \
                  --token-auth-file='/etc/kubernetes/a b.csv'
                """;
        CommandFlags flags = flagsOf(cat, Map.of());
        assertEquals(Optional.of("true"), flags.value("allow-privileged"));
        assertEquals(Optional.of("2"), flags.value("v"));
        assertEquals(Optional.of("name with space"), flags.value("oidc-username-claim"));
        assertEquals(Optional.of("/etc/kubernetes/a b.csv"), flags.value("token-auth-file"));
    }

    @Test
    void aUnitWithoutExecStartRunsNothing() {
        assertEquals(Optional.empty(), SystemdUnit.fromCat("x.service", "# /etc/systemd/system/x.service\n[Service]\nExecStart=\n")
                .execStart());
    }

    @Test
    void kismaticsEnvironmentLinesFillTheBracedVariables() {
        String cat = """
                # /etc/systemd/system/kube-apiserver.service
                [Service]
                Environment=CA_FILE=/etc/kubernetes/pki/ca.pem
                Environment="CERT_FILE=/etc/kubernetes/pki/api-server.pem" KEY_FILE=/etc/kubernetes/pki/api-server-key.pem
                ExecStart=/usr/bin/kube-apiserver --client-ca-file=${CA_FILE} --tls-cert-file=${CERT_FILE} \\
                  --tls-private-key-file=${KEY_FILE} --etcd-cafile=${CA_FILE}
                """;
        CommandFlags flags = flagsOf(cat, Map.of());
        assertEquals(Optional.of("/etc/kubernetes/pki/ca.pem"), flags.value("client-ca-file"));
        assertEquals(Optional.of("/etc/kubernetes/pki/api-server.pem"), flags.value("tls-cert-file"));
        assertEquals(Optional.of("/etc/kubernetes/pki/api-server-key.pem"), flags.value("tls-private-key-file"));
        assertEquals(Optional.of("/etc/kubernetes/pki/ca.pem"), flags.value("etcd-cafile"));
    }

    @Test
    void anEnvironmentFilesVariableStandingAloneSplitsIntoFlagsAndADropInReplacesTheCommand() {
        String cat = """
                # /lib/systemd/system/kube-apiserver.service
                [Service]
                EnvironmentFile=-/etc/kubernetes/config
                EnvironmentFile=-/etc/kubernetes/apiserver
                EnvironmentFile=-/etc/kubernetes/missing
                ExecStart=/usr/bin/kube-apiserver $KUBE_LOG_LEVEL $KUBE_API_ARGS

                # /etc/systemd/system/kube-apiserver.service.d/10-audit.conf
                # Auditing, added later
                [Service]
                Environment="AUDIT_LOG=/var/log/kubernetes/audit.log"
                ExecStart=
                ExecStart=/usr/bin/kube-apiserver $KUBE_LOG_LEVEL $KUBE_API_ARGS --audit-log-path ${AUDIT_LOG} --audit-log-maxage 30
                """;
        Map<String, String> files = Map.of(
                "/etc/kubernetes/config", "# shared\nKUBE_LOG_LEVEL=\"--v=2\"\n",
                "/etc/kubernetes/apiserver", "KUBE_API_ARGS=\"--secure-port=6443 --client-ca-file=/etc/kubernetes/pki/ca.crt\"\n"
                        + "KUBE_UNUSED='a b'\n");
        SystemdUnit unit = SystemdUnit.fromCat("kube-apiserver.service", cat);
        assertEquals(Optional.of("/lib/systemd/system/kube-apiserver.service"), unit.fragmentPath());
        assertEquals(List.of("/etc/systemd/system/kube-apiserver.service.d/10-audit.conf"), unit.dropIns());
        CommandFlags flags = flagsOf(cat, files);
        assertEquals(List.of("v", "secure-port", "client-ca-file", "audit-log-path", "audit-log-maxage"),
                flags.flags().stream().map(CommandFlags.Flag::name).toList());
        assertEquals(Optional.of("/var/log/kubernetes/audit.log"), flags.value("audit-log-path"), "--flag value spelling");
        assertEquals(Optional.of("30"), flags.value("audit-log-maxage"));
    }

    @Test
    void aVariableSetInBothPlacesTakesTheEnvironmentFilesValue() {
        Map<String, String> environment = UnitCommand.environment(List.of("A=from-unit B=kept"),
                List.of(EnvironmentFile.parse("A=from-file\n")));
        assertEquals(Map.of("A", "from-file", "B", "kept"), environment);
    }

    @Test
    void repeatedFlagsKeepEveryValueAndAFlagWithoutValueIsTrue() {
        CommandFlags flags = CommandFlags.parse(List.of("--service-account-issuer=https://new", "--service-account-issuer",
                "https://old", "--enable-bootstrap-token-auth", "--v=2"));
        assertEquals(List.of("https://new", "https://old"), flags.values("service-account-issuer"));
        assertEquals(Optional.of("https://old"), flags.value("service-account-issuer"));
        assertEquals(Optional.of("true"), flags.value("enable-bootstrap-token-auth"));
    }

    @Test
    void prefixesAndSpecifiersAreSystemdsNotTheProgramsWords() {
        UnitCommand command = UnitCommand.of("-/usr/bin/kube-proxy --hostname-override=%H --config=/etc/%N/conf.yaml --x=100%%",
                Map.of(), "kube-proxy.service", "node004").orElseThrow();
        assertEquals("/usr/bin/kube-proxy", command.program());
        assertEquals(List.of("--hostname-override=node004", "--config=/etc/kube-proxy/conf.yaml", "--x=100%"), command.args());
        assertTrue(UnitCommand.of("$EMPTY", Map.of(), "x.service", "h").isEmpty(), "a command that expands to nothing");
    }
}
