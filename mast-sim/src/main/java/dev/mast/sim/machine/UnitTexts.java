package dev.mast.sim.machine;

/** The systemd units the simulated packages ship, as their Debian packages do. */
public final class UnitTexts {
    static final String CONTAINERD = """
            [Unit]
            Description=containerd container runtime
            Documentation=https://containerd.io
            After=network.target local-fs.target

            [Service]
            ExecStart=/usr/bin/containerd
            Type=notify
            Delegate=yes
            KillMode=process
            Restart=always
            RestartSec=5
            LimitNOFILE=infinity

            [Install]
            WantedBy=multi-user.target
            """;
    static final String DOCKER = """
            [Unit]
            Description=Docker Application Container Engine
            Documentation=https://docs.docker.com
            After=network-online.target firewalld.service containerd.service time-set.target
            Wants=network-online.target containerd.service

            [Service]
            Type=notify
            ExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
            TimeoutStartSec=0
            RestartSec=2
            Restart=always

            [Install]
            WantedBy=multi-user.target
            """;
    static final String CRI_DOCKERD = """
            [Unit]
            Description=CRI Interface for Docker Application Container Engine
            Documentation=https://docs.mirantis.com
            After=network-online.target firewalld.service docker.service
            Wants=network-online.target

            [Service]
            Type=notify
            ExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint fd://
            TimeoutSec=0
            RestartSec=2
            Restart=always

            [Install]
            WantedBy=multi-user.target
            """;
    public static final String KUBELET = """
            [Unit]
            Description=kubelet: The Kubernetes Node Agent
            Documentation=https://kubernetes.io/docs/
            Wants=network-online.target
            After=network-online.target

            [Service]
            ExecStart=/usr/bin/kubelet
            Restart=always
            StartLimitInterval=0
            RestartSec=10

            [Install]
            WantedBy=multi-user.target
            """;
    static final String ETCD = """
            [Unit]
            Description=etcd - highly-available key value store
            Documentation=https://etcd.io/docs
            Documentation=man:etcd
            After=network.target
            Wants=network-online.target

            [Service]
            Environment=DAEMON_ARGS=
            Environment=ETCD_NAME=%H
            Environment=ETCD_DATA_DIR=/var/lib/etcd/default
            EnvironmentFile=-/etc/default/%p
            Type=notify
            User=etcd
            PermissionsStartOnly=true
            ExecStart=/usr/bin/etcd $DAEMON_ARGS
            Restart=on-abnormal
            LimitNOFILE=65536

            [Install]
            WantedBy=multi-user.target
            """;

    private UnitTexts() {
    }

    /** A control-plane package's unit without any flags: enough to run the binary, not to work. */
    static String bare(String component) {
        return "[Unit]\nDescription=Kubernetes " + component + "\nDocumentation=https://kubernetes.io/docs/\nAfter=network.target\n\n"
                + "[Service]\nExecStart=/usr/bin/" + component + "\nRestart=on-failure\n"
                + (component.equals("kube-apiserver") ? "Type=notify\n" : "") + "LimitNOFILE=65536\n\n"
                + "[Install]\nWantedBy=multi-user.target\n";
    }
}
