package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope (Dead Simple Signing Envelope), the wrapper of in-toto attestations: a payload,
 * its type, and signatures over the pre-authentication encoding (PAE) of both.
 */
public record Dsse(
    String payloadType, byte[] payload, List<byte[]> signatures, List<String> certificates) {
  public Dsse {
    signatures = List.copyOf(signatures);
    certificates = java.util.Collections.unmodifiableList(new ArrayList<>(certificates));
  }

  public static Dsse parse(byte[] envelope) throws IOException {
    JsonNode json = Json.mapper().readTree(envelope);
    if (json == null || !json.path("payload").isTextual()) {
      throw new IOException("not a DSSE envelope");
    }
    List<byte[]> sigs = new ArrayList<>();
    List<String> certs = new ArrayList<>();
    try {
      byte[] payload = Base64.getDecoder().decode(json.path("payload").asText());
      for (JsonNode s : json.path("signatures")) {
        String sig = s.path("sig").asText("");
        if (!sig.isEmpty()) {
          sigs.add(Base64.getDecoder().decode(sig));
          // The SLSA GitHub generator puts the signer's certificate beside its signature.
          certs.add(s.hasNonNull("cert") ? s.path("cert").asText() : null);
        }
      }
      return new Dsse(json.path("payloadType").asText(""), payload, sigs, certs);
    } catch (IllegalArgumentException e) {
      throw new IOException("the DSSE envelope holds invalid base64");
    }
  }

  /** What the signatures sign: {@code DSSEv1 <len> <type> <len> <payload>}. */
  public byte[] pae() {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
