# Old clusters for Mast's upgrade to take over: the real Kubernetes programs running as systemd
# services, installed from the bed's repository and configured the way some installer left them.
# Sourced by nodes.sh (`up N --legacy[=LAYOUT]`). A layout is four functions:
#   layer_legacy_LAYOUT_master ROOT, layer_legacy_LAYOUT_worker ROOT
#       install the packages into a layer shared by every such node (called with "seed UPPER" first)
#   legacy_files_LAYOUT COUNT MASTERS LB
#       write the cluster's own files (PKI, kubeconfigs, units' flags) into each node's upper dir
#   legacy_healthy_LAYOUT COUNT MASTERS
#       succeed once the cluster works (called until it does, or a timeout)
# Layouts: kubeadm (kubeadm's paths under /etc/kubernetes, the components as services), hardway
# (Kubernetes the Hard Way) and kismatic (Kismatic up to v1.2), each described above its functions.

legacy_layouts() { declare -F | awk '{print $3}' | sed -n 's/^legacy_files_//p' | tr '\n' ' '; }

legacy_layout_exists() { declare -F "legacy_files_$1" >/dev/null; }

legacy_cluster() {
    local layout=$1
    shift
    rm -rf "$W/legacy"
    mkdir -p "$W/legacy"
    "legacy_files_$layout" "$@"
}

# The controller-manager runs its controllers, which it starts some seconds after it answers its health
# check: the default namespace has its service account (a token can be issued for it).
legacy_controllers_run() {
    "$K8S_BIN/kubectl" --kubeconfig "$W/legacy/admin.conf" get serviceaccount default -n default >/dev/null 2>&1
}

legacy_wait_healthy() {
    local layout=$1 deadline=$((SECONDS + 300))
    shift
    until "legacy_healthy_$layout" "$@" && legacy_controllers_run; do
        [ $SECONDS -lt $deadline ] || { log "the legacy $layout cluster is not healthy after 300 s"; return 1; }
        sleep 2
    done
}

