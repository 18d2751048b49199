package dev.tenet.core.trust;

import dev.tenet.core.iam.IamGlob;
import java.util.List;
import java.util.Optional;

/**
 * The breadth of a subject pattern, found from the structural position of its first wildcard: the
 * literal text before it says which part of the claim (owner, repository, ref) the wildcard falls
 * in, and everything from there on is open. A {@code *} may span {@code /} and {@code :}, so
 * nothing after the first wildcard narrows what comes before it.
 */
public final class SubjectPatterns {
  private SubjectPatterns() {}

  private static final String GITHUB_PREFIX = "repo:";
  private static final String GITLAB_PREFIX = "project_path:";

  /**
   * @param like whether the pattern is used with a *Like operator (wildcards active)
   */
  public static SubjectScope scope(CiPlatform platform, String pattern, boolean like, String op) {
    int wildcard = like ? firstWildcard(pattern) : -1;
    if (wildcard < 0) {
      Optional<SubjectClaim> claim = SubjectClaim.parse(platform, pattern);
      if (claim.isEmpty()) {
        return IamGlob.hasWildcard(pattern)
            ? SubjectScope.of(Breadth.NEVER, pattern, op, "")
            : SubjectScope.unrecognized(pattern, op);
      }
      Breadth b =
          claim.get().context() == SubjectClaim.Context.PULL_REQUEST
              ? Breadth.PULL_REQUEST
              : Breadth.PINNED;
      return SubjectScope.of(b, pattern, op, b == Breadth.PINNED ? "" : pattern);
    }
    String literal = pattern.substring(0, wildcard);
    Optional<Breadth> breadth = platform == CiPlatform.GITHUB ? gitHub(literal) : gitLab(literal);
    String example = example(platform, pattern);
    return breadth
        .map(b -> SubjectScope.of(b, pattern, op, example))
        .orElseGet(() -> SubjectScope.unrecognized(pattern, op));
  }

  private static int firstWildcard(String pattern) {
    int star = pattern.indexOf('*');
    int q = pattern.indexOf('?');
    if (star < 0) {
      return q;
    }
    return q < 0 ? star : Math.min(star, q);
  }

  private static Optional<Breadth> gitHub(String literal) {
    if (!literal.startsWith(GITHUB_PREFIX)) {
      return GITHUB_PREFIX.startsWith(literal) ? Optional.of(Breadth.ANY_OWNER) : Optional.empty();
    }
    String rest = literal.substring(GITHUB_PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return Optional.of(Breadth.ANY_OWNER);
    }
    int colon = rest.indexOf(':', slash);
    if (colon < 0) {
      return Optional.of(Breadth.ANY_PROJECT);
    }
    return context(
        rest.substring(colon + 1),
        List.of(
            new Kind("ref:refs/heads/", Breadth.ANY_BRANCH),
            new Kind("ref:refs/tags/", Breadth.ANY_TAG),
            new Kind("environment:", Breadth.ANY_ENVIRONMENT),
            new Kind("pull_request", Breadth.PULL_REQUEST)));
  }

  private static Optional<Breadth> gitLab(String literal) {
    if (!literal.startsWith(GITLAB_PREFIX)) {
      return GITLAB_PREFIX.startsWith(literal) ? Optional.of(Breadth.ANY_OWNER) : Optional.empty();
    }
    String rest = literal.substring(GITLAB_PREFIX.length());
    int refType = rest.indexOf(":ref_type:");
    if (refType < 0) {
      // Still inside the project path: a wildcard before the first '/' opens every namespace.
      return Optional.of(rest.indexOf('/') < 0 ? Breadth.ANY_OWNER : Breadth.ANY_PROJECT);
    }
    return context(
        rest.substring(refType + 1),
        List.of(
            new Kind("ref_type:branch:ref:", Breadth.ANY_BRANCH),
            new Kind("ref_type:tag:ref:", Breadth.ANY_TAG)));
  }

  private record Kind(String prefix, Breadth open) {}

  /** Which context kinds the literal text before the wildcard still allows. */
  private static Optional<Breadth> context(String literal, List<Kind> kinds) {
    for (Kind k : kinds) {
      if (literal.startsWith(k.prefix())) {
        return Optional.of(k.open());
      }
    }
    List<Kind> possible = kinds.stream().filter(k -> k.prefix().startsWith(literal)).toList();
    if (possible.isEmpty()) {
      return Optional.empty();
    }
    if (possible.size() == 1) {
      return Optional.of(possible.get(0).open());
    }
    // Branches and tags alone ("ref:*"): any branch is the worse of the two and says it.
    boolean refsOnly =
        possible.stream()
            .allMatch(k -> k.open() == Breadth.ANY_BRANCH || k.open() == Breadth.ANY_TAG);
    return Optional.of(refsOnly ? Breadth.ANY_BRANCH : Breadth.ANY_CONTEXT);
  }

  /**
   * A subject the pattern admits that nobody meant to trust: the wildcards filled in with an
   * attacker's names, completed into a well-formed claim where the wildcard spans parts.
   */
  static String example(CiPlatform platform, String pattern) {
    List<String> fillers =
        platform == CiPlatform.GITHUB
            ? List.of(
                "attacker",
                "attacker:ref:refs/heads/main",
                "repo:attacker/repo:ref:refs/heads/main")
            : List.of(
                "attacker",
                "attacker:ref_type:branch:ref:main",
                "project_path:attacker/project:ref_type:branch:ref:main");
    String first = null;
    for (String filler : fillers) {
      String candidate = fill(pattern, filler);
      if (first == null) {
        first = candidate;
      }
      if (IamGlob.matches(pattern, candidate)
          && SubjectClaim.parse(platform, candidate).isPresent()) {
        return candidate;
      }
    }
    return first;
  }

  private static String fill(String pattern, String filler) {
    StringBuilder out = new StringBuilder();
    boolean filled = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        // Only the first wildcard may need to span parts; the others take a plain name.
        out.append(filled ? "attacker" : filler);
        filled = true;
      } else if (c == '?') {
        out.append('x');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
