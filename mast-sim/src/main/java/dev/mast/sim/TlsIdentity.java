package dev.mast.sim;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import dev.mast.sim.machine.Pems;
import javax.net.ssl.SSLContext;

/** A server's TLS identity from PEM files (certificate chain and private key, PKCS#1, SEC1 or PKCS#8), as an SSLContext. */
final class TlsIdentity {
    private TlsIdentity() {
    }

    static SSLContext context(String certificatePem, String keyPem) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = Pems.certificates(certificatePem);
            key = Pems.privateKey(keyPem);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("no certificate in the PEM text");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "sim".toCharArray();
        store.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        // Any client certificate passes the handshake, as with the API server: it is checked after, and answered with 401.
        context.init(keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {new AnyClientCertificate()}, null);
        return context;
    }

    /** Takes every client certificate, to be checked against the API server's --client-ca-file after the handshake. */
    private static final class AnyClientCertificate implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a server identity trusts no server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
