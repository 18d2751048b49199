package dev.tenet.connectors.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Content digests as OCI writes them ({@code sha256:<64 hex>}), computed and checked. */
public final class Digests {
  private Digests() {}

  private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern SHA512 = Pattern.compile("sha512:[0-9a-f]{128}");

  public static String sha256(byte[] content) {
    return "sha256:" + hex("SHA-256", content);
  }

  /** Whether the text is a digest Tenet can check (sha256 or sha512, lower-case hex). */
  public static boolean isDigest(String text) {
    return text != null && (SHA256.matcher(text).matches() || SHA512.matcher(text).matches());
  }

  /** Whether {@code content} has this digest. */
  public static boolean matches(String digest, byte[] content) {
    if (!isDigest(digest)) {
      return false;
    }
    String algorithm = digest.startsWith("sha512:") ? "SHA-512" : "SHA-256";
    String expected = digest.substring(digest.indexOf(':') + 1);
    return MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        hex(algorithm, content).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** cosign's tag for what it attaches to a digest: sha256:abc… becomes sha256-abc….sig. */
  public static String cosignTag(String digest, String suffix) {
    return digest.replace(':', '-') + "." + suffix;
  }

  /** Whether a tag is one cosign writes beside an image (signature, attestation, SBOM). */
  public static boolean isCosignTag(String tag) {
    String t = tag.toLowerCase(Locale.ROOT);
    return t.matches("sha(256|512)-[0-9a-f]+\\.(sig|att|sbom)");
  }

  private static String hex(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
