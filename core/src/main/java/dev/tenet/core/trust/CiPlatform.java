package dev.tenet.core.trust;

/** The CI platforms whose OIDC subject claims Tenet understands. */
public enum CiPlatform {
  /** GitHub Actions: {@code repo:OWNER/REPO:ref:refs/heads/BRANCH}, {@code :environment:E}... */
  GITHUB("github"),
  /** GitLab CI: {@code project_path:GROUP/PROJECT:ref_type:branch:ref:BRANCH}. */
  GITLAB("gitlab");

  private final String id;

  CiPlatform(String id) {
    this.id = id;
  }

  /** The platform prefix of its resource ids. */
  public String id() {
    return id;
  }
}
