package dev.tenet.reports.sign;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed keys made on the spot, as a team would make its own with keytool. */
final class TestKeys {
  private TestKeys() {}

  static SigningKey rsa(String subject) throws Exception {
    return key("RSA", 2048, subject, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));
  }

  static SigningKey ec(String subject) throws Exception {
    return key("EC", 256, subject, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365));
  }

  static SigningKey key(String algorithm, int size, String subject, Instant from, Duration valid)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(size);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500Name(subject);
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(from.toEpochMilli()),
                        Date.from(from),
                        Date.from(from.plus(valid)),
                        name,
                        pair.getPublic())
                    .build(
                        new JcaContentSignerBuilder(
                                algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA")
                            .build(pair.getPrivate())));
    return new SigningKey(pair.getPrivate(), List.of(certificate));
  }

  /** Stores keys in a PKCS #12 file under the given aliases. */
  static Path pkcs12(Path file, char[] password, List<String> aliases, SigningKey... keys)
      throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < keys.length; i++) {
      store.setKeyEntry(
          aliases.get(i),
          keys[i].privateKey(),
          password,
          keys[i].chain().toArray(new Certificate[0]));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    return file;
  }
}
