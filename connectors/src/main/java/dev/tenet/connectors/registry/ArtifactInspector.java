package dev.tenet.connectors.registry;

import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.registry.integrity.Attestations;
import dev.tenet.connectors.registry.integrity.CosignSignatures;
import dev.tenet.connectors.registry.integrity.KeylessVerifier;
import dev.tenet.connectors.registry.integrity.Provenance;
import dev.tenet.connectors.registry.integrity.SigstoreBundle;
import dev.tenet.connectors.registry.integrity.Statement;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.integrity.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and checks what vouches for one image: its signatures and attestations, through the OCI 1.1
 * referrers API when the registry has it and through cosign's tag scheme ({@code
 * sha256-<digest>.sig}, {@code .att}) always, plus the attestation manifests BuildKit puts in an
 * image index. Reads only; every blob is checked against its digest.
 */
public final class ArtifactInspector {
  /** More signatures or attestations than this on one image are not read (a flood is a finding). */
  static final int MAX_PER_IMAGE = 20;

  /**
   * What vouches for one image.
   *
   * @param signatureSources where signatures were found (referrers API, tag …sig)
   * @param provenance the facts of the decisive provenance, or null
   */
  public record Result(
      Verdict signature,
      Set<String> signatureSources,
      Verdict provenanceVerdict,
      Provenance provenance) {}

  private final OciClient client;
  private final TrustedKeys keys;
  private final KeylessVerifier keyless;
  private final CosignSignatures signatures;
  private final Attestations attestations;

  public ArtifactInspector(OciClient client, TrustedKeys keys, KeylessVerifier keyless) {
    this.client = client;
    this.keys = keys;
    this.keyless = keyless;
    this.signatures = new CosignSignatures(keys, keyless);
    this.attestations = new Attestations(keys, keyless);
  }

  public Result inspect(String repository, OciManifest image)
      throws ApiException, InterruptedException {
    String digest = image.digest();
    List<Verdict> sigVerdicts = new ArrayList<>();
    List<Attestations.Checked> checked = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();

    Optional<List<Descriptor>> referrers = client.referrers(repository, digest);
    if (referrers.isPresent()) {
      for (Descriptor d : referrers.get().stream().limit(MAX_PER_IMAGE).toList()) {
        readReferrer(repository, digest, d, sigVerdicts, checked, sources);
      }
    }
    readTag(repository, digest, "sig", sigVerdicts, checked, sources);
    readTag(repository, digest, "att", sigVerdicts, checked, sources);
    if (image.isIndex()) {
      readBuildKitAttestations(repository, image, checked);
    }

    Verdict signature =
        sigVerdicts.isEmpty()
            ? new Verdict(Verdict.Status.ABSENT, "no signature found", null)
            : Verdict.decisive(sigVerdicts);
    List<Attestations.Checked> provenances =
        checked.stream()
            .filter(c -> c.statement() == null || c.statement().isProvenance())
            .toList();
    Verdict provenanceVerdict;
    Provenance provenance = null;
    if (provenances.isEmpty()) {
      provenanceVerdict =
          new Verdict(Verdict.Status.ABSENT, "no provenance attestation found", null);
    } else {
      provenanceVerdict =
          Verdict.decisive(provenances.stream().map(Attestations.Checked::verdict).toList());
      for (Attestations.Checked c : provenances) {
        if (c.verdict().equals(provenanceVerdict) && c.statement() != null) {
          provenance = Provenance.of(c.statement());
          break;
        }
      }
    }
    return new Result(signature, sources, provenanceVerdict, provenance);
  }

