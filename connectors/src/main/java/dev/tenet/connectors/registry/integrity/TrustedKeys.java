package dev.tenet.connectors.registry.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys the organization signs its artifacts with (as {@code cosign generate-key-pair}
 * writes them: a PEM "PUBLIC KEY", ECDSA P-256 by default; RSA and Ed25519 keys work too). A
 * signature counts as verified only when one of these keys verifies it.
 */
public final class TrustedKeys {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  /**
   * One trusted key.
   *
   * @param name where it came from (the file name), to name the signer in findings
   * @param fingerprint sha256 of the key (SubjectPublicKeyInfo), first 16 hex digits
   */
  public record Key(String name, PublicKey key, String fingerprint) {
    public String describe() {
      return name + " (" + fingerprint + ")";
    }
  }

  private final List<Key> keys;

  public TrustedKeys(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  public static TrustedKeys none() {
    return new TrustedKeys(List.of());
  }

  public List<Key> keys() {
    return keys;
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Reads the keys of PEM files; a file that holds none is an error that names it. */
  public static TrustedKeys load(List<Path> files) throws IOException {
    List<Key> keys = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      List<PublicKey> found = parsePem(text);
      if (found.isEmpty()) {
        throw new IOException(file + " holds no PEM public key (-----BEGIN PUBLIC KEY-----)");
      }
      String name = file.getFileName().toString();
      for (int i = 0; i < found.size(); i++) {
        keys.add(key(found.size() == 1 ? name : name + "#" + (i + 1), found.get(i)));
      }
    }
    return new TrustedKeys(keys);
  }

  public static Key key(String name, PublicKey key) {
    return new Key(name, key, fingerprint(key));
  }

  /** The public keys of a PEM text ({@code PUBLIC KEY} blocks); unreadable blocks are skipped. */
  public static List<PublicKey> parsePem(String text) {
    List<PublicKey> keys = new ArrayList<>();
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(m.group(1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      decode(der).ifPresent(keys::add);
    }
    return keys;
  }

  /** A SubjectPublicKeyInfo (DER) as a key of whichever algorithm it is. */
  public static Optional<PublicKey> decode(byte[] spki) {
    for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
      try {
        return Optional.of(
            KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki)));
      } catch (GeneralSecurityException e) {
        // Try the next algorithm.
      }
    }
    return Optional.empty();
  }

  public static String fingerprint(PublicKey key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The trusted key that verifies this signature over {@code data}, if any. */
  public Optional<Key> verifier(byte[] data, byte[] signature) {
    for (Key k : keys) {
      if (verifies(k.key(), data, signature)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code key} verifies {@code signature} over {@code data} the way cosign signs: ECDSA
   * with SHA-256 (SHA-384 for P-384) and an ASN.1 DER signature, RSA PKCS#1 v1.5 or PSS with
   * SHA-256, or Ed25519.
   */
  public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    List<String> algorithms =
        switch (key.getAlgorithm()) {
          case "EC" -> {
            int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
            yield bits > 256 ? List.of("SHA384withECDSA") : List.of("SHA256withECDSA");
          }
          case "RSA" -> List.of("SHA256withRSA", "RSASSA-PSS");
          case "Ed25519", "EdDSA" -> List.of("Ed25519");
          default -> List.of();
        };
    for (String algorithm : algorithms) {
      try {
        Signature verifier = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
          verifier.setParameter(
              new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        verifier.initVerify(key);
        verifier.update(data);
        if (verifier.verify(signature)) {
          return true;
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        // A malformed signature does not verify.
      }
    }
    return false;
  }
}