# Installs packages from the bed's repository into a layer; nothing may start while it does. The
# Kubernetes packages come from a repository of their own that is gone once they are in (as
# apt.kubernetes.io went), so a node has only what was installed, not where from.
legacy_install() {
    local root=$1
    shift
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 0755 "$root/usr/sbin/policy-rc.d"
    mkdir -p "$root/srv/legacy-kubernetes"
    cp "$REPO_DIR-kubernetes"/*.deb "$root/srv/legacy-kubernetes/"
    (cd "$root/srv/legacy-kubernetes" && dpkg-scanpackages -m . /dev/null 2>/dev/null >Packages)
    echo 'deb [trusted=yes] file:/srv/legacy-kubernetes ./' >"$root/etc/apt/sources.list.d/legacy-kubernetes.list"
    in_root "$root" bash -c "apt-get update -q && apt-get install -y -q $* && apt-get clean"
    rm -rf "$root/srv/legacy-kubernetes" "$root/etc/apt/sources.list.d/legacy-kubernetes.list"
    in_root "$root" bash -c "apt-get update -q && apt-get clean && apt-cache gencaches"
    rm -f "$root/usr/sbin/policy-rc.d"
}

# ---------------------------------------------------------------------------------------------
# PKI with openssl, as an installer that is not Mast would make it

# pki_ca DIR NAME CN: a self-signed CA, RSA 2048 as kubeadm's.
pki_ca() {
    local dir=$1 name=$2 cn=$3
    mkdir -p "$(dirname "$dir/$name")"
    openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=$cn" \
        -keyout "$dir/$name.key" -out "$dir/$name.crt" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign" 2>/dev/null
}

# pki_cert DIR NAME CA SUBJECT USAGES [SANS]: a key and a certificate signed by CA (a name in DIR).
pki_cert() {
    local dir=$1 name=$2 ca=$3 subject=$4 usages=$5 sans=${6:-}
    mkdir -p "$(dirname "$dir/$name")"
    openssl req -new -newkey rsa:2048 -nodes -subj "$subject" -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null
    {
        echo "basicConstraints=CA:FALSE"
        echo "keyUsage=critical,digitalSignature,keyEncipherment"
        echo "extendedKeyUsage=$usages"
        [ -n "$sans" ] && echo "subjectAltName=$sans"
    } >"$dir/$name.ext"
    openssl x509 -req -sha256 -days 365 -in "$dir/$name.csr" -CA "$dir/$ca.crt" -CAkey "$dir/$ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -extfile "$dir/$name.ext" -out "$dir/$name.crt" 2>/dev/null
    rm -f "$dir/$name.csr" "$dir/$name.ext"
}

# kubeconfig FILE SERVER PKI_DIR NAME USER: a kubeconfig with the certificate NAME embedded.
kubeconfig() {
    local file=$1 server=$2 pki=$3 name=$4 user=$5
    mkdir -p "$(dirname "$file")"
    cat >"$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: $(base64 -w0 "$pki/ca.crt")
    server: $server
  name: legacy
contexts:
- context:
    cluster: legacy
    user: $user
  name: $user@legacy
current-context: $user@legacy
users:
- name: $user
  user:
    client-certificate-data: $(base64 -w0 "$pki/$name.crt")
    client-key-data: $(base64 -w0 "$pki/$name.key")
EOF
    chmod 0600 "$file"
}

# drop_in UPPER UNIT FLAGS...: the installer's drop-in giving the packaged unit its command line.
drop_in() {
    local upper=$1 unit=$2 binary
    shift 2
    binary=/usr/bin/${unit%.service}
    mkdir -p "$upper/etc/systemd/system/$unit.d"
    {
        echo "# Written by the cluster's installer."
        echo "[Service]"
        echo "ExecStart="
        printf 'ExecStart=%s' "$binary"
        printf ' \\\n    %s' "$@"
        echo
    } >"$upper/etc/systemd/system/$unit.d/10-cluster.conf"
}

# ---------------------------------------------------------------------------------------------
# kubeadm: kubeadm's files and paths, the control plane and kube-proxy as systemd services, etcd
# as Debian's service with TLS, containerd with the systemd cgroup driver.

LEGACY_SERVICE_CIDR=10.96.0.0/12
LEGACY_POD_CIDR=10.244.0.0/16

layer_legacy_kubeadm_master() {
    [ "$1" = seed ] && return
    legacy_install "$1" containerd cri-tools kubelet etcd-server kube-apiserver kube-controller-manager kube-scheduler kube-proxy
}

layer_legacy_kubeadm_worker() {
    [ "$1" = seed ] && return
    legacy_install "$1" containerd cri-tools kubelet kube-proxy
}

legacy_files_kubeadm() {
    local count=$1 masters=$2 pki="$W/legacy/pki" i name ip etcd_servers= initial_cluster=
    pki_ca "$pki" ca kubernetes
    pki_ca "$pki" front-proxy-ca front-proxy-ca
    pki_ca "$pki" etcd/ca etcd-ca
    openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
    openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
    pki_cert "$pki" apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
    pki_cert "$pki" front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth
    pki_cert "$pki" apiserver-etcd-client etcd/ca "/O=system:masters/CN=kube-apiserver-etcd-client" clientAuth
    pki_cert "$pki" etcd/healthcheck-client etcd/ca "/O=system:masters/CN=kube-etcd-healthcheck-client" clientAuth
    pki_cert "$pki" admin ca "/O=system:masters/CN=kubernetes-admin" clientAuth
    pki_cert "$pki" controller-manager ca "/CN=system:kube-controller-manager" clientAuth
    pki_cert "$pki" scheduler ca "/CN=system:kube-scheduler" clientAuth
    pki_cert "$pki" kube-proxy ca "/CN=system:kube-proxy" clientAuth
    for i in $(seq 1 "$masters"); do
        etcd_servers+=${etcd_servers:+,}https://$(node_ip "$i"):2379
        initial_cluster+=${initial_cluster:+,}$(node_name "$i")=https://$(node_ip "$i"):2380
    done
    kubeconfig "$W/legacy/admin.conf" "https://$(node_ip 1):6443" "$pki" admin kubernetes-admin
    for i in $(seq 1 "$count"); do
        name=$(node_name "$i")
        ip=$(node_ip "$i")
        pki_cert "$pki" "kubelet-$name" ca "/O=system:nodes/CN=system:node:$name" clientAuth
        if [ "$i" -le "$masters" ]; then
            legacy_kubeadm_master "$(node_dir "$name")/upper" "$name" "$ip" "$pki" "$etcd_servers" "$initial_cluster"
        fi
        legacy_kubeadm_node "$(node_dir "$name")/upper" "$name" "$ip" "$pki"
    done
}

# containerd as the kubeadm-like and Kismatic nodes share it: runc with the systemd cgroup
# driver, images pulled through the bed's registry mirror (certs.d).
containerd_config_systemd_cgroups() {
    cat >"$1" <<'EOF'
version = 2
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "registry.k8s.io/pause:3.9"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"
[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
  SystemdCgroup = true
[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = "/etc/containerd/certs.d"
EOF
}

legacy_kubeadm_node() {
    local upper=$1 name=$2 ip=$3 pki=$4
    mkdir -p "$upper/etc/kubernetes/pki" "$upper/var/lib/kubelet" "$upper/etc/containerd"
    cp "$pki/ca.crt" "$upper/etc/kubernetes/pki/ca.crt"
    kubeconfig "$upper/etc/kubernetes/kubelet.conf" "https://$(node_ip 1):6443" "$pki" "kubelet-$name" "system:node:$name"
    kubeconfig "$upper/etc/kubernetes/kube-proxy.conf" "https://$(node_ip 1):6443" "$pki" kube-proxy system:kube-proxy
    containerd_config_systemd_cgroups "$upper/etc/containerd/config.toml"
    cat >"$upper/var/lib/kubelet/config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
rotateCertificates: true
EOF
    drop_in "$upper" kubelet.service --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml \
        --node-ip="$ip"
    drop_in "$upper" kube-proxy.service --kubeconfig=/etc/kubernetes/kube-proxy.conf --cluster-cidr=$LEGACY_POD_CIDR \
        --hostname-override="$name" --proxy-mode=iptables --healthz-bind-address=0.0.0.0:10256 --v=2
}

legacy_kubeadm_master() {
    local upper=$1 name=$2 ip=$3 pki=$4 etcd_servers=$5 initial_cluster=$6 dir etcd_owner file
    dir="$upper/etc/kubernetes/pki"
    mkdir -p "$dir/etcd"
    for file in ca front-proxy-ca etcd/ca apiserver-kubelet-client front-proxy-client apiserver-etcd-client etcd/healthcheck-client; do
        cp "$pki/$file.crt" "$dir/$file.crt"
        cp "$pki/$file.key" "$dir/$file.key"
    done
    cp "$pki/sa.key" "$pki/sa.pub" "$dir/"
    pki_cert "$upper/etc/kubernetes/pki" apiserver ca "/CN=kube-apiserver" serverAuth \
        "DNS:$name,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1,IP:$ip"
    # pki_cert signs with the CA in the same folder: the node's copy.
    pki_cert "$dir" etcd/server etcd/ca "/CN=$name" serverAuth,clientAuth "DNS:$name,DNS:localhost,IP:$ip,IP:127.0.0.1"
    pki_cert "$dir" etcd/peer etcd/ca "/CN=$name" serverAuth,clientAuth "DNS:$name,DNS:localhost,IP:$ip,IP:127.0.0.1"
    chmod 0600 "$dir"/*.key "$dir"/etcd/*.key
    # Debian's etcd runs as the user etcd, which the package made in the layer.
    etcd_owner=$(awk -F: '$1 == "etcd" {print $3 ":" $4}' "$(cut -d: -f1 "$(dirname "$upper")/lowers")/etc/passwd")
    chown "$etcd_owner" "$dir"/etcd/server.key "$dir"/etcd/peer.key
    kubeconfig "$upper/etc/kubernetes/admin.conf" "https://$ip:6443" "$pki" admin kubernetes-admin
    kubeconfig "$upper/etc/kubernetes/controller-manager.conf" "https://$ip:6443" "$pki" controller-manager system:kube-controller-manager
    kubeconfig "$upper/etc/kubernetes/scheduler.conf" "https://$ip:6443" "$pki" scheduler system:kube-scheduler
    mkdir -p "$upper/etc/default"
    cat >"$upper/etc/default/etcd" <<EOF
# Written by the cluster's installer.
ETCD_NAME=$name
ETCD_DATA_DIR=/var/lib/etcd/default
ETCD_LISTEN_CLIENT_URLS=https://$ip:2379,https://127.0.0.1:2379
ETCD_ADVERTISE_CLIENT_URLS=https://$ip:2379
ETCD_LISTEN_PEER_URLS=https://$ip:2380
ETCD_INITIAL_ADVERTISE_PEER_URLS=https://$ip:2380
ETCD_INITIAL_CLUSTER=$initial_cluster
ETCD_INITIAL_CLUSTER_STATE=new
ETCD_INITIAL_CLUSTER_TOKEN=legacy
ETCD_LISTEN_METRICS_URLS=http://127.0.0.1:2381
ETCD_CERT_FILE=/etc/kubernetes/pki/etcd/server.crt
ETCD_KEY_FILE=/etc/kubernetes/pki/etcd/server.key
ETCD_CLIENT_CERT_AUTH=true
ETCD_TRUSTED_CA_FILE=/etc/kubernetes/pki/etcd/ca.crt
ETCD_PEER_CERT_FILE=/etc/kubernetes/pki/etcd/peer.crt
ETCD_PEER_KEY_FILE=/etc/kubernetes/pki/etcd/peer.key
ETCD_PEER_CLIENT_CERT_AUTH=true
ETCD_PEER_TRUSTED_CA_FILE=/etc/kubernetes/pki/etcd/ca.crt
EOF
    local p=/etc/kubernetes/pki
    drop_in "$upper" kube-apiserver.service --advertise-address="$ip" --allow-privileged=true \
        --audit-log-maxage=30 --audit-log-path=/var/log/kubernetes/audit.log --authorization-mode=Node,RBAC \
        --client-ca-file=$p/ca.crt --enable-admission-plugins=NodeRestriction --enable-bootstrap-token-auth=true \
        --etcd-cafile=$p/etcd/ca.crt --etcd-certfile=$p/apiserver-etcd-client.crt --etcd-keyfile=$p/apiserver-etcd-client.key \
        --etcd-servers="$etcd_servers" --kubelet-client-certificate=$p/apiserver-kubelet-client.crt \
        --kubelet-client-key=$p/apiserver-kubelet-client.key --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname \
        --proxy-client-cert-file=$p/front-proxy-client.crt --proxy-client-key-file=$p/front-proxy-client.key \
        --requestheader-allowed-names=front-proxy-client --requestheader-client-ca-file=$p/front-proxy-ca.crt \
        --requestheader-extra-headers-prefix=X-Remote-Extra- --requestheader-group-headers=X-Remote-Group \
        --requestheader-username-headers=X-Remote-User --secure-port=6443 \
        --service-account-issuer=https://kubernetes.default.svc.cluster.local --service-account-key-file=$p/sa.pub \
        --service-account-signing-key-file=$p/sa.key --service-cluster-ip-range=$LEGACY_SERVICE_CIDR \
        --tls-cert-file=$p/apiserver.crt --tls-private-key-file=$p/apiserver.key --v=2
    drop_in "$upper" kube-controller-manager.service --allocate-node-cidrs=true \
        --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf \
        --authorization-kubeconfig=/etc/kubernetes/controller-manager.conf --bind-address=127.0.0.1 \
        --client-ca-file=$p/ca.crt --cluster-cidr=$LEGACY_POD_CIDR --cluster-name=legacy \
        --cluster-signing-cert-file=$p/ca.crt --cluster-signing-key-file=$p/ca.key \
        --controllers='*,bootstrapsigner,tokencleaner' --kubeconfig=/etc/kubernetes/controller-manager.conf \
        --leader-elect=true --node-monitor-grace-period=40s --requestheader-client-ca-file=$p/front-proxy-ca.crt \
        --root-ca-file=$p/ca.crt --service-account-private-key-file=$p/sa.key \
        --service-cluster-ip-range=$LEGACY_SERVICE_CIDR --use-service-account-credentials=true --v=2
    drop_in "$upper" kube-scheduler.service --authentication-kubeconfig=/etc/kubernetes/scheduler.conf \
        --authorization-kubeconfig=/etc/kubernetes/scheduler.conf --bind-address=127.0.0.1 \
        --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true --v=2
    # The API server waits for its etcd, as an installer orders them.
    printf '[Unit]\nAfter=etcd.service\nWants=etcd.service\n' >>"$upper/etc/systemd/system/kube-apiserver.service.d/10-cluster.conf"
}

# Every component answers its health check (on a master the API server is ready), and every node
# is registered: the cluster is whole before Mast takes it over.
legacy_healthy_kubeadm() {
    local count=$1 masters=$2 i checks nodes
    for i in $(seq 1 "$count"); do
        checks="curl -sf --max-time 5 http://127.0.0.1:10256/healthz && curl -sf --max-time 5 http://127.0.0.1:10248/healthz"
        if [ "$i" -le "$masters" ]; then
            checks="$checks && curl -skf --max-time 5 https://127.0.0.1:6443/readyz && curl -skf --max-time 5 https://127.0.0.1:10257/healthz"
            checks="$checks && curl -skf --max-time 5 https://127.0.0.1:10259/healthz && curl -sf --max-time 5 http://127.0.0.1:2381/health"
        fi
        ssh_node "$(node_name "$i")" "$checks" >/dev/null 2>&1 || return 1
    done
    nodes=$("$K8S_BIN/kubectl" --kubeconfig "$W/legacy/admin.conf" get nodes -o name 2>/dev/null | wc -l)
    [ "$nodes" = "$count" ]
}

# ---------------------------------------------------------------------------------------------
# hardway: Kubernetes the Hard Way (its v1.32 edition, on the bed's release). The programs are
# copied to /usr/local/bin, owned by no package; the units are the tutorial's, in
# /etc/systemd/system; the controllers keep their files in /var/lib/kubernetes and run etcd over
# plain HTTP on loopback, and no kubelet, container runtime or kube-proxy; the workers run
# containerd, the kubelet and kube-proxy with their files in /var/lib/kubelet and
# /var/lib/kube-proxy. Secrets are encrypted at rest. What differs from the tutorial, and why:
# the API server's certificate also names the controller's address (the bed's clients reach it
# there, not through server.kubernetes.local, which /etc/hosts still resolves for the nodes);
# etcd's program is Debian's (the bed has no other), copied as the tutorial copies its own.

HARDWAY_SERVICE_CIDR=10.32.0.0/24
HARDWAY_POD_CIDR=10.200.0.0/16
HARDWAY_SERVER=https://server.kubernetes.local:6443

layer_legacy_hardway_master() {
    [ "$1" = seed ] && return
    local root=$1 program
    legacy_install "$root" etcd-server
    cp "$root/usr/bin/etcd" "$root/usr/local/bin/etcd"
    in_root "$root" bash -c 'DEBIAN_FRONTEND=noninteractive dpkg --purge etcd-server etcd-client >/dev/null 2>&1 || true'
    for program in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
        install -m 0755 "$K8S_BIN/$program" "$root/usr/local/bin/$program"
    done
}

layer_legacy_hardway_worker() {
    [ "$1" = seed ] && return
    local root=$1 program
    legacy_install "$root" containerd runc containernetworking-plugins iptables conntrack
    for program in kubelet kube-proxy kubectl crictl; do
        install -m 0755 "$K8S_BIN/$program" "$root/usr/local/bin/$program"
    done
}

# hardway_unit FILE DESCRIPTION PROGRAM FLAGS...: a unit as the tutorial writes them.
hardway_unit() {
    local file=$1 description=$2 program=$3
    shift 3
    mkdir -p "$(dirname "$file")"
    {
        printf '[Unit]\nDescription=%s\nDocumentation=https://github.com/kubernetes/kubernetes\n\n[Service]\n' "$description"
        printf 'ExecStart=%s' "$program"
        printf ' \\\n  %s' "$@"
        printf '\nRestart=on-failure\nRestartSec=5\n\n[Install]\nWantedBy=multi-user.target\n'
    } >"$file"
}

legacy_files_hardway() {
    local count=$1 masters=$2 pki="$W/legacy/pki" i name ip server_ip
    [ "$masters" = 1 ] || die "the hardway layout has one controller, as the tutorial's"
    server_ip=$(node_ip 1)
    pki_ca "$pki" ca kubernetes
    openssl genrsa -out "$pki/service-accounts.key" 2048 2>/dev/null
    openssl req -new -x509 -key "$pki/service-accounts.key" -subj "/CN=service-accounts" -days 3650 \
        -out "$pki/service-accounts.crt" 2>/dev/null
    pki_cert "$pki" admin ca "/O=system:masters/CN=admin" clientAuth
    pki_cert "$pki" kube-api-server ca "/CN=kubernetes" serverAuth,clientAuth \
        "IP:127.0.0.1,IP:10.32.0.1,IP:$server_ip,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster,DNS:kubernetes.svc.cluster.local,DNS:server.kubernetes.local,DNS:api-server.kubernetes.local"
    pki_cert "$pki" kube-controller-manager ca "/O=system:kube-controller-manager/CN=system:kube-controller-manager" clientAuth
    pki_cert "$pki" kube-scheduler ca "/O=system:kube-scheduler/CN=system:kube-scheduler" clientAuth
    pki_cert "$pki" kube-proxy ca "/O=system:node-proxier/CN=system:kube-proxy" clientAuth
    kubeconfig "$W/legacy/admin.conf" "https://$server_ip:6443" "$pki" admin admin
    for i in $(seq 1 "$count"); do
        name=$(node_name "$i")
        ip=$(node_ip "$i")
        printf '%s\tserver.kubernetes.local server\n' "$server_ip" >>"$(node_dir "$name")/upper/etc/hosts"
        if [ "$i" = 1 ]; then
            legacy_hardway_controller "$(node_dir "$name")/upper" "$name" "$pki"
        else
            pki_cert "$pki" "$name" ca "/O=system:nodes/CN=system:node:$name" serverAuth,clientAuth "DNS:$name,IP:$ip"
            legacy_hardway_worker "$(node_dir "$name")/upper" "$name" "$pki" "$i"
        fi
    done
}

legacy_hardway_controller() {
    local upper=$1 name=$2 pki=$3 dir=$1/var/lib/kubernetes d=/var/lib/kubernetes file
    mkdir -p "$dir" "$upper/etc/kubernetes/config" "$upper/var/lib/etcd" "$upper/etc/etcd" "$upper/root"
    chmod 0700 "$upper/var/lib/etcd"
    for file in ca kube-api-server service-accounts; do
        cp "$pki/$file.crt" "$pki/$file.key" "$dir/"
    done
    chmod 0600 "$dir"/*.key
    cat >"$dir/encryption-config.yaml" <<EOF
kind: EncryptionConfiguration
apiVersion: apiserver.config.k8s.io/v1
resources:
  - resources:
      - secrets
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: $(head -c 32 /dev/urandom | base64)
      - identity: {}
EOF
    chmod 0600 "$dir/encryption-config.yaml"
    kubeconfig "$dir/kube-controller-manager.kubeconfig" "$HARDWAY_SERVER" "$pki" kube-controller-manager system:kube-controller-manager
    kubeconfig "$dir/kube-scheduler.kubeconfig" "$HARDWAY_SERVER" "$pki" kube-scheduler system:kube-scheduler
    kubeconfig "$upper/root/admin.kubeconfig" "https://127.0.0.1:6443" "$pki" admin admin
    cat >"$upper/etc/kubernetes/config/kube-scheduler.yaml" <<EOF
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection:
  kubeconfig: "$d/kube-scheduler.kubeconfig"
leaderElection:
  leaderElect: true
EOF
    hardway_unit "$upper/etc/systemd/system/etcd.service" etcd /usr/local/bin/etcd \
        "--name $name" "--initial-advertise-peer-urls http://127.0.0.1:2380" "--listen-peer-urls http://127.0.0.1:2380" \
        "--listen-client-urls http://127.0.0.1:2379" "--advertise-client-urls http://127.0.0.1:2379" \
        "--initial-cluster-token etcd-cluster-0" "--initial-cluster $name=http://127.0.0.1:2380" \
        "--initial-cluster-state new" "--data-dir=/var/lib/etcd"
    sed -i 's/^\[Service\]$/[Service]\nType=notify/' "$upper/etc/systemd/system/etcd.service"
    hardway_unit "$upper/etc/systemd/system/kube-apiserver.service" "Kubernetes API Server" /usr/local/bin/kube-apiserver \
        --allow-privileged=true --apiserver-count=1 --audit-log-maxage=30 --audit-log-maxbackup=3 --audit-log-maxsize=100 \
        --audit-log-path=/var/log/audit.log --authorization-mode=Node,RBAC --bind-address=0.0.0.0 --client-ca-file=$d/ca.crt \
        --enable-admission-plugins=NamespaceLifecycle,NodeRestriction,LimitRanger,ServiceAccount,DefaultStorageClass,ResourceQuota \
        --etcd-servers=http://127.0.0.1:2379 --event-ttl=1h --encryption-provider-config=$d/encryption-config.yaml \
        --kubelet-certificate-authority=$d/ca.crt --kubelet-client-certificate=$d/kube-api-server.crt \
        --kubelet-client-key=$d/kube-api-server.key "--runtime-config='api/all=true'" \
        --service-account-key-file=$d/service-accounts.crt --service-account-signing-key-file=$d/service-accounts.key \
        --service-account-issuer=$HARDWAY_SERVER --service-cluster-ip-range=$HARDWAY_SERVICE_CIDR \
        --service-node-port-range=30000-32767 --tls-cert-file=$d/kube-api-server.crt \
        --tls-private-key-file=$d/kube-api-server.key --v=2
    # The tutorial starts etcd first by hand; a unit that waits for it keeps a reboot of the node whole.
    sed -i 's/^Documentation=.*/&\nAfter=etcd.service\nWants=etcd.service/' "$upper/etc/systemd/system/kube-apiserver.service"
    hardway_unit "$upper/etc/systemd/system/kube-controller-manager.service" "Kubernetes Controller Manager" \
        /usr/local/bin/kube-controller-manager --bind-address=0.0.0.0 --cluster-cidr=$HARDWAY_POD_CIDR --cluster-name=kubernetes \
        --cluster-signing-cert-file=$d/ca.crt --cluster-signing-key-file=$d/ca.key \
        --kubeconfig=$d/kube-controller-manager.kubeconfig --root-ca-file=$d/ca.crt \
        --service-account-private-key-file=$d/service-accounts.key --service-cluster-ip-range=$HARDWAY_SERVICE_CIDR \
        --use-service-account-credentials=true --v=2
    hardway_unit "$upper/etc/systemd/system/kube-scheduler.service" "Kubernetes Scheduler" /usr/local/bin/kube-scheduler \
        --config=/etc/kubernetes/config/kube-scheduler.yaml --v=2
    mkdir -p "$upper/etc/systemd/system/multi-user.target.wants"
    for file in etcd kube-apiserver kube-controller-manager kube-scheduler; do
        ln -sf "/etc/systemd/system/$file.service" "$upper/etc/systemd/system/multi-user.target.wants/$file.service"
    done
}