  private void readReferrer(
      String repository,
      String digest,
      Descriptor referrer,
      List<Verdict> sigVerdicts,
      List<Attestations.Checked> checked,
      Set<String> sources)
      throws ApiException, InterruptedException {
    String type = referrer.artifactType() == null ? "" : referrer.artifactType();
    if (type.startsWith(MediaTypes.NOTATION_SIGNATURE)) {
      sigVerdicts.add(
          Verdict.unverifiable(
              "a Notation (Notary v2) signature is attached; Tenet verifies cosign and Sigstore"
                  + " signatures only",
              null));
      sources.add("referrers API");
      return;
    }
    boolean cosign = type.equals(MediaTypes.COSIGN_SIGNATURE_ARTIFACT);
    boolean bundle = type.startsWith(MediaTypes.SIGSTORE_BUNDLE_PREFIX);
    boolean attestation = type.equals(MediaTypes.DSSE_ENVELOPE) || type.equals(MediaTypes.IN_TOTO);
    if (!cosign && !bundle && !attestation) {
      return; // An SBOM, a scan report…: not evidence of origin.
    }
    OciManifest manifest;
    try {
      manifest = client.manifest(repository, referrer.digest());
    } catch (OciClient.ContentMismatch e) {
      sigVerdicts.add(Verdict.invalid("a referrer " + e.getMessage(), null));
      return;
    }
    if (cosign) {
      sources.add("referrers API");
      readSignatureLayers(repository, digest, manifest, sigVerdicts);
    } else if (bundle) {
      readBundles(repository, image(repository, digest), manifest, sigVerdicts, checked, sources);
    } else {
      readAttestationLayers(repository, digest, manifest, checked);
    }
  }

  private void readTag(
      String repository,
      String digest,
      String suffix,
      List<Verdict> sigVerdicts,
      List<Attestations.Checked> checked,
      Set<String> sources)
      throws ApiException, InterruptedException {
    String tag = Digests.cosignTag(digest, suffix);
    Optional<OciManifest> manifest;
    try {
      manifest = client.manifestIfPresent(repository, tag);
    } catch (OciClient.ContentMismatch e) {
      // Cannot happen when asking by tag; kept for the checked exception.
      return;
    }
    if (manifest.isEmpty()) {
      return;
    }
    if (suffix.equals("sig")) {
      sources.add("tag " + tag);
      readSignatureLayers(repository, digest, manifest.get(), sigVerdicts);
    } else {
      readAttestationLayers(repository, digest, manifest.get(), checked);
    }
  }

  private void readSignatureLayers(
      String repository, String digest, OciManifest manifest, List<Verdict> verdicts)
      throws ApiException, InterruptedException {
    for (Descriptor layer : manifest.layers().stream().limit(MAX_PER_IMAGE).toList()) {
      if (!layer.mediaType().equals(MediaTypes.COSIGN_SIMPLE_SIGNING)) {
        continue;
      }
      byte[] payload;
      try {
        payload = client.blob(repository, layer);
      } catch (OciClient.ContentMismatch e) {
        verdicts.add(Verdict.invalid("the signed payload " + e.getMessage(), null));
        continue;
      }
      verdicts.add(
          signatures.verify(
              payload,
              layer.annotation(MediaTypes.COSIGN_SIGNATURE_ANNOTATION),
              layer.annotation(MediaTypes.COSIGN_CERTIFICATE_ANNOTATION),
              layer.annotation(MediaTypes.COSIGN_CHAIN_ANNOTATION),
              layer.annotation(MediaTypes.COSIGN_BUNDLE_ANNOTATION),
              digest));
    }
  }

  private void readAttestationLayers(
      String repository, String digest, OciManifest manifest, List<Attestations.Checked> checked)
      throws ApiException, InterruptedException {
    for (Descriptor layer : manifest.layers().stream().limit(MAX_PER_IMAGE).toList()) {
      byte[] content;
      try {
        if (layer.mediaType().equals(MediaTypes.DSSE_ENVELOPE)) {
          content = client.blob(repository, layer);
          attestations
              .verifyEnvelope(
                  content,
                  layer.annotation(MediaTypes.COSIGN_CERTIFICATE_ANNOTATION),
                  layer.annotation(MediaTypes.COSIGN_CHAIN_ANNOTATION),
                  layer.annotation(MediaTypes.COSIGN_BUNDLE_ANNOTATION),
                  digest)
              .ifPresent(checked::add);
        } else if (layer.mediaType().equals(MediaTypes.IN_TOTO)) {
          content = client.blob(repository, layer);
          checked.add(attestations.unsignedStatement(content, digest));
        }
      } catch (OciClient.ContentMismatch e) {
        checked.add(
            new Attestations.Checked(
                Verdict.invalid("the attestation " + e.getMessage(), null), null));
      }
    }
  }

