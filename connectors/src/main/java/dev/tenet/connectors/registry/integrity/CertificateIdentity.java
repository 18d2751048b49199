package dev.tenet.connectors.registry.integrity;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who a Sigstore (Fulcio) certificate was issued to: the subject alternative name (a workflow URL
 * such as {@code https://github.com/acme/api/.github/workflows/release.yml@refs/heads/main}, or an
 * e-mail address) and the OIDC issuer that vouched for it.
 */
public record CertificateIdentity(String subject, String issuer) {
  /** Fulcio's extension for the OIDC issuer (v1: raw text; v2: a DER UTF8String). */
  static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";

  static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";

  public static CertificateIdentity of(X509Certificate cert) {
    return new CertificateIdentity(subject(cert).orElse(null), issuer(cert).orElse(null));
  }

  public String describe() {
    return (subject == null ? "an unnamed identity" : subject)
        + (issuer == null ? "" : " (issuer " + issuer + ")");
  }

  static Optional<String> subject(X509Certificate cert) {
    try {
      var names = cert.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      for (List<?> name : names) {
        // 6: URI, 1: rfc822 (e-mail)
        Object type = name.get(0);
        if ((Integer.valueOf(6).equals(type) || Integer.valueOf(1).equals(type))
            && name.get(1) instanceof String s) {
          return Optional.of(s);
        }
      }
    } catch (CertificateParsingException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static Optional<String> issuer(X509Certificate cert) {
    byte[] v2 = cert.getExtensionValue(ISSUER_V2);
    if (v2 != null) {
      // OCTET STRING wrapping a UTF8String.
      return derString(derContent(v2));
    }
    byte[] v1 = cert.getExtensionValue(ISSUER_V1);
    if (v1 != null) {
      byte[] raw = derContent(v1);
      return raw == null ? Optional.empty() : Optional.of(new String(raw, StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }

  /** The content of one DER element (tag, length, content). */
  static byte[] derContent(byte[] der) {
    if (der == null || der.length < 2) {
      return null;
    }
    int length = der[1] & 0xff;
    int offset = 2;
    if (length > 0x80) {
      int bytes = length - 0x80;
      if (bytes > 3 || der.length < 2 + bytes) {
        return null;
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[2 + i] & 0xff);
      }
      offset = 2 + bytes;
    }
    if (offset + length > der.length) {
      return null;
    }
    return Arrays.copyOfRange(der, offset, offset + length);
  }

  private static Optional<String> derString(byte[] der) {
    byte[] content = derContent(der);
    return content == null
        ? Optional.empty()
        : Optional.of(new String(content, StandardCharsets.UTF_8));
  }
}