legacy_hardway_worker() {
    local upper=$1 name=$2 pki=$3 index=$4 file
    mkdir -p "$upper/var/lib/kubelet" "$upper/var/lib/kube-proxy" "$upper/etc/containerd" "$upper/etc/cni/net.d"
    cp "$pki/ca.crt" "$upper/var/lib/kubelet/ca.crt"
    cp "$pki/$name.crt" "$upper/var/lib/kubelet/kubelet.crt"
    cp "$pki/$name.key" "$upper/var/lib/kubelet/kubelet.key"
    chmod 0600 "$upper/var/lib/kubelet/kubelet.key"
    kubeconfig "$upper/var/lib/kubelet/kubeconfig" "$HARDWAY_SERVER" "$pki" "$name" "system:node:$name"
    kubeconfig "$upper/var/lib/kube-proxy/kubeconfig" "$HARDWAY_SERVER" "$pki" kube-proxy system:kube-proxy
    cat >"$upper/var/lib/kubelet/kubelet-config.yaml" <<EOF
kind: KubeletConfiguration
apiVersion: kubelet.config.k8s.io/v1beta1
address: "0.0.0.0"
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: "/var/lib/kubelet/ca.crt"
authorization:
  mode: Webhook
cgroupDriver: systemd
containerRuntimeEndpoint: "unix:///var/run/containerd/containerd.sock"
enableServer: true
failSwapOn: false
maxPods: 16
podCIDR: "10.200.$index.0/24"
port: 10250
resolvConf: "/etc/resolv.conf"
registerNode: true
runtimeRequestTimeout: "15m"
tlsCertFile: "/var/lib/kubelet/kubelet.crt"
tlsPrivateKeyFile: "/var/lib/kubelet/kubelet.key"
EOF
    cat >"$upper/var/lib/kube-proxy/kube-proxy-config.yaml" <<EOF
kind: KubeProxyConfiguration
apiVersion: kubeproxy.config.k8s.io/v1alpha1
clientConnection:
  kubeconfig: "/var/lib/kube-proxy/kubeconfig"
mode: "iptables"
clusterCIDR: "$HARDWAY_POD_CIDR"
EOF
    cat >"$upper/etc/containerd/config.toml" <<'EOF'
version = 2

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "registry.k8s.io/pause:3.9"
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
    runtime_type = "io.containerd.runc.v2"
  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
    SystemdCgroup = true
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "/etc/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = "/etc/containerd/certs.d"
EOF
    cat >"$upper/etc/cni/net.d/10-bridge.conf" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "bridge",
  "type": "bridge",
  "bridge": "cni0",
  "isGateway": true,
  "ipMasq": true,
  "ipam": {
    "type": "host-local",
    "ranges": [[{"subnet": "10.200.$index.0/24"}]],
    "routes": [{"dst": "0.0.0.0/0"}]
  }
}
EOF
    printf '{\n  "cniVersion": "1.1.0",\n  "name": "lo",\n  "type": "loopback"\n}\n' >"$upper/etc/cni/net.d/99-loopback.conf"
    hardway_unit "$upper/etc/systemd/system/kubelet.service" "Kubernetes Kubelet" /usr/local/bin/kubelet \
        --config=/var/lib/kubelet/kubelet-config.yaml --kubeconfig=/var/lib/kubelet/kubeconfig --v=2
    sed -i 's/^Documentation=.*/&\nAfter=containerd.service\nRequires=containerd.service/' "$upper/etc/systemd/system/kubelet.service"
    hardway_unit "$upper/etc/systemd/system/kube-proxy.service" "Kubernetes Kube Proxy" /usr/local/bin/kube-proxy \
        --config=/var/lib/kube-proxy/kube-proxy-config.yaml
    mkdir -p "$upper/etc/systemd/system/multi-user.target.wants"
    for file in kubelet kube-proxy; do
        ln -sf "/etc/systemd/system/$file.service" "$upper/etc/systemd/system/multi-user.target.wants/$file.service"
    done
}

