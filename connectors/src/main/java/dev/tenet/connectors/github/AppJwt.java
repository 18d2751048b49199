package dev.tenet.connectors.github;

import dev.tenet.core.credentials.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App signs (RS256) to ask for an installation token: issued a minute
 * in the past (clock drift), valid for nine minutes (GitHub allows ten).
 */
final class AppJwt {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private final String issuer;
  private final PrivateKey key;

  AppJwt(String issuer, Secret privateKeyPem) {
    this.issuer = issuer;
    this.key = parse(privateKeyPem);
  }

  String sign(Instant now) {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String payload =
        "{\"iat\":"
            + (now.getEpochSecond() - 60)
            + ",\"exp\":"
            + (now.getEpochSecond() + 540)
            + ",\"iss\":\""
            + issuer
            + "\"}";
    String signingInput =
        URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the GitHub App token request", e);
    }
  }

  /** Reads an RSA private key from PEM: PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY"). */
  static PrivateKey parse(Secret pem) {
    String text = pem.reveal();
    boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
    if (!pkcs1 && !text.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "The GitHub App private key is not a PEM private key (expected the .pem file GitHub"
              + " generated, starting with -----BEGIN RSA PRIVATE KEY-----).");
    }
    String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("The GitHub App private key cannot be read as RSA.");
    }
  }

  /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey: version 0, rsaEncryption, the key. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_ID);
    body.write(0x04);
    body.writeBytes(length(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(length(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] length(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    }
    if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }
}
