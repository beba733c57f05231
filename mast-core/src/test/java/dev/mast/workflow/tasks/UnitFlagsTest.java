package dev.mast.workflow.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitFlagsTest {

    @Test
    void readsFlagsAcrossContinuationLinesWithQuotes() {
        String unit = """
                # /lib/systemd/system/kube-apiserver.service
                [Unit]
                Description=Kubernetes API Server

                [Service]
                ExecStart=/usr/bin/kube-apiserver \\
                  --advertise-address=10.0.0.1 \\
                  --audit-log-maxage=30 \\
                  --allow-privileged \\
                  --v 2 \\
                  "--oidc-username-claim=name with space" \\
                  --token-auth-file='/etc/kubernetes/a b.csv'
                Restart=always
                """;
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("advertise-address", "10.0.0.1");
        expected.put("audit-log-maxage", "30");
        expected.put("allow-privileged", "true");
        expected.put("v", "2");
        expected.put("oidc-username-claim", "name with space");
        expected.put("token-auth-file", "/etc/kubernetes/a b.csv");
        assertEquals(expected, UnitFlags.parse(unit));
    }

    @Test
    void aDropInExecStartReplacesTheUnitsOwn() {
        String unit = """
                [Service]
                ExecStart=/usr/bin/kube-scheduler --v=1
                # /etc/systemd/system/kube-scheduler.service.d/10-flags.conf
                [Service]
                ExecStart=
                ExecStart=-/usr/bin/kube-scheduler --v=4 --leader-elect=true
                """;
        assertEquals(Map.of("v", "4", "leader-elect", "true"), UnitFlags.parse(unit));
    }

    @Test
    void aUnitWithoutExecStartHasNoFlags() {
        assertEquals(Map.of(), UnitFlags.parse("[Unit]\nDescription=nothing\n"));
    }
}