legacy_healthy_hardway() {
    local count=$1 masters=$2 i nodes
    ssh_node node001 "curl -sf --max-time 5 http://127.0.0.1:2379/health && curl -skf --max-time 5 https://127.0.0.1:6443/readyz \
        && curl -skf --max-time 5 https://127.0.0.1:10257/healthz && curl -skf --max-time 5 https://127.0.0.1:10259/healthz" \
        >/dev/null 2>&1 || return 1
    for i in $(seq 2 "$count"); do
        ssh_node "$(node_name "$i")" "curl -sf --max-time 5 http://127.0.0.1:10256/healthz && curl -sf --max-time 5 http://127.0.0.1:10248/healthz" \
            >/dev/null 2>&1 || return 1
    done
    nodes=$("$K8S_BIN/kubectl" --kubeconfig "$W/legacy/admin.conf" get nodes -o name 2>/dev/null | wc -l)
    [ "$nodes" = $((count - 1)) ]
}

# ---------------------------------------------------------------------------------------------
# kismatic: a cluster as Kismatic up to v1.2 left it. The programs come from its packages,
# kismatic-kubernetes-master (API server, controller-manager, scheduler, kubectl) and
# kismatic-kubernetes-node (kubelet, kube-proxy), which the bed builds from the real programs; its
# Ansible wrote the units to /etc/systemd/system, every value an Environment= line used as
# ${VAR}. One CA signed everything, etcd included, and its key stayed on the installer's machine:
# no node has it. The API server refuses anonymous requests. etcd (Debian's program, the bed has
# no other) runs as Kismatic's etcd_k8s service, with TLS.

