package dev.tenet.core.trust;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code sub} claim of a pipeline's OIDC token, in parts.
 *
 * @param owner the GitHub organization or user, or the GitLab group path
 * @param project the repository or project name
 * @param context what the run is bound to
 * @param value the branch, tag or environment name; empty for pull requests
 */
public record SubjectClaim(String owner, String project, Context context, String value) {

  /** What a run's token is bound to, in the claim. */
  public enum Context {
    BRANCH,
    TAG,
    ENVIRONMENT,
    PULL_REQUEST
  }

  private static final Pattern GITHUB =
      Pattern.compile(
          "repo:([^/:]+)/([^/:]+):(?:ref:refs/heads/(.+)|ref:refs/tags/(.+)|environment:(.+)|(pull_request))");
  private static final Pattern GITLAB =
      Pattern.compile("project_path:(.+)/([^/:]+):ref_type:(branch|tag):ref:(.+)");

  public static SubjectClaim branch(String owner, String project, String branch) {
    return new SubjectClaim(owner, project, Context.BRANCH, branch);
  }

  public static SubjectClaim tag(String owner, String project, String tag) {
    return new SubjectClaim(owner, project, Context.TAG, tag);
  }

  public static SubjectClaim environment(String owner, String project, String environment) {
    return new SubjectClaim(owner, project, Context.ENVIRONMENT, environment);
  }

  public static SubjectClaim pullRequest(String owner, String project) {
    return new SubjectClaim(owner, project, Context.PULL_REQUEST, "");
  }

  /**
   * The claim as the platform writes it. GitLab has no environment or pull-request form: an
   * environment job is identified by its branch, so those contexts have no GitLab claim.
   */
  public Optional<String> format(CiPlatform platform) {
    return switch (platform) {
      case GITHUB ->
          Optional.of(
              "repo:"
                  + owner
                  + "/"
                  + project
                  + ":"
                  + switch (context) {
                    case BRANCH -> "ref:refs/heads/" + value;
                    case TAG -> "ref:refs/tags/" + value;
                    case ENVIRONMENT -> "environment:" + value;
                    case PULL_REQUEST -> "pull_request";
                  });
      case GITLAB ->
          switch (context) {
            case BRANCH ->
                Optional.of(
                    "project_path:" + owner + "/" + project + ":ref_type:branch:ref:" + value);
            case TAG ->
                Optional.of("project_path:" + owner + "/" + project + ":ref_type:tag:ref:" + value);
            default -> Optional.empty();
          };
    };
  }

  /** Parses a claim in the platform's default format; empty for other (customized) formats. */
  public static Optional<SubjectClaim> parse(CiPlatform platform, String sub) {
    if (platform == CiPlatform.GITHUB) {
      Matcher m = GITHUB.matcher(sub);
      if (!m.matches()) {
        return Optional.empty();
      }
      if (m.group(3) != null) {
        return Optional.of(branch(m.group(1), m.group(2), m.group(3)));
      }
      if (m.group(4) != null) {
        return Optional.of(tag(m.group(1), m.group(2), m.group(4)));
      }
      if (m.group(5) != null) {
        return Optional.of(environment(m.group(1), m.group(2), m.group(5)));
      }
      return Optional.of(pullRequest(m.group(1), m.group(2)));
    }
    Matcher m = GITLAB.matcher(sub);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        m.group(3).equals("branch")
            ? branch(m.group(1), m.group(2), m.group(4))
            : tag(m.group(1), m.group(2), m.group(4)));
  }
}
