package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Sigstore trusted root ({@code trusted_root.json}): the certificate authorities that issue
 * signing certificates (Fulcio) and the transparency logs whose promises date signatures (Rekor),
 * each with the period it is trusted for. Tenet ships the public-good instance's root and reads it
 * offline; an organization running its own Sigstore gives its own.
 */
public final class TrustedRoot {
  static final String BUNDLED =
      "/dev/tenet/connectors/registry/integrity/sigstore-trusted-root.json";

  /** A certificate authority: its chain (issuing certificate first, root last) and validity. */
  public record Authority(List<X509Certificate> chain, Instant start, Instant end) {
    boolean validAt(Instant t) {
      return !t.isBefore(start) && (end == null || !t.isAfter(end));
    }
  }

  /** A transparency log's key and validity, by log id (hex). */
  public record Log(String url, PublicKey key, Instant start, Instant end) {
    boolean validAt(Instant t) {
      return !t.isBefore(start) && (end == null || !t.isAfter(end));
    }
  }

  private final List<Authority> authorities;
  private final Map<String, Log> logs;

  public TrustedRoot(List<Authority> authorities, Map<String, Log> logs) {
    this.authorities = List.copyOf(authorities);
    this.logs = Map.copyOf(logs);
  }

  /** The public-good instance's root, as shipped with Tenet. */
  public static TrustedRoot publicGood() {
    try (InputStream in = TrustedRoot.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("The bundled Sigstore trusted root is missing");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TrustedRoot load(Path file) throws IOException {
    return parse(Files.readAllBytes(file));
  }

  public static TrustedRoot parse(byte[] json) throws IOException {
    JsonNode root = Json.mapper().readTree(json);
    if (root == null || !root.path("certificateAuthorities").isArray()) {
      throw new IOException("not a Sigstore trusted root (no certificateAuthorities)");
    }
    List<Authority> authorities = new ArrayList<>();
    for (JsonNode ca : root.path("certificateAuthorities")) {
      List<X509Certificate> chain = new ArrayList<>();
      for (JsonNode c : ca.path("certChain").path("certificates")) {
        chain.add(certificate(Base64.getDecoder().decode(c.path("rawBytes").asText())));
      }
      if (!chain.isEmpty()) {
        authorities.add(
            new Authority(
                chain, instant(ca.path("validFor"), "start"), instant(ca.path("validFor"), "end")));
      }
    }
    Map<String, Log> logs = new LinkedHashMap<>();
    for (JsonNode t : root.path("tlogs")) {
      byte[] spki = Base64.getDecoder().decode(t.path("publicKey").path("rawBytes").asText(""));
      Optional<PublicKey> key = TrustedKeys.decode(spki);
      String id =
          HexFormat.of()
              .formatHex(Base64.getDecoder().decode(t.path("logId").path("keyId").asText("")));
      if (key.isPresent() && !id.isEmpty()) {
        JsonNode validity = t.path("publicKey").path("validFor");
        logs.put(
            id,
            new Log(
                t.path("baseUrl").asText(""),
                key.get(),
                instant(validity, "start"),
                instant(validity, "end")));
      }
    }
    return new TrustedRoot(authorities, logs);
  }

  public List<Authority> authorities() {
    return authorities;
  }

  public Optional<Log> log(String logIdHex) {
    return Optional.ofNullable(logs.get(logIdHex));
  }

  static X509Certificate certificate(byte[] der) throws IOException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IOException("a certificate of the trusted root cannot be read", e);
    }
  }

  private static Instant instant(JsonNode validity, String field) {
    String text = validity.path(field).asText("");
    return text.isEmpty() ? (field.equals("start") ? Instant.EPOCH : null) : Instant.parse(text);
  }
}