KISMATIC_SERVICE_CIDR=172.20.0.0/16
KISMATIC_POD_CIDR=172.16.0.0/16
KISMATIC_PACKAGE_VERSION=1.2.0-1

# kismatic_package ROOT NAME DEPENDS PROGRAM...: a package of Kismatic's holding the real programs in /usr/bin, installed.
kismatic_package() {
    local root=$1 name=$2 depends=$3 stage program
    shift 3
    # Built in the layer's own root, outside /tmp and /run, which in_root covers with empty tmpfs.
    stage=$root/var/cache/kismatic/$name
    mkdir -p "$stage/usr/bin" "$stage/DEBIAN"
    for program in "$@"; do
        install -m 0755 "$K8S_BIN/$program" "$stage/usr/bin/$program"
    done
    {
        echo "Package: $name"
        echo "Version: $KISMATIC_PACKAGE_VERSION"
        echo "Architecture: amd64"
        echo "Maintainer: Mast e2e <e2e@mast.invalid>"
        [ -n "$depends" ] && echo "Depends: $depends"
        echo "Description: Kismatic's $name (Mast's test bed, from the real programs)"
    } >"$stage/DEBIAN/control"
    dpkg-deb --root-owner-group -Znone --build "$stage" "$root/var/cache/kismatic/$name.deb" >/dev/null
    rm -rf "$stage"
    in_root "$root" dpkg -i "/var/cache/kismatic/$name.deb"
    rm -rf "$root/var/cache/kismatic"
}

