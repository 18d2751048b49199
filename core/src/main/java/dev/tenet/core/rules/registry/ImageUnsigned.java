package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * A published image without a signature Tenet could verify; a signature that fails verification
 * (altered, copied from another image, signed by an untrusted key) is the worse case.
 */
public final class ImageUnsigned implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-SIGN-001",
          "artifact-unsigned",
          Severity.HIGH,
          "Published image has no verifiable signature",
          "Without a signature the organization trusts, nothing tells the image the pipeline"
              + " built from one pushed with a stolen registry token, and admission control cannot"
              + " refuse it. A signature that fails verification is worse: someone altered the"
              + " image or its signature, or signed it with a key that is not the organization's.",
          List.of(
              "Sign every image in the pipeline that builds it, by digest: cosign sign --key"
                  + " cosign.key IMAGE@DIGEST (or keyless, with the pipeline's OIDC identity).",
              "Give Tenet the public key (--registry-key cosign.pub) so it verifies rather than"
                  + " assumes.",
              "For an image whose signature fails: do not deploy it; find who pushed it (registry"
                  + " audit log) and rotate the credentials that could push.",
              "Enforce signatures at admission (Sigstore policy-controller, Kyverno verifyImages)."),
          List.of(
              Registries.DOCS + "cosign/signing/signing_with_containers/",
              "https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-referrers",
              "https://slsa.dev/spec/v1.0/requirements"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity image : Registries.taggedImages(context.graph())) {
      String status = image.text(Attr.SIGNATURE).orElse(null);
      if (status == null) {
        outcomes.unknown(image.id(), "signatures could not be read");
        continue;
      }
      String detail = image.text(Attr.SIGNATURE_DETAIL).orElse(null);
      switch (status) {
        case "verified" -> outcomes.pass(image.id());
        case "absent" ->
            evidence(
                    outcomes.fail(
                        image.id(), "Image " + Registries.describe(image) + " is not signed."),
                    image)
                .severity(Severity.HIGH);
        case "invalid" ->
            evidence(
                    outcomes.fail(
                        image.id(),
                        "The signature of image "
                            + Registries.describe(image)
                            + " fails verification: "
                            + detail
                            + "."),
                    image)
                .with("failure", detail)
                .severity(Severity.CRITICAL);
        default -> outcomes.unknown(image.id(), detail == null ? status : detail);
      }
    }
  }

  private static dev.tenet.core.rule.FindingDraft evidence(
      dev.tenet.core.rule.FindingDraft draft, Entity image) {
    return draft
        .with("tag", image.text(Attr.TAG).orElse(null))
        .with("digest", image.text(Attr.DIGEST).orElse(null))
        .with("signature", image.text(Attr.SIGNATURE).orElse(null))
        .with("signer", image.text(Attr.SIGNER).orElse(null))
        .with("found_in", image.text(Attr.SIGNATURE_SOURCE).orElse(null))
        .with("pushed_at", image.text(Attr.PUSHED_AT).orElse(null));
  }
}
