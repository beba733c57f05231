/**
 * The node simulator: a test and demo harness that lets Mast's install and upgrade run against
 * "nodes" without machines. Never part of a real install's code path.
 *
 * <p>{@link dev.mast.sim.SimulatedCluster} owns N {@link dev.mast.sim.SimulatedNode}s and one
 * Kubernetes API (a fabric8 {@code KubernetesMockServer} in CRUD mode) served to real clients on a
 * TLS endpoint {@code 127.0.0.1:P} (the plan's controlPlaneEndpoint) with the certificate of a
 * running API server ({@code --tls-cert-file}/{@code --tls-private-key-file} of that master); while
 * none runs, connections are closed at once. Each node is a real SSH server (Apache MINA SSHD) on its
 * own loopback address (127.0.0.2, 127.0.0.3, ...) and a free port, with an ed25519 host key,
 * public-key authentication for one user (root, or a user whose sudo needs no password, a password,
 * or is denied), exec requests run by the node's shell, and SFTP on the node's virtual root (a
 * directory on the host that is "/"). Faults ({@link dev.mast.sim.machine.Faults}) can be set per node
 * while it runs.
 *
 * <h2>The command vocabulary (the contract for workflows)</h2>
 * A command line is a small POSIX shell script; anything outside this list fails with a clear message
 * ({@code sh: 1: Syntax error: ... is not supported by the simulator}, exit 2) or {@code not found} (127).
 * <ul>
 * <li><b>Shell</b>: commands joined by {@code &&}, {@code ||}, {@code ;}, newlines and {@code |} (each
 *   command's output buffered for the next); {@code !} negation; single and double quotes and backslash
 *   escapes; leading {@code NAME=value} assignments; unquoted globs in the last path component and
 *   {@code ~}; redirections {@code > FILE}, {@code >> FILE}, {@code < FILE}, {@code 2>FILE},
 *   {@code 2>&1}, {@code >&2}, {@code /dev/null}; {@code set -e}; the exit status of the last command;
 *   {@code sh -c}, {@code bash -c}, {@code sh FILE}, a script on stdin; {@code sudo [-n] [-S] [-p PROMPT]}
 *   ({@code -S} reads the password from the first line of stdin and leaves the rest to the command);
 *   {@code env}, {@code command -v}, {@code which}, {@code cd}, {@code export}, {@code exit},
 *   {@code sleep}, {@code timeout}. Not supported: {@code $VAR}, {@code $(...)}, backquotes,
 *   here-documents, {@code if/for/while/case}, subshells, {@code &} (upload files by SFTP instead of
 *   here-documents; branch with {@code &&} and {@code ||}).</li>
 * <li><b>Files</b>: {@code true false echo printf cat test [ mkdir -p rm -f -r mv cp -a -p -r chmod}
 *   (octal and symbolic) {@code chown [-R] install [-D] [-d] -m -o -g ls [-l -a -d] ln -s -f readlink [-f]
 *   touch stat -c '%a %U %G %s %n %Y %F' sha256sum [-c] diff -u -q -N mktemp [-d] [-p] tee [-a] grep
 *   [-q -v -c -E -F -i -x] head tail wc sort basename dirname}. Modes are real POSIX modes; owners live in a
 *   side table. A user other than root may only write under its home, /tmp and /var/tmp, and read what
 *   the mode allows.</li>
 * <li><b>System facts</b>: {@code hostname [-I] uname -s -r -m -n -a nproc date [+FORMAT] whoami id
 *   [-u -n] free}, {@code /etc/os-release} (Debian 12 by default; Ubuntu 24.04 and Rocky 9 available),
 *   {@code /proc/swaps}, {@code swapon --show}, {@code swapoff -a}, {@code sysctl -n KEY}, {@code sysctl
 *   -w KEY=VALUE}, {@code sysctl --system} (over {@code /proc/sys}), {@code modprobe} (br_netfilter
 *   creates the bridge sysctls), {@code /sys/class/net/eth0/address} (unique per node), {@code ss -ltn[H][p]}
 *   (sshd and the running components on the host network), {@code ip addr}.</li>
 * <li><b>systemd</b>: {@code systemctl start stop restart try-restart enable [--now] disable [--now]
 *   is-active is-enabled is-failed daemon-reload cat show [-p P]... [--value] status mask unmask
 *   reset-failed list-units list-unit-files}, over unit files in /etc/systemd/system, /run/systemd/system
 *   and /lib/systemd/system (= /usr/lib, merged /usr) with drop-ins, {@code Environment=},
 *   {@code EnvironmentFile=}, {@code $VAR} in ExecStart and the Restart= policy. A changed unit file is
 *   only seen after daemon-reload (start/restart warn). {@code Type=notify} units make {@code start}
 *   wait until the program is ready (or fail the job). {@code journalctl -u UNIT [-n N] [-o cat] [-f]
 *   [--no-pager]} in systemd's short format.</li>
 * <li><b>Packages</b>: {@code apt-get update|install|remove|purge [-y]} (without {@code -y} a change
 *   aborts; unknown packages give exit 100), {@code dpkg -s -l -L}, {@code dpkg-query -W [-f FORMAT]}
 *   (a removed package keeps "deinstall ok config-files" until purged); on RPM nodes {@code rpm -q},
 *   {@code yum|dnf install|remove -y}. Packages: containerd, runc, docker.io, cri-dockerd, cri-tools
 *   (crictl), kubernetes-cni, kubelet, kubectl, etcd-server (and etcd), etcd-client, and the old control
 *   plane kube-apiserver, kube-controller-manager, kube-scheduler, kube-proxy. Installing enables and
 *   starts a package's services; purge stops, disables and deletes them.</li>
 * <li><b>Container runtime</b>: {@code crictl pull images [-q] inspecti rmi ps [-a] [-q] [--name RE]
 *   [--state S] [-o json|table] pods [--name RE] [-q] stopp logs [--tail N] [-f] [-t] inspect stop rm version} (endpoint from
 *   /etc/crictl.yaml, else containerd), {@code docker pull images [-q] [REF] rmi ps [-a] [-q]
 *   [--filter name=|status=|label=] [--format TEMPLATE] logs [--tail N] [-f] inspect [--format] stop rm
 *   version info}. The kubelet names Docker containers {@code k8s_<container>_<pod>_<ns>_<uid>_<attempt>}
 *   with a {@code k8s_POD_...} pause container. Components log to <em>stderr</em> (klog, etcd's JSON,
 *   logrus), so {@code crictl logs} and {@code docker logs} write there: merge with {@code 2>&1}.</li>
 * <li><b>Health</b>: {@code curl [-s] [-S] [-k] [-f] [--cacert F] [--max-time N] [-o FILE] [-w
 *   '%{http_code} %{exitcode}'] URL}: {@code /healthz}, {@code /livez}, {@code /readyz} (etcd: {@code /health}) answer
 *   {@code ok} when the component listening at that address and port runs; nothing listening is exit 7;
 *   {@code -w} is written on a failure too ({@code 000} for the status), as curl does;
 *   https needs {@code -k} or {@code --cacert} (exit 60 otherwise). Other nodes are reached by address.
 *   {@code etcdctl endpoint health}, {@code <binary> --version}.</li>
 * </ul>
 *
 * <h2>Components and the kubelet</h2>
 * A unit whose ExecStart program (or a container whose image) is kube-apiserver,
 * kube-controller-manager, kube-scheduler, kube-proxy, etcd, kubelet, containerd, dockerd or
 * cri-dockerd behaves as that component: after a start-up time it listens on the ports its flags (or
 * its configuration file) give, answers health checks and logs realistic lines; it crashes instead when
 * a file its flags name is missing (seen through the container's hostPath mounts), its port is taken,
 * etcd is out of reach (API server), its configuration is missing (kubelet), or a fault says so. While
 * a kubelet runs, it reads the static pod manifests in its config's {@code staticPodPath} (default
 * /etc/kubernetes/manifests), starts each pod once its images are pulled (it does not pull them:
 * ErrImagePull/ImagePullBackOff until then), restarts crashed containers with back-off, replaces a pod
 * whose manifest changed and stops one whose manifest is gone, and posts mirror pods
 * {@code <name>-<node>} (and its Node) to the API while an API server runs on a master.
 *
 * <p>Depends on the plan model ({@code dev.mast.plan}), Apache MINA SSHD, fabric8 (client and mock
 * server), BouncyCastle and SnakeYAML. Nothing of Mast's core depends on it.
 *
 * <p>Module {@code mast-sim}; uses {@code concurrent}, {@code plan}.
 */
package dev.mast.sim;