  /** The image manifest itself (cached by the client), for signatures over its bytes. */
  private OciManifest image(String repository, String digest)
      throws ApiException, InterruptedException {
    try {
      return client.manifest(repository, digest);
    } catch (OciClient.ContentMismatch e) {
      return null;
    }
  }

  private void readBundles(
      String repository,
      OciManifest image,
      OciManifest manifest,
      List<Verdict> sigVerdicts,
      List<Attestations.Checked> checked,
      Set<String> sources)
      throws ApiException, InterruptedException {
    if (image == null) {
      sigVerdicts.add(Verdict.invalid("the image manifest does not match its digest", null));
      return;
    }
    String digest = image.digest();
    for (Descriptor layer : manifest.layers().stream().limit(MAX_PER_IMAGE).toList()) {
      SigstoreBundle bundle;
      byte[] raw;
      try {
        raw = client.blob(repository, layer);
        bundle = SigstoreBundle.parse(raw);
      } catch (OciClient.ContentMismatch e) {
        sigVerdicts.add(Verdict.invalid("a Sigstore bundle " + e.getMessage(), null));
        continue;
      } catch (IOException e) {
        continue;
      }
      String bundleJson = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
      if (bundle.messageSignature() != null) {
        // A signature over the image manifest's own bytes.
        sources.add("referrers API (Sigstore bundle)");
        Optional<TrustedKeys.Key> key = keys.verifier(image.raw(), bundle.messageSignature());
        if (key.isPresent()) {
          sigVerdicts.add(
              Verdict.verified(
                  "verified with trusted key " + key.get().describe(), key.get().describe()));
        } else if (bundle.certificatePem() != null) {
          sigVerdicts.add(
              keyless.verify(
                  image.raw(),
                  bundle.messageSignature(),
                  bundle.certificatePem(),
                  null,
                  bundleJson));
        } else {
          sigVerdicts.add(
              CosignSignatures.explainUntrusted(
                  image.raw(), bundle.messageSignature(), null, keys));
        }
        continue;
      }
      if (bundle.dsseEnvelope() == null) {
        continue;
      }
      Optional<Attestations.Checked> result =
          attestations.verifyEnvelope(
              bundle.dsseEnvelope(), bundle.certificatePem(), null, bundleJson, digest);
      if (result.isEmpty()) {
        continue;
      }
      Statement statement = result.get().statement();
      if (statement != null
          && statement.predicateType().equals(SigstoreBundle.COSIGN_SIGN_PREDICATE)) {
        sources.add("referrers API (Sigstore bundle)");
        sigVerdicts.add(result.get().verdict());
      } else {
        checked.add(result.get());
      }
    }
  }

  /** BuildKit's attestation manifests inside an image index (unsigned in-toto statements). */
  private void readBuildKitAttestations(
      String repository, OciManifest index, List<Attestations.Checked> checked)
      throws ApiException, InterruptedException {
    for (Descriptor entry : index.manifests()) {
      if (!"attestation-manifest".equals(entry.annotation(MediaTypes.DOCKER_REFERENCE_TYPE))) {
        continue;
      }
      OciManifest attestation;
      try {
        attestation = client.manifest(repository, entry.digest());
      } catch (OciClient.ContentMismatch e) {
        checked.add(
            new Attestations.Checked(
                Verdict.invalid("an attestation " + e.getMessage(), null), null));
        continue;
      }
      // BuildKit's statements name the platform image, which the index lists: any of them counts.
      String subject = entry.annotation(MediaTypes.DOCKER_REFERENCE_DIGEST);
      for (Descriptor layer : attestation.layers()) {
        if (!layer.mediaType().equals(MediaTypes.IN_TOTO)) {
          continue;
        }
        try {
          byte[] content = client.blob(repository, layer);
          checked.add(attestations.unsignedStatement(content, subject == null ? "" : subject));
        } catch (OciClient.ContentMismatch e) {
          checked.add(
              new Attestations.Checked(
                  Verdict.invalid("an attestation " + e.getMessage(), null), null));
        }
      }
    }
  }
}
