package dev.tenet.reports.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A local key that signs PDF reports: its private key and certificate chain, read from a PKCS #12
 * file (what {@code keytool -genkeypair -storetype PKCS12} writes). Only RSA and EC keys: the
 * algorithms every PDF reader verifies.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
  public SigningKey {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a signing key needs its certificate");
    }
    chain = List.copyOf(chain);
  }

  /** The certificate readers show as the signer. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The name readers show for the signer: the certificate's common name. */
  public String signerName() {
    return commonName(certificate().getSubjectX500Principal());
  }

  /** SHA-256 (hex) of the certificate: what a reader of the report compares. */
  public String certificateSha256() {
    try {
      return PdfSignatures.fingerprint(certificate().getEncoded());
    } catch (CertificateEncodingException e) {
      throw new SigningException("The signing key's certificate cannot be encoded.", e);
    }
  }

  /** A subject's common name, or the whole subject when it has none. */
  static String commonName(X500Principal principal) {
    RDN[] cn = new X500Name(principal.getName()).getRDNs(BCStyle.CN);
    return cn.length > 0
        ? IETFUtils.valueToString(cn[0].getFirst().getValue())
        : principal.getName(X500Principal.RFC2253);
  }

  /** The JCA name of the signature algorithm that suits this key. */
  String signatureAlgorithm() {
    return switch (privateKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default ->
          throw new SigningException(
              "The signing key is a "
                  + privateKey.getAlgorithm()
                  + " key: PDF reports are signed with RSA or EC keys only.");
    };
  }

  /**
   * Reads the key from a PKCS #12 file.
   *
   * @param alias the entry to use, or null for the file's only key
   * @throws SigningException with one sentence for the user when the file cannot be used
   */
  public static SigningKey load(Path file, char[] password, String alias) {
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (NoSuchFileException e) {
      throw new SigningException("There is no signing key file " + file + ".");
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new SigningException("The password does not open the signing key file " + file + ".");
      }
      throw new SigningException(
          file + " is not a PKCS #12 key file (" + firstLine(e.getMessage()) + ").");
    } catch (GeneralSecurityException e) {
      throw new SigningException(
          file + " is not a PKCS #12 key file (" + firstLine(e.getMessage()) + ").");
    }
    try {
      String entry = alias != null ? alias : onlyKeyAlias(store, file);
      if (!store.isKeyEntry(entry)) {
        throw new SigningException(file + " holds no private key named '" + entry + "'.");
      }
      PrivateKey key = (PrivateKey) store.getKey(entry, password);
      Certificate[] certificates = store.getCertificateChain(entry);
      if (certificates == null || certificates.length == 0) {
        throw new SigningException(
            "The key '" + entry + "' in " + file + " has no certificate to sign with.");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : certificates) {
        chain.add((X509Certificate) c);
      }
      SigningKey signing = new SigningKey(key, chain);
      signing.signatureAlgorithm();
      return signing;
    } catch (UnrecoverableKeyException e) {
      throw new SigningException(
          "The password opens " + file + " but not the private key inside it.");
    } catch (GeneralSecurityException e) {
      throw new SigningException(
          "Could not read the key in " + file + ": " + firstLine(e.getMessage()) + ".");
    }
  }

  private static String onlyKeyAlias(KeyStore store, Path file) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    if (keys.isEmpty()) {
      throw new SigningException(file + " holds no private key.");
    }
    if (keys.size() > 1) {
      Collections.sort(keys);
      throw new SigningException(
          file + " holds several keys (" + String.join(", ", keys) + "): name one with its alias.");
    }
    return keys.get(0);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