layer_legacy_kismatic_worker() {
    [ "$1" = seed ] && return
    legacy_install "$1" containerd runc containernetworking-plugins iptables conntrack
    kismatic_package "$1" kismatic-kubernetes-node "iptables, conntrack" kubelet kube-proxy
}

layer_legacy_kismatic_master() {
    [ "$1" = seed ] && return
    layer_legacy_kismatic_worker "$1"
    legacy_install "$1" etcd-server
    in_root "$1" systemctl disable etcd.service
    kismatic_package "$1" kismatic-kubernetes-master kismatic-kubernetes-node kube-apiserver kube-controller-manager kube-scheduler kubectl
}

# kismatic_unit FILE DESCRIPTION PROGRAM ENVIRONMENT... -- FLAGS...: a unit as Kismatic's Ansible wrote them.
kismatic_unit() {
    local file=$1 description=$2 program=$3
    shift 3
    mkdir -p "$(dirname "$file")"
    {
        printf '[Unit]\nDescription=%s\nDocumentation=https://github.com/kubernetes/kubernetes\n\n[Service]\n' "$description"
        while [ "$1" != -- ]; do printf 'Environment=%s\n' "$1"; shift; done
        shift
        printf 'ExecStart=%s' "$program"
        printf ' \\\n  %s' "$@"
        printf '\nRestart=on-failure\nRestartSec=3\n\n[Install]\nWantedBy=multi-user.target\n'
    } >"$file"
    mkdir -p "$(dirname "$file")/multi-user.target.wants"
    ln -sf "/etc/systemd/system/$(basename "$file")" "$(dirname "$file")/multi-user.target.wants/$(basename "$file")"
}

# kismatic_kubeconfig FILE SERVER USER PAIR: Kismatic's kubeconfigs name the CA and the client's pair by path.
kismatic_kubeconfig() {
    local file=$1 server=$2 user=$3 pair=$4 p=/etc/kubernetes/pki
    cat >"$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: kismatic
  cluster:
    certificate-authority: $p/ca.pem
    server: "$server"
users:
- name: $user
  user:
    client-certificate: $p/$pair.pem
    client-key: $p/$pair-key.pem
contexts:
- name: kubernetes
  context:
    cluster: kismatic
    user: $user
current-context: kubernetes
EOF
    chmod 0600 "$file"
}

# kismatic_pair UPPER NAME: a pair signed by the cluster's CA, named as Kismatic names them.
kismatic_pair() {
    local upper=$1 name=$2 pki=$W/legacy/pki
    cp "$pki/$name.crt" "$upper/etc/kubernetes/pki/$name.pem"
    cp "$pki/$name.key" "$upper/etc/kubernetes/pki/$name-key.pem"
    chmod 0600 "$upper/etc/kubernetes/pki/$name-key.pem"
}

