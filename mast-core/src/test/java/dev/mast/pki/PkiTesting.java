package dev.mast.pki;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Node;
import dev.mast.plan.Plan;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import dev.mast.files.NodeFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Plans and JDK-only certificate helpers, so the tests check the PKI without the code under test. */
final class PkiTesting {
    private PkiTesting() {
    }

    static Node node(String hostName, String ip, String internalIp, Role... roles) {
        return new Node(hostName, ip, internalIp, EnumSet.copyOf(List.of(roles)), SshSettings.DEFAULT);
    }

    static final Node MASTER1 = node("master1", "192.168.10.11", "10.0.0.11", Role.MASTER, Role.ETCD);
    static final Node MASTER2 = node("master2", "192.168.10.12", "10.0.0.12", Role.MASTER, Role.ETCD);
    static final Node ETCD3 = node("etcd3", "192.168.10.13", "10.0.0.13", Role.ETCD);
    static final Node WORKER1 = node("worker1", "192.168.10.21", "10.0.0.21", Role.WORKER);

    /** Two stacked masters, a third etcd member, a worker, behind a load balancer named by DNS. */
    static Plan plan() {
        return plan("k8s.example.com:443", List.of(MASTER1, MASTER2, ETCD3, WORKER1));
    }

    static Plan plan(String controlPlaneEndpoint, List<Node> nodes) {
        return new Plan("prod", "1.34", ContainerRuntime.CONTAINERD, "10.244.0.0/16", "10.100.0.0/16",
                "corp.local", 6443, controlPlaneEndpoint, nodes, Map.of());
    }

    static X509Certificate certificate(String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static X509Certificate certificate(Path file) throws GeneralSecurityException, IOException {
        return certificate(Files.readString(file));
    }

    static X509Certificate certificate(List<NodeFile> files, String path) throws GeneralSecurityException {
        return certificate(file(files, path).text());
    }

    static NodeFile file(List<NodeFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in " + files));
    }

    /** Reads a PKCS#8 PEM key with the JDK alone. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new AssertionError("not an EC or RSA PKCS#8 key");
    }

    static boolean signsFor(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = "proof of possession".getBytes(StandardCharsets.US_ASCII);
        var signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        var verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(data);
        return verifier.verify(signature);
    }

    /** PKIX validation of a one-certificate path against {@code ca} as the only trust anchor. */
    static void validate(X509Certificate leaf, X509Certificate ca) throws GeneralSecurityException {
        validate(leaf, ca, new Date());
    }

    static void validate(X509Certificate leaf, X509Certificate ca, Date at) throws GeneralSecurityException {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    static List<String> altNames(X509Certificate certificate, int type) throws GeneralSecurityException {
        var names = new ArrayList<String>();
        for (List<?> entry : certificate.getSubjectAlternativeNames()) {
            if ((Integer) entry.get(0) == type) {
                names.add((String) entry.get(1));
            }
        }
        return names;
    }

    /** Every file under {@code dir} with its bytes, to compare a folder before and after. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        var files = new TreeMap<String, String>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
