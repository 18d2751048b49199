package dev.tenet.connectors.registry;

import java.util.List;

/** The media and artifact types Tenet reads from registries. */
public final class MediaTypes {
  private MediaTypes() {}

  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /** Every manifest type Tenet accepts, for the {@code Accept} header of manifest requests. */
  public static final List<String> MANIFESTS =
      List.of(OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  /** cosign's simple-signing payload: one layer per signature of a {@code .sig} manifest. */
  public static final String COSIGN_SIMPLE_SIGNING =
      "application/vnd.dev.cosign.simplesigning.v1+json";

  /** cosign's artifact type for signatures attached through the referrers API. */
  public static final String COSIGN_SIGNATURE_ARTIFACT =
      "application/vnd.dev.cosign.artifact.sig.v1+json";

  /** A DSSE envelope (an attestation), one layer per attestation of a {@code .att} manifest. */
  public static final String DSSE_ENVELOPE = "application/vnd.dsse.envelope.v1+json";

  /** An in-toto statement stored as is (BuildKit's attestations), unsigned. */
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  /** A Sigstore bundle (cosign 3 and the referrers API): a signature or an attestation. */
  public static final String SIGSTORE_BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";

  /** A Notary v2 (Notation) signature: recognized, not verified by Tenet. */
  public static final String NOTATION_SIGNATURE = "application/vnd.cncf.notary.signature";

  /** The annotation holding a cosign signature (base64) on a simple-signing layer. */
  public static final String COSIGN_SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";

  /** The annotation holding the signer's certificate (PEM) of a keyless cosign signature. */
  public static final String COSIGN_CERTIFICATE_ANNOTATION = "dev.sigstore.cosign/certificate";

  /** The annotation holding the certificate chain (PEM) of a keyless cosign signature. */
  public static final String COSIGN_CHAIN_ANNOTATION = "dev.sigstore.cosign/chain";

  /** The annotation holding the transparency-log bundle (Rekor entry) of a cosign signature. */
  public static final String COSIGN_BUNDLE_ANNOTATION = "dev.sigstore.cosign/bundle";

  /** BuildKit marks attestation manifests of an index with this annotation. */
  public static final String DOCKER_REFERENCE_TYPE = "vnd.docker.reference.type";

  public static final String DOCKER_REFERENCE_DIGEST = "vnd.docker.reference.digest";

  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
  }
}
