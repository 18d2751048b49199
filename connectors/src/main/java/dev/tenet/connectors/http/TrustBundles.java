package dev.tenet.connectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for self-hosted instances behind a private CA: the JDK's trusted roots plus the
 * certificates of a PEM bundle. Verification stays on; there is no "trust all".
 */
public final class TrustBundles {
  private TrustBundles() {}

  public static SSLContext withExtraCertificates(Path pemBundle) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      TrustManagerFactory defaults =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null);
      int n = 0;
      for (var tm : defaults.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate cert : x.getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + n++, cert);
          }
        }
      }
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      try (InputStream in = Files.newInputStream(pemBundle)) {
        int extra = 0;
        for (Certificate cert : factory.generateCertificates(in)) {
          store.setCertificateEntry("bundle-" + extra++, cert);
        }
        if (extra == 0) {
          throw new IllegalArgumentException(
              "The CA bundle " + pemBundle + " holds no PEM certificate.");
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the CA bundle " + pemBundle + ".", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "The CA bundle " + pemBundle + " is not a valid PEM certificate bundle.", e);
    }
  }
}