legacy_files_kismatic() {
    local count=$1 masters=$2 pki="$W/legacy/pki" i name ip etcd_servers= etcd_cluster=
    pki_ca "$pki" ca kubernetes
    openssl genrsa -out "$pki/service-account.key" 2048 2>/dev/null
    pki_cert "$pki" admin ca "/O=system:masters/CN=admin" clientAuth
    pki_cert "$pki" controller-manager ca "/CN=system:kube-controller-manager" clientAuth
    pki_cert "$pki" scheduler ca "/CN=system:kube-scheduler" clientAuth
    pki_cert "$pki" kube-proxy ca "/CN=system:kube-proxy" clientAuth
    pki_cert "$pki" etcd-client ca "/CN=etcd-client" clientAuth
    for i in $(seq 1 "$masters"); do
        etcd_servers+=${etcd_servers:+,}https://$(node_ip "$i"):2379
        etcd_cluster+=${etcd_cluster:+,}$(node_name "$i")=https://$(node_ip "$i"):2380
    done
    # The installer's machine keeps the CA's key (generated/keys); the nodes get the certificate alone.
    mkdir -p "$W/legacy/generated/keys"
    cp "$pki/ca.crt" "$W/legacy/generated/keys/ca.pem"
    cp "$pki/ca.key" "$W/legacy/generated/keys/ca-key.pem"
    kubeconfig "$W/legacy/admin.conf" "https://$(node_ip 1):6443" "$pki" admin admin
    for i in $(seq 1 "$count"); do
        name=$(node_name "$i")
        ip=$(node_ip "$i")
        pki_cert "$pki" "kubelet-$name" ca "/O=system:nodes/CN=system:node:$name" serverAuth,clientAuth "DNS:$name,IP:$ip"
        if [ "$i" -le "$masters" ]; then
            legacy_kismatic_master "$(node_dir "$name")/upper" "$name" "$ip" "$etcd_servers" "$etcd_cluster" "$masters"
        fi
        legacy_kismatic_node "$(node_dir "$name")/upper" "$name" "$ip"
    done
}

legacy_kismatic_node() {
    local upper=$1 name=$2 ip=$3 p=/etc/kubernetes/pki server
    server="https://$(node_ip 1):6443"
    mkdir -p "$upper$p" "$upper/etc/kubernetes/manifests" "$upper/etc/containerd"
    cp "$W/legacy/pki/ca.crt" "$upper$p/ca.pem"
    cp "$W/legacy/pki/kubelet-$name.crt" "$upper$p/kubelet.pem"
    cp "$W/legacy/pki/kubelet-$name.key" "$upper$p/kubelet-key.pem"
    chmod 0600 "$upper$p/kubelet-key.pem"
    kismatic_pair "$upper" kube-proxy
    kismatic_kubeconfig "$upper/etc/kubernetes/kubelet.conf" "$server" "system:node:$name" kubelet
    kismatic_kubeconfig "$upper/etc/kubernetes/kube-proxy.conf" "$server" system:kube-proxy kube-proxy
    containerd_config_systemd_cgroups "$upper/etc/containerd/config.toml"
    kismatic_unit "$upper/etc/systemd/system/kubelet.service" "Kubernetes Kubelet" /usr/bin/kubelet \
        INTERNAL_IP="$ip" HOSTNAME="$name" KUBECONFIG=/etc/kubernetes/kubelet.conf POD_MANIFEST_PATH=/etc/kubernetes/manifests \
        RUNTIME_ENDPOINT=unix:///run/containerd/containerd.sock -- \
        --cgroup-driver=systemd --cluster-dns=172.20.0.2 --cluster-domain=cluster.local \
        '--container-runtime-endpoint=${RUNTIME_ENDPOINT}' '--hostname-override=${HOSTNAME}' '--kubeconfig=${KUBECONFIG}' \
        '--node-ip=${INTERNAL_IP}' '--pod-manifest-path=${POD_MANIFEST_PATH}' --tls-cert-file=$p/kubelet.pem \
        --tls-private-key-file=$p/kubelet-key.pem --v=2
    sed -i 's/^Documentation=.*/&\nAfter=containerd.service\nRequires=containerd.service/' "$upper/etc/systemd/system/kubelet.service"
    kismatic_unit "$upper/etc/systemd/system/kube-proxy.service" "Kubernetes Kube Proxy" /usr/bin/kube-proxy \
        HOSTNAME="$name" KUBECONFIG=/etc/kubernetes/kube-proxy.conf CLUSTER_CIDR=$KISMATIC_POD_CIDR -- \
        '--cluster-cidr=${CLUSTER_CIDR}' '--hostname-override=${HOSTNAME}' '--kubeconfig=${KUBECONFIG}' --proxy-mode=iptables --v=2
}

