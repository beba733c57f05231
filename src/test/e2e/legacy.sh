# Old clusters for Mast's upgrade to take over: the real Kubernetes programs running as systemd
# services, installed from the bed's repository and configured the way some installer left them.
# Sourced by nodes.sh (`up N --legacy[=LAYOUT]`). A layout is four functions:
#   layer_legacy_LAYOUT_master ROOT, layer_legacy_LAYOUT_worker ROOT
#       install the packages into a layer shared by every such node (called with "seed UPPER" first)
#   legacy_files_LAYOUT COUNT MASTERS LB
#       write the cluster's own files (PKI, kubeconfigs, units' flags) into each node's upper dir
#   legacy_healthy_LAYOUT COUNT MASTERS
#       succeed once the cluster works (called until it does, or a timeout)
# Layouts: kubeadm (kubeadm's paths under /etc/kubernetes, the components as services).

legacy_layouts() { declare -F | awk '{print $3}' | sed -n 's/^legacy_files_//p' | tr '\n' ' '; }

legacy_layout_exists() { declare -F "legacy_files_$1" >/dev/null; }

legacy_cluster() {
    local layout=$1
    shift
    rm -rf "$W/legacy"
    mkdir -p "$W/legacy"
    "legacy_files_$layout" "$@"
}

legacy_wait_healthy() {
    local layout=$1 deadline=$((SECONDS + 300))
    shift
    until "legacy_healthy_$layout" "$@"; do
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

legacy_kubeadm_node() {
    local upper=$1 name=$2 ip=$3 pki=$4
    mkdir -p "$upper/etc/kubernetes/pki" "$upper/var/lib/kubelet" "$upper/etc/containerd"
    cp "$pki/ca.crt" "$upper/etc/kubernetes/pki/ca.crt"
    kubeconfig "$upper/etc/kubernetes/kubelet.conf" "https://$(node_ip 1):6443" "$pki" "kubelet-$name" "system:node:$name"
    kubeconfig "$upper/etc/kubernetes/kube-proxy.conf" "https://$(node_ip 1):6443" "$pki" kube-proxy system:kube-proxy
    cat >"$upper/etc/containerd/config.toml" <<'EOF'
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
