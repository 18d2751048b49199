package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A release tag that points to another image than at the previous assessment: a published release
 * was overwritten. Rolling tags (latest, main, nightly…) move by design and are not judged; neither
 * is a tag the previous assessment did not see.
 */
public final class TagMoved implements Rule {
  /**
   * Version tags (v1, 1.2, v1.2.3-rc.1) and commit tags (sha-abc1234, 3f2a9c1d): they never move.
   */
  static final Pattern RELEASE =
      Pattern.compile("^(v?\\d+(\\.\\d+){0,3}([-+._][0-9a-z.+_-]*)?|(sha-)?[0-9a-f]{7,64})$");

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-TAG-002",
          "registry-tag-mutable",
          Severity.HIGH,
          "Release tag now points to a different image than before",
          "A version tag is a promise that its content never changes. When it points to another"
              + " digest than when it was last seen, the release was rebuilt or replaced after"
              + " publication: by a pipeline re-run at best, by someone with a registry"
              + " credential at worst.",
          List.of(
              "Find who pushed the tag and why (registry audit log, pipeline runs around the"
                  + " time).",
              "If it was not an intended rebuild: treat the image as compromised, restore the"
                  + " previous digest and rotate the credentials that can push.",
              "Turn on tag immutability and deploy by digest."),
          List.of("https://docs.docker.com/docker-hub/repos/manage/hub-images/immutable-tags/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  /** Whether a tag names a release (version or commit) rather than a rolling pointer. */
  static boolean isRelease(String tag) {
    return RELEASE.matcher(tag.toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity image : Registries.taggedImages(context.graph())) {
      String tag = image.text(Attr.TAG).orElse(null);
      String previous = image.text(Attr.PREVIOUS_DIGEST).orElse(null);
      String digest = image.text(Attr.DIGEST).orElse(null);
      if (tag == null || previous == null || digest == null || !isRelease(tag)) {
        continue;
      }
      if (previous.equals(digest)) {
        outcomes.pass(image.id());
        continue;
      }
      String seenAt = image.text(Attr.PREVIOUS_SEEN_AT).orElse(null);
      outcomes
          .fail(
              image.id(),
              "Tag "
                  + image.name()
                  + " now points to "
                  + Registries.shortDigest(digest)
                  + "; "
                  + (seenAt == null ? "the previous assessment" : "the assessment of " + seenAt)
                  + " saw "
                  + Registries.shortDigest(previous)
                  + ".")
          .with("tag", tag)
          .with("digest", digest)
          .with("previous_digest", previous)
          .with("previously_seen_at", seenAt)
          .with("pushed_at", image.text(Attr.PUSHED_AT).orElse(null))
          .with(
              "tags_immutable",
              context
                  .graph()
                  .container(image)
                  .flatMap(r -> r.bool(Attr.TAGS_IMMUTABLE))
                  .orElse(null));
    }
  }
}
