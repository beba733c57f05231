package dev.mast.pki;

import dev.mast.plan.Plan;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a cluster's PKI in a local folder, like kubeadm's {@code /etc/kubernetes/pki} or
 * Kismatic's {@code generated/keys}. Keys are random, so the PKI is made once and then reused:
 * rendering the same plan again yields the same bytes.
 *
 * <p>{@link #loadOrCreate} reads and checks every file first and only then writes, so a corrupt
 * or inconsistent folder gives a {@link PkiException} naming the file and nothing is changed.
 * CAs are never replaced while their files exist; a leaf that no longer says what the plan
 * asks (a master was added, so the API server needs a new SAN), is not signed by the stored
 * CA, has lost its key or is within {@link CertificateCheck#RENEW_BEFORE} of expiring is
 * re-issued from the stored CA.
 */
public final class PkiStore {
    static final String SA_KEY = "sa.key";
    static final String SA_PUB = "sa.pub";

    private final Clock clock;
    private final SecureRandom random;

    public PkiStore() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public PkiStore(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A certificate and key as found on disk; either may be missing. */
    private record Stored(String certificatePem, X509Certificate certificate, String keyPem, PrivateKey key) {
        boolean complete() {
            return certificate != null && key != null;
        }

        @Override
        public String toString() {
            return "Stored[" + (certificate == null ? "no certificate" : certificate.getSubjectX500Principal()) + "]";
        }
    }

    /**
     * The PKI for {@code plan}, read from {@code dir} and completed there.
     *
     * @throws PkiException if a file cannot be read, is corrupt or contradicts another; nothing is written then
     * @throws IllegalArgumentException if a node's host name cannot name a file
     */
    public ClusterPki loadOrCreate(Path dir, Plan plan) {
        return load(dir, plan, true);
    }

    /**
     * The PKI {@link #loadOrCreate} would give, with what it would create or re-issue made in memory only: for a dry
     * run, which changes nothing, not even the PKI folder.
     *
     * @throws PkiException if a file cannot be read, is corrupt or contradicts another
     */
    public ClusterPki loadWithoutWriting(Path dir, Plan plan) {
        return load(dir, plan, false);
    }

    private ClusterPki load(Path dir, Plan plan, boolean write) {
        List<CertificateSpec> specs = ClusterCertificates.forPlan(plan);
        var files = new PkiFiles(dir);
        Map<String, Stored> stored = new LinkedHashMap<>();
        for (CertificateSpec spec : specs) {
            stored.put(spec.name(), read(files, spec.name()));
        }
        Optional<String> saKeyPem = files.read(SA_KEY);
        Optional<String> saPubPem = files.read(SA_PUB);

        var writes = new ArrayList<PkiFiles.Write>();
        var changes = new ArrayList<PkiChange>();
        var issuer = new CertificateIssuer(clock, random);
        Instant now = clock.instant();
        Map<String, Credential> credentials = new LinkedHashMap<>();
        for (CertificateSpec spec : specs) {
            Stored found = stored.get(spec.name());
            Credential credential = spec.isCa()
                    ? resolveCa(files, spec, found, issuer, now, writes, changes)
                    : resolveLeaf(files, spec, found, credentials.get(spec.issuer()), issuer, now, writes, changes);
            credentials.put(spec.name(), credential);
        }
        ServiceAccountKey serviceAccount = resolveServiceAccount(files, saKeyPem, saPubPem, writes, changes);

        if (write) {
            files.writeAll(writes);
        }
        return new ClusterPki(plan, credentials, serviceAccount, changes);
    }

    private static Stored read(PkiFiles files, String name) {
        Optional<String> certificatePem = files.read(name + ".crt");
        Optional<String> keyPem = files.read(name + ".key");
        return new Stored(certificatePem.orElse(null),
                certificatePem.map(text -> Pem.parseCertificate(files.path(name + ".crt"), text)).orElse(null),
                keyPem.orElse(null),
                keyPem.map(text -> Pem.parsePrivateKey(files.path(name + ".key"), text)).orElse(null));
    }

    private static Credential resolveCa(PkiFiles files, CertificateSpec spec, Stored found, CertificateIssuer issuer,
                                        Instant now, List<PkiFiles.Write> writes, List<PkiChange> changes) {
        Path certificateFile = files.path(spec.name() + ".crt");
        Path keyFile = files.path(spec.name() + ".key");
        if (found.certificate() == null && found.key() == null) {
            Credential created = issuer.selfSignedCa(spec);
            addWrites(writes, created);
            changes.add(new PkiChange(spec.name(), PkiChange.Kind.CREATED, ""));
            return created;
        }
        if (!found.complete()) {
            Path missing = found.certificate() == null ? certificateFile : keyFile;
            throw new PkiException(missing, "is missing but its pair exists; restore it, or delete both "
                    + spec.name() + ".crt and " + spec.name() + ".key to create a new CA and re-issue everything it signed");
        }
        if (found.certificate().getBasicConstraints() < 0) {
            throw new PkiException(certificateFile, "is not a CA certificate (basicConstraints CA is not true)");
        }
        if (!Keys.matches(found.key(), found.certificate().getPublicKey())) {
            throw new PkiException(keyFile, "does not belong to " + certificateFile.getFileName());
        }
        Instant notAfter = found.certificate().getNotAfter().toInstant();
        if (notAfter.isBefore(now)) {
            throw new PkiException(certificateFile, "expired on " + notAfter + "; Mast does not rotate CAs");
        }
        return new Credential(spec.name(), found.certificate(), found.key(), found.certificatePem(), found.keyPem());
    }

    private static Credential resolveLeaf(PkiFiles files, CertificateSpec spec, Stored found, Credential ca,
                                          CertificateIssuer issuer, Instant now, List<PkiFiles.Write> writes,
                                          List<PkiChange> changes) {
        Optional<String> reason;
        if (found.complete()) {
            Credential existing = new Credential(spec.name(), found.certificate(), found.key(),
                    found.certificatePem(), found.keyPem());
            reason = CertificateCheck.mismatch(existing, spec, ca, now);
            if (reason.isEmpty()) {
                return existing;
            }
        } else if (found.certificate() != null || found.key() != null) {
            String missing = spec.name() + (found.certificate() == null ? ".crt" : ".key");
            reason = Optional.of(missing + " was missing");
        } else {
            reason = Optional.empty();
        }
        Credential issued = issuer.issue(spec, ca);
        addWrites(writes, issued);
        changes.add(reason.map(why -> new PkiChange(spec.name(), PkiChange.Kind.REISSUED, why))
                .orElseGet(() -> new PkiChange(spec.name(), PkiChange.Kind.CREATED, "")));
        return issued;
    }

    private ServiceAccountKey resolveServiceAccount(PkiFiles files, Optional<String> keyPem, Optional<String> pubPem,
                                                    List<PkiFiles.Write> writes, List<PkiChange> changes) {
        if (keyPem.isEmpty()) {
            KeyPair pair = Keys.newServiceAccountKey(random);
            var created = new ServiceAccountKey(Pem.privateKey(pair.getPrivate()), Pem.publicKey(pair.getPublic()));
            writes.add(new PkiFiles.Write(SA_KEY, created.privateKeyPem(), true));
            writes.add(new PkiFiles.Write(SA_PUB, created.publicKeyPem(), false));
            changes.add(new PkiChange("sa", PkiChange.Kind.CREATED, ""));
            return created;
        }
        PrivateKey key = Pem.parsePrivateKey(files.path(SA_KEY), keyPem.get());
        if (pubPem.isPresent()) {
            PublicKey pub = Pem.parsePublicKey(files.path(SA_PUB), pubPem.get());
            if (!Keys.matches(key, pub)) {
                throw new PkiException(files.path(SA_PUB), "does not belong to " + SA_KEY);
            }
            return new ServiceAccountKey(keyPem.get(), pubPem.get());
        }
        PublicKey rebuilt = Keys.rsaPublicKey(key).orElseThrow(() -> new PkiException(files.path(SA_PUB),
                "is missing and cannot be rebuilt from a " + key.getAlgorithm() + " " + SA_KEY + "; restore it"));
        String rebuiltPem = Pem.publicKey(rebuilt);
        writes.add(new PkiFiles.Write(SA_PUB, rebuiltPem, false));
        changes.add(new PkiChange("sa", PkiChange.Kind.REISSUED, SA_PUB + " rebuilt from " + SA_KEY));
        return new ServiceAccountKey(keyPem.get(), rebuiltPem);
    }

    private static void addWrites(List<PkiFiles.Write> writes, Credential credential) {
        writes.add(new PkiFiles.Write(credential.name() + ".crt", credential.certificatePem(), false));
        writes.add(new PkiFiles.Write(credential.name() + ".key", credential.privateKeyPem(), true));
    }
}
