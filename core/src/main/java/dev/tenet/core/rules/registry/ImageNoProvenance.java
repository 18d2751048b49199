package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Set;

/**
 * A published image without signed build provenance (SLSA) from the organization's own pipelines:
 * none at all, unsigned, failing verification, describing another artifact, or naming a builder or
 * source outside the organization.
 */
public final class ImageNoProvenance implements Rule {
  /** Builders that run the organization's pipeline definitions on hosted, isolated machines. */
  static final List<String> HOSTED_BUILDERS =
      List.of(
          "https://github.com/actions/runner/github-hosted",
          "https://github.com/actions/runner/self-hosted",
          "https://github.com/slsa-framework/slsa-github-generator/",
          "https://gitlab.com/gitlab-org/gitlab-runner",
          "https://cloudbuild.googleapis.com/googlehostedworker");

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-PROV-001",
          "artifact-no-provenance",
          Severity.MEDIUM,
          "Published image has no signed build provenance from the organization's pipelines",
          "Provenance says which repository, workflow and builder produced an image. Signed by"
              + " the build and checked against the organization's own workflows, it tells an"
              + " image built by the release pipeline from one built on a laptop or by someone"
              + " else's pipeline; unsigned, anyone who can push can write it.",
          List.of(
              "Generate signed SLSA provenance in the workflow that builds the image (GitHub:"
                  + " actions/attest-build-provenance or the SLSA GitHub generator; GitLab: the"
                  + " runner's SLSA provenance; cosign attest --type slsaprovenance).",
              "Make sure the provenance names the image by digest and is signed by a key or"
                  + " identity Tenet trusts (--registry-key).",
              "Scan the source organization in the same assessment (or give --registry-trust"
                  + " github.com/ORG) so builders can be checked against its workflows.",
              "For images built elsewhere: rebuild them in the organization's pipeline."),
          List.of(
              "https://slsa.dev/spec/v1.0/provenance",
              "https://docs.github.com/actions/security-for-github-actions/using-artifact-attestations",
              Registries.DOCS + "cosign/verifying/attestation/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity image : Registries.taggedImages(context.graph())) {
      String status = image.text(Attr.PROVENANCE).orElse(null);
      if (status == null) {
        outcomes.unknown(image.id(), "attestations could not be read");
        continue;
      }
      String detail = image.text(Attr.PROVENANCE_DETAIL).orElse(null);
      String name = Registries.describe(image);
      switch (status) {
        case "absent" ->
            evidence(
                outcomes.fail(image.id(), "Image " + name + " has no build provenance."), image);
        case "invalid" ->
            evidence(
                    outcomes.fail(
                        image.id(),
                        "The build provenance of image "
                            + name
                            + " fails verification: "
                            + detail
                            + "."),
                    image)
                .with("failure", detail)
                .severity(Severity.HIGH);
        case "unsigned" ->
            evidence(
                    outcomes.fail(
                        image.id(),
                        "The build provenance of image "
                            + name
                            + " is not signed: anyone who can push could have written it."),
                    image)
                .severity(Severity.LOW);
        case "verified" -> judgeBuilder(context, image, name, outcomes);
        default -> outcomes.unknown(image.id(), detail == null ? status : detail);
      }
    }
  }

  private static void judgeBuilder(
      RuleContext context, Entity image, String name, Outcomes outcomes) {
    Registries.OwnSources own = new Registries.OwnSources(context.graph(), image);
    String source = image.text(Attr.PROVENANCE_SOURCE).orElse(null);
    String sourceId = image.text(Attr.PROVENANCE_SOURCE_ID).orElse(null);
    String builder = image.text(Attr.PROVENANCE_BUILDER).orElse(null);
    String workflow = image.text(Attr.PROVENANCE_WORKFLOW).orElse(null);
    if (!own.knowsOrganization()) {
      outcomes.unknown(
          image.id(),
          "no organization to compare the builder with (scan the source organization too, or"
              + " give --registry-trust)");
      return;
    }
    if (source == null || !own.isOwn(source, sourceId)) {
      evidence(
              outcomes.fail(
                  image.id(),
                  "Image "
                      + name
                      + " was built from "
                      + (source == null ? "an unnamed source" : source)
                      + ", not from a repository of the organization."),
              image)
          .severity(Severity.HIGH);
      return;
    }
    if (!trustedBuilder(builder, own)) {
      evidence(
              outcomes.fail(
                  image.id(),
                  "Image "
                      + name
                      + " was built by "
                      + (builder == null ? "an unnamed builder" : builder)
                      + ", not a builder the organization's pipelines run on."),
              image)
          .severity(Severity.HIGH);
      return;
    }
    Set<String> workflows = own.workflowsOf(sourceId);
    String path = workflow == null ? null : workflow.split("@")[0];
    if (!workflows.isEmpty() && (path == null || !workflows.contains(path))) {
      evidence(
              outcomes.fail(
                  image.id(),
                  "Image "
                      + name
                      + " names the workflow "
                      + (workflow == null ? "(none)" : workflow)
                      + ", which is not one of the workflows of "
                      + source
                      + "."),
              image)
          .with("known_workflows", List.copyOf(workflows))
          .severity(Severity.HIGH);
      return;
    }
    outcomes.pass(image.id());
  }

  static boolean trustedBuilder(String builder, Registries.OwnSources own) {
    if (builder == null) {
      return false;
    }
    String b = builder.toLowerCase(java.util.Locale.ROOT);
    if (HOSTED_BUILDERS.stream()
        .anyMatch(h -> b.startsWith(h.toLowerCase(java.util.Locale.ROOT)))) {
      return true;
    }
    // A builder that is one of the organization's own (reusable) workflows.
    int scheme = b.indexOf("://");
    return own.underPrefix(scheme < 0 ? b : b.substring(scheme + 3));
  }

  private static FindingDraft evidence(FindingDraft draft, Entity image) {
    return draft
        .with("tag", image.text(Attr.TAG).orElse(null))
        .with("digest", image.text(Attr.DIGEST).orElse(null))
        .with("provenance", image.text(Attr.PROVENANCE).orElse(null))
        .with("builder", image.text(Attr.PROVENANCE_BUILDER).orElse(null))
        .with("source", image.text(Attr.PROVENANCE_SOURCE).orElse(null))
        .with("workflow", image.text(Attr.PROVENANCE_WORKFLOW).orElse(null))
        .with("detail", image.text(Attr.PROVENANCE_DETAIL).orElse(null));
  }
}
