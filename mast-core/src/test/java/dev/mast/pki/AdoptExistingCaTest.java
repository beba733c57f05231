package dev.mast.pki;

import static dev.mast.pki.PkiTesting.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that already has a CA (kubeadm's default RSA one, with its key in PKCS#1 as
 * kubeadm and openssl write it) keeps it: Mast signs its certificates with that CA.
 */
class AdoptExistingCaTest {
    @TempDir
    Path dir;

    /** An RSA CA made the way kubeadm makes its default one; only the fixture uses BouncyCastle. */
    private static void writeRsaCa(Path dir) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        var name = new X500Name("CN=kubernetes");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(42), Date.from(now),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyCertSign));
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        byte[] pkcs1 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        Files.writeString(dir.resolve("ca.crt"), Pem.encode("CERTIFICATE", ca.getEncoded()));
        Files.writeString(dir.resolve("ca.key"), Pem.encode("RSA PRIVATE KEY", pkcs1));
    }

    @Test
    void anExistingRsaCaWithAPkcs1KeyIsKeptAndSignsTheNewCertificates() throws Exception {
        writeRsaCa(dir);
        String caPem = Files.readString(dir.resolve("ca.crt"));
        String caKey = Files.readString(dir.resolve("ca.key"));

        ClusterPki pki = new PkiStore().loadOrCreate(dir, plan());

        assertEquals(caPem, Files.readString(dir.resolve("ca.crt")));
        assertEquals(caKey, Files.readString(dir.resolve("ca.key")));
        assertEquals(caKey, file(pki.nodeFiles(MASTER1), PkiPaths.CA_KEY).text(), "the node gets the key as it was");
        X509Certificate apiserver = certificate(dir.resolve("apiserver.crt"));
        assertEquals("SHA256withRSA", apiserver.getSigAlgName());
        validate(apiserver, certificate(caPem));
        assertTrue(pki.changes().stream().noneMatch(change -> change.name().equals(ClusterCertificates.CA)));
        assertEquals(java.util.List.of(), new PkiStore().loadOrCreate(dir, plan()).changes());
    }
}