legacy_kismatic_master() {
    local upper=$1 name=$2 ip=$3 etcd_servers=$4 etcd_cluster=$5 masters=$6 p=/etc/kubernetes/pki e=/etc/etcd_k8s pki=$W/legacy/pki
    mkdir -p "$upper$p" "$upper$e" "$upper/var/lib/etcd_k8s" "$upper/root/.kube"
    chmod 0700 "$upper/var/lib/etcd_k8s"
    pki_cert "$pki" "api-server-$name" ca "/CN=kube-apiserver" serverAuth \
        "IP:127.0.0.1,IP:172.20.0.1,IP:$ip,DNS:$name,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
    pki_cert "$pki" "etcd-$name" ca "/CN=$name" serverAuth,clientAuth "DNS:$name,IP:$ip,IP:127.0.0.1"
    cp "$pki/api-server-$name.crt" "$upper$p/api-server.pem"
    cp "$pki/api-server-$name.key" "$upper$p/api-server-key.pem"
    cp "$pki/ca.crt" "$upper$e/ca.pem"
    cp "$pki/etcd-$name.crt" "$upper$e/etcd.pem"
    cp "$pki/etcd-$name.key" "$upper$e/etcd-key.pem"
    kismatic_pair "$upper" etcd-client
    kismatic_pair "$upper" controller-manager
    kismatic_pair "$upper" scheduler
    cp "$pki/service-account.key" "$upper$p/service-account-key.pem"
    chmod 0600 "$upper$p"/*-key.pem "$upper$e/etcd-key.pem"
    cat >"$upper/etc/kubernetes/encryption-config.yaml" <<EOF
kind: EncryptionConfiguration
apiVersion: apiserver.config.k8s.io/v1
resources:
  - resources:
      - secrets
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: $(cat "$W/legacy/encryption-key" 2>/dev/null || head -c 32 /dev/urandom | base64 | tee "$W/legacy/encryption-key")
      - identity: {}
EOF
    chmod 0600 "$upper/etc/kubernetes/encryption-config.yaml"
    kismatic_kubeconfig "$upper/etc/kubernetes/controller-manager.conf" "https://$ip:6443" system:kube-controller-manager controller-manager
    kismatic_kubeconfig "$upper/etc/kubernetes/scheduler.conf" "https://$ip:6443" system:kube-scheduler scheduler
    kubeconfig "$upper/root/.kube/config" "https://127.0.0.1:6443" "$pki" admin admin
    kismatic_unit "$upper/etc/systemd/system/etcd_k8s.service" "etcd key-value store" /usr/bin/etcd \
        NODE_NAME="$name" ETCD_IP="$ip" ETCD_CLUSTER="$etcd_cluster" -- \
        '--name=${NODE_NAME}' --data-dir=/var/lib/etcd_k8s --client-cert-auth --cert-file=$e/etcd.pem --key-file=$e/etcd-key.pem \
        --peer-client-cert-auth --peer-cert-file=$e/etcd.pem --peer-key-file=$e/etcd-key.pem --trusted-ca-file=$e/ca.pem \
        --peer-trusted-ca-file=$e/ca.pem '--initial-advertise-peer-urls=https://${ETCD_IP}:2380' \
        '--listen-peer-urls=https://${ETCD_IP}:2380' '--listen-client-urls=https://${ETCD_IP}:2379,https://127.0.0.1:2379' \
        '--advertise-client-urls=https://${ETCD_IP}:2379' --initial-cluster-token=etcd_k8s '--initial-cluster=${ETCD_CLUSTER}' \
        --initial-cluster-state=new
    sed -i 's/^\[Service\]$/[Service]\nType=notify/' "$upper/etc/systemd/system/etcd_k8s.service"
    kismatic_unit "$upper/etc/systemd/system/kube-apiserver.service" "Kubernetes API Server" /usr/bin/kube-apiserver \
        ADVERTISE_ADDRESS="$ip" ETCD_SERVERS="$etcd_servers" SERVICE_CIDR=$KISMATIC_SERVICE_CIDR CA_FILE=$p/ca.pem \
        CERT_FILE=$p/api-server.pem KEY_FILE=$p/api-server-key.pem ETCD_CERT_FILE=$p/etcd-client.pem \
        ETCD_KEY_FILE=$p/etcd-client-key.pem SA_KEY_FILE=$p/service-account-key.pem APISERVER_COUNT="$masters" -- \
        '--advertise-address=${ADVERTISE_ADDRESS}' --allow-privileged=true --anonymous-auth=false \
        '--apiserver-count=${APISERVER_COUNT}' --authorization-mode=Node,RBAC --bind-address=0.0.0.0 '--client-ca-file=${CA_FILE}' \
        --enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,ResourceQuota,NodeRestriction \
        --encryption-provider-config=/etc/kubernetes/encryption-config.yaml '--etcd-cafile=${CA_FILE}' \
        '--etcd-certfile=${ETCD_CERT_FILE}' '--etcd-keyfile=${ETCD_KEY_FILE}' '--etcd-servers=${ETCD_SERVERS}' \
        --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname --secure-port=6443 \
        --service-account-issuer=https://kubernetes.default.svc.cluster.local '--service-account-key-file=${SA_KEY_FILE}' \
        '--service-account-signing-key-file=${SA_KEY_FILE}' '--service-cluster-ip-range=${SERVICE_CIDR}' \
        '--tls-cert-file=${CERT_FILE}' '--tls-private-key-file=${KEY_FILE}' --v=2
    sed -i 's/^Documentation=.*/&\nAfter=etcd_k8s.service\nWants=etcd_k8s.service/' "$upper/etc/systemd/system/kube-apiserver.service"
    kismatic_unit "$upper/etc/systemd/system/kube-controller-manager.service" "Kubernetes Controller Manager" \
        /usr/bin/kube-controller-manager KUBECONFIG=/etc/kubernetes/controller-manager.conf CA_FILE=$p/ca.pem \
        SA_KEY_FILE=$p/service-account-key.pem CLUSTER_CIDR=$KISMATIC_POD_CIDR SERVICE_CIDR=$KISMATIC_SERVICE_CIDR -- \
        --allocate-node-cidrs=true '--cluster-cidr=${CLUSTER_CIDR}' --cluster-name=kismatic '--kubeconfig=${KUBECONFIG}' \
        --leader-elect=true '--root-ca-file=${CA_FILE}' '--service-account-private-key-file=${SA_KEY_FILE}' \
        '--service-cluster-ip-range=${SERVICE_CIDR}' --use-service-account-credentials=true --v=2
    kismatic_unit "$upper/etc/systemd/system/kube-scheduler.service" "Kubernetes Scheduler" /usr/bin/kube-scheduler \
        KUBECONFIG=/etc/kubernetes/scheduler.conf -- '--kubeconfig=${KUBECONFIG}' --leader-elect=true --v=2
}

# The API server refuses anonymous requests: its readiness is asked with the installer's admin kubeconfig.
legacy_healthy_kismatic() {
    local count=$1 masters=$2 i checks nodes
    for i in $(seq 1 "$count"); do
        checks="curl -sf --max-time 5 http://127.0.0.1:10256/healthz && curl -sf --max-time 5 http://127.0.0.1:10248/healthz"
        if [ "$i" -le "$masters" ]; then
            checks="$checks && curl -skf --max-time 5 https://127.0.0.1:10257/healthz && curl -skf --max-time 5 https://127.0.0.1:10259/healthz"
        fi
        ssh_node "$(node_name "$i")" "$checks" >/dev/null 2>&1 || return 1
    done
    "$K8S_BIN/kubectl" --kubeconfig "$W/legacy/admin.conf" get --raw /readyz >/dev/null 2>&1 || return 1
    nodes=$("$K8S_BIN/kubectl" --kubeconfig "$W/legacy/admin.conf" get nodes -o name 2>/dev/null | wc -l)
    [ "$nodes" = "$count" ]
}
