package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds OCI content the way real tools write it, for the registry emulator, the demo and tests
 * that push to a real registry: images (config and layer blobs, an OCI manifest), cosign signatures
 * (a simple-signing payload signed with ECDSA P-256, in a {@code sha256-….sig} manifest or as an
 * OCI 1.1 referrer) and cosign attestations (in-toto SLSA provenance in a DSSE envelope).
 * Everything is deterministic for the same inputs, except signatures (ECDSA is randomized).
 */
public final class OciArtifacts {
  private OciArtifacts() {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  public static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
  public static final String COSIGN_SIG_ARTIFACT =
      "application/vnd.dev.cosign.artifact.sig.v1+json";
  public static final String DSSE = "application/vnd.dsse.envelope.v1+json";
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  /** A blob: content addressed by its digest. */
  public record Blob(String digest, String mediaType, byte[] content) {
    public long size() {
      return content.length;
    }
  }

  /**
   * A manifest with what it needs in the registry first: its blobs and, for an index, the manifests
   * it lists.
   */
  public record Manifest(
      String digest, String mediaType, byte[] content, List<Blob> blobs, List<Manifest> manifests) {
    public long size() {
      return content.length;
    }

    /** This manifest as a descriptor, e.g. an OCI 1.1 subject. */
    public ObjectNode descriptor() {
      return JSON.objectNode()
          .put("mediaType", mediaType)
          .put("digest", digest)
          .put("size", size());
    }
  }

  /** How a signature or attestation is spoiled, for the cases Tenet must tell apart. */
  public enum Tamper {
    /** As signed. */
    NONE,
    /** The signed content was changed after signing (the signature no longer matches). */
    ALTERED
  }

  public static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Blob blob(String mediaType, byte[] content) {
    return new Blob(sha256(content), mediaType, content);
  }

  /** A small single-layer Linux image whose content depends only on {@code seed}. */
  public static Manifest image(String seed) {
    Blob layer =
        blob(
            OCI_LAYER,
            gzip(("tenet sample image " + seed + "\n").getBytes(StandardCharsets.UTF_8)));
    ObjectNode config = JSON.objectNode();
    config.put("created", "2026-11-01T00:00:00Z").put("architecture", "amd64").put("os", "linux");
    config.putObject("config").putObject("Labels").put("org.opencontainers.image.title", seed);
    ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
    rootfs.putArray("diff_ids").add(layer.digest());
    Blob configBlob = blob(OCI_CONFIG, bytes(config));
    return manifest(
        OCI_MANIFEST,
        null,
        configBlob,
        List.of(layer),
        List.of(),
        null,
        List.of(configBlob, layer));
  }

  /** cosign's simple-signing payload for an image digest. */
  public static byte[] simpleSigningPayload(String dockerReference, String imageDigest) {
    ObjectNode payload = JSON.objectNode();
    ObjectNode critical = payload.putObject("critical");
    critical.putObject("identity").put("docker-reference", dockerReference);
    critical.putObject("image").put("docker-manifest-digest", imageDigest);
    critical.put("type", "cosign container image signature");
    payload.putNull("optional");
    return bytes(payload);
  }

  /**
   * A cosign signature manifest (the content of tag {@code sha256-<digest>.sig}, or with {@code
   * referrerOf} an OCI 1.1 referrer of that image).
   *
   * @param signedDigest the digest the payload names (another image's, to plant a signature copied
   *     from it)
   * @param hint whether to attach a transparency-log bundle naming the signer's public key, as
   *     cosign does when it uploads to Rekor
   * @param referrerOf the image to refer to (OCI 1.1 subject), or null for the tag scheme
   */
  public static Manifest cosignSignature(
      String dockerReference,
      String signedDigest,
      KeyPair key,
      Tamper tamper,
      boolean hint,
      Manifest referrerOf) {
    byte[] payload = simpleSigningPayload(dockerReference, signedDigest);
    String signature = sign(key.getPrivate(), payload);
    if (tamper == Tamper.ALTERED) {
      // The payload is edited after signing: here its identity is changed.
      payload = simpleSigningPayload(dockerReference + "-rebuilt", signedDigest);
    }
    Blob payloadBlob = blob(SIMPLE_SIGNING, payload);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("dev.cosignproject.cosign/signature", signature);
    if (hint) {
      annotations.put("dev.sigstore.cosign/bundle", rekorBundle(key.getPublic(), signature));
    }
    return layeredArtifact(payloadBlob, annotations, referrerOf, COSIGN_SIG_ARTIFACT);
  }

  /**
   * A cosign attestation manifest (tag {@code sha256-<digest>.att}): the statement in a DSSE
   * envelope signed with {@code key}, or unsigned when {@code key} is null.
   */
  public static Manifest attestation(
      byte[] statement,
      String predicateType,
      KeyPair key,
      Tamper tamper,
      boolean hint,
      Manifest referrerOf) {
    byte[] pae = pae(IN_TOTO, statement);
    String signature = key == null ? null : sign(key.getPrivate(), pae);
    byte[] payload = statement;
    if (tamper == Tamper.ALTERED) {
      payload =
          new String(statement, StandardCharsets.UTF_8)
              .replace("refs/heads/main", "refs/heads/evil")
              .getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode envelope = JSON.objectNode();
    envelope
        .put("payloadType", IN_TOTO)
        .put("payload", Base64.getEncoder().encodeToString(payload));
    ArrayNode sigs = envelope.putArray("signatures");
    if (signature != null) {
      sigs.addObject().put("keyid", "").put("sig", signature);
    }
    Blob envelopeBlob = blob(DSSE, bytes(envelope));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("dev.cosignproject.cosign/signature", "");
    annotations.put("predicateType", predicateType);
    if (hint && key != null) {
      annotations.put("dev.sigstore.cosign/bundle", rekorBundle(key.getPublic(), signature));
    }
    return layeredArtifact(envelopeBlob, annotations, referrerOf, DSSE);
  }

  /**
   * An in-toto statement with SLSA provenance v1 in the shape GitHub's artifact attestations write
   * (buildType actions workflow v1).
   *
   * @param repository the source, e.g. https://github.com/acme-corp/payments-api
   * @param builderId e.g. https://github.com/actions/runner/github-hosted
   */
  public static byte[] slsaProvenance(
      String subjectName,
      String digest,
      String repository,
      String workflowPath,
      String ref,
      String builderId) {
    ObjectNode statement = JSON.objectNode();
    statement.put("_type", "https://in-toto.io/Statement/v1");
    ObjectNode subject = statement.putArray("subject").addObject().put("name", subjectName);
    subject.putObject("digest").put("sha256", digest.substring(digest.indexOf(':') + 1));
    statement.put("predicateType", "https://slsa.dev/provenance/v1");
    ObjectNode predicate = statement.putObject("predicate");
    ObjectNode definition = predicate.putObject("buildDefinition");
    definition.put("buildType", "https://actions.github.io/buildtypes/workflow/v1");
    definition
        .putObject("externalParameters")
        .putObject("workflow")
        .put("ref", ref)
        .put("repository", repository)
        .put("path", workflowPath);
    definition
        .putArray("resolvedDependencies")
        .addObject()
        .put("uri", "git+" + repository + "@" + ref)
        .putObject("digest")
        .put(
            "gitCommit",
            sha256((repository + ref).getBytes(StandardCharsets.UTF_8)).substring(7, 47));
    ObjectNode run = predicate.putObject("runDetails");
    run.putObject("builder").put("id", builderId);
    run.putObject("metadata")
        .put("invocationId", repository + "/actions/runs/1234567890/attempts/1");
    return bytes(statement);
  }

  /**
   * An image index as {@code docker buildx build --provenance} writes it: the platform image and an
   * attestation manifest holding the unsigned in-toto statement about it.
   */
  public static Manifest buildKitIndex(Manifest platformImage, byte[] statement) {
    Blob layer = blob(IN_TOTO, statement);
    ObjectNode layerDescriptor =
        JSON.objectNode()
            .put("mediaType", IN_TOTO)
            .put("digest", layer.digest())
            .put("size", layer.size());
    layerDescriptor
        .putObject("annotations")
        .put("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2");
    Blob config =
        blob(
            OCI_CONFIG,
            bytes(JSON.objectNode().put("architecture", "unknown").put("os", "unknown")));
    Manifest attestation =
        manifest(
            OCI_MANIFEST,
            null,
            config,
            List.of(),
            List.of(layerDescriptor),
            null,
            List.of(config, layer));
    ObjectNode index = JSON.objectNode();
    index.put("schemaVersion", 2).put("mediaType", OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    ObjectNode image = platformImage.descriptor();
    image.putObject("platform").put("architecture", "amd64").put("os", "linux");
    manifests.add(image);
    ObjectNode att = attestation.descriptor();
    att.putObject("platform").put("architecture", "unknown").put("os", "unknown");
    att.putObject("annotations")
        .put("vnd.docker.reference.digest", platformImage.digest())
        .put("vnd.docker.reference.type", "attestation-manifest");
    manifests.add(att);
    byte[] content = bytes(index);
    return new Manifest(
        sha256(content), OCI_INDEX, content, List.of(), List.of(platformImage, attestation));
  }

  /**
   * An unsigned SLSA v0.2 statement as BuildKit writes it (builder id, config source, BuildKit
   * metadata with the git source).
   */
  public static byte[] buildKitProvenance(String subjectName, String digest, String gitSource) {
    ObjectNode statement = JSON.objectNode();
    statement.put("_type", "https://in-toto.io/Statement/v0.1");
    statement.put("predicateType", "https://slsa.dev/provenance/v0.2");
    ObjectNode subject = statement.putArray("subject").addObject().put("name", subjectName);
    subject.putObject("digest").put("sha256", digest.substring(digest.indexOf(':') + 1));
    ObjectNode predicate = statement.putObject("predicate");
    predicate.putObject("builder").put("id", "");
    predicate.put("buildType", "https://mobyproject.org/buildkit@v1");
    ObjectNode invocation = predicate.putObject("invocation");
    invocation.putObject("configSource").put("entryPoint", "Dockerfile");
    predicate
        .putObject("metadata")
        .put("buildInvocationID", "u6ctq0gxdmb7ohbqrt3z1rq6v")
        .putObject("https://mobyproject.org/buildkit@v1#metadata")
        .putObject("vcs")
        .put("source", gitSource)
        .put("revision", sha256(gitSource.getBytes(StandardCharsets.UTF_8)).substring(7, 47));
    return bytes(statement);
  }

  /** The referrers API's answer (an image index of descriptors) for these referrers. */
  public static byte[] referrersIndex(List<Manifest> referrers, Map<String, String> artifactTypes) {
    ObjectNode index = JSON.objectNode();
    index.put("schemaVersion", 2).put("mediaType", OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (Manifest m : referrers) {
      ObjectNode d = m.descriptor();
      String type = artifactTypes.get(m.digest());
      if (type != null) {
        d.put("artifactType", type);
      }
      manifests.add(d);
    }
    return bytes(index);
  }

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as cosign writes cosign.pub. */
  public static String publicKeyPem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** ECDSA P-256 with SHA-256, ASN.1 DER, base64: cosign's signature encoding. */
  public static String sign(PrivateKey key, byte[] content) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(content);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] pae(String type, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] t = type.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(
        ("DSSEv1 " + t.length + " " + type + " " + payload.length + " ")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** A transparency-log bundle as cosign attaches it: a hashedrekord entry naming the key. */
  static String rekorBundle(PublicKey key, String signature) {
    ObjectNode body = JSON.objectNode();
    body.put("apiVersion", "0.0.1").put("kind", "hashedrekord");
    ObjectNode spec = body.putObject("spec");
    spec.putObject("data")
        .putObject("hash")
        .put("algorithm", "sha256")
        .put("value", "0".repeat(64));
    ObjectNode sig = spec.putObject("signature").put("content", signature);
    sig.putObject("publicKey")
        .put(
            "content",
            Base64.getEncoder()
                .encodeToString(publicKeyPem(key).getBytes(StandardCharsets.US_ASCII)));
    ObjectNode bundle = JSON.objectNode();
    bundle.put("SignedEntryTimestamp", Base64.getEncoder().encodeToString(new byte[70]));
    bundle
        .putObject("Payload")
        .put("body", Base64.getEncoder().encodeToString(bytes(body)))
        .put("integratedTime", 1_793_491_200L)
        .put("logIndex", 151_234_567L)
        .put("logID", "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d");
    return new String(bytes(bundle), StandardCharsets.UTF_8);
  }

  private static Manifest layeredArtifact(
      Blob layer, Map<String, String> annotations, Manifest referrerOf, String artifactType) {
    Blob config;
    String type = null;
    if (referrerOf == null) {
      ObjectNode c = JSON.objectNode();
      c.put("architecture", "").put("created", "0001-01-01T00:00:00Z");
      c.putArray("history").addObject().put("created", "0001-01-01T00:00:00Z");
      c.put("os", "");
      c.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(layer.digest());
      c.putObject("config");
      config = blob(OCI_CONFIG, bytes(c));
    } else {
      config = blob(OCI_EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
      type = artifactType;
    }
    ObjectNode d =
        JSON.objectNode()
            .put("mediaType", layer.mediaType())
            .put("size", layer.size())
            .put("digest", layer.digest());
    ObjectNode a = d.putObject("annotations");
    annotations.forEach(a::put);
    return manifest(
        OCI_MANIFEST, type, config, List.of(), List.of(d), referrerOf, List.of(config, layer));
  }

  private static Manifest manifest(
      String mediaType,
      String artifactType,
      Blob config,
      List<Blob> layers,
      List<ObjectNode> layerDescriptors,
      Manifest subject,
      List<Blob> blobs) {
    ObjectNode m = JSON.objectNode();
    m.put("schemaVersion", 2).put("mediaType", mediaType);
    if (artifactType != null) {
      m.put("artifactType", artifactType);
    }
    m.putObject("config")
        .put("mediaType", config.mediaType())
        .put("size", config.size())
        .put("digest", config.digest());
    ArrayNode l = m.putArray("layers");
    for (Blob b : layers) {
      l.addObject().put("mediaType", b.mediaType()).put("size", b.size()).put("digest", b.digest());
    }
    layerDescriptors.forEach(l::add);
    if (subject != null) {
      m.set("subject", subject.descriptor());
    }
    byte[] content = bytes(m);
    return new Manifest(sha256(content), mediaType, content, new ArrayList<>(blobs), List.of());
  }

  static byte[] bytes(Object json) {
    try {
      return Json.mapper().writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray(); // Java writes no timestamp: the same seed, the same digest
  }
}
