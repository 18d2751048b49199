package dev.tenet.core.paths;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of attack step. Each is one way control passes from one node of the attack graph to the
 * next; the path policy's {@code enablers} say which findings make each kind of step possible (and
 * so which fixes cut it).
 */
public enum HopType {
  /** An owner (or admin) of an organization controls it. */
  OWNER("owner", "member-of"),
  /** A member gets what the organization grants every member (its base permission). */
  MEMBER("member", "member-of"),
  /** A team member gets the team's access. */
  TEAM_MEMBER("team-member", "member-of"),
  /** Derived: every member can write to (or administer) every repository of the organization. */
  BASE_PERMISSION("base-permission", "can-write"),
  WRITE("write", "can-write"),
  ADMIN("admin", "can-admin"),
  BYPASS("bypass", "can-bypass-protection"),
  APPROVE("approve", "can-approve"),
  /** Whoever can trigger a workflow runs code with its privileges (or influences what it runs). */
  TRIGGER("trigger", "can-trigger"),
  /** A job controls the runner it runs on. */
  RUNS_ON("runs-on", "runs-on"),
  /** Derived: a persistent runner can taint every later job it runs. */
  HOSTS("hosts", "hosts"),
  /** Derived: an action's code runs inside every job that uses it. */
  USED_BY("used-by", "used-by"),
  READS_SECRET("reads-secret", "reads-secret"),
  /** Reading a credential (secret, token, key) is holding it. */
  READS_CREDENTIAL("reads-credential", "can-read"),
  DEPLOYS_TO("deploys-to", "deploys-to"),
  /** Derived: code on a branch can deploy to the environments that accept that branch. */
  BRANCH_DEPLOYS("branch-deploys", "deploys-to"),
  MINT_OIDC("mint-oidc", "can-mint-oidc"),
  ASSUMES_ROLE("assumes-role", "assumes-role"),
  HAS_ROLE("has-role", "has-role"),
  PUBLISHES("publishes", "publishes"),
  /** Derived: whoever controls an image controls what pulls and runs it. */
  PULLED_BY("pulled-by", "pulled-by"),
  /** An installed app acts on the repositories it is installed on. */
  INSTALLED("installed", "installed-on"),
  /** Control of a container (organization, repository, environment) is control of its parts. */
  CONTAINS("contains", "contains"),
  /** Write access to a repository reaches a branch that protection does not guard. */
  PUSH("push", "contains"),
  /** Write access to a repository reaches an environment that accepts any branch. */
  WRITE_DEPLOY("write-deploy", "contains"),
  /** Write access to a repository runs its workflows and reads its repository secrets. */
  WRITE_CONTAINS("write-contains", "contains");

  private final String id;
  private final String relation;

  HopType(String id, String relation) {
    this.id = id;
    this.relation = relation;
  }

  public String id() {
    return id;
  }

  /** The relation id a hop of this kind shows. */
  public String relation() {
    return relation;
  }

  public static Optional<HopType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
