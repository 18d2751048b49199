package dev.tenet.core.link;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.iam.Condition;
import dev.tenet.core.iam.IamGlob;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.iam.Ternary;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.trust.CiPlatform;
import dev.tenet.core.trust.OidcGrant;
import dev.tenet.core.trust.OidcIssuer;
import dev.tenet.core.trust.OidcTrust;
import dev.tenet.core.trust.SubjectClaim;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who in the scanned organizations can assume a cloud role with a pipeline's OIDC token: each role
 * trust policy is evaluated on the subject claims the organization's real repositories, branches
 * and environments would present, plus the claims an attacker with write access could make up (a
 * new branch or tag whose name the role's wildcard admits). Every relation is backed by a concrete
 * claim the policy accepts.
 *
 * <p>Relations made, all {@code assumes-role} to the role, with the claims in {@link Attr#SUBJECTS}
 * and the kinds of run in {@link Attr#CLAIM_CONTEXTS}:
 *
 * <ul>
 *   <li>from a BRANCH or ENVIRONMENT entity of a repository, when runs on it match;
 *   <li>from the REPOSITORY, for what anyone with write access can start there: a new branch or
 *       tag, a pull request, a branch or environment named in the policy but not in the scan;
 *   <li>from a JOB or WORKFLOW the pipeline analysis saw minting OIDC tokens ({@code
 *       can-mint-oidc}), when its own claims match, unless its can-mint-oidc relation already
 *       points at the branch, environment or repository that names its claim.
 * </ul>
 */
public final class OidcTrustLinker implements GraphLinker {
  /** Pipeline facts read from JOB or WORKFLOW entities (set by the pipeline analysis). */
  static final String TRIGGERS = "triggers";

  static final String ENVIRONMENT = "environment";

  private static final String NEW_BRANCH_PROBE = "tenet-probe/new-branch";
  private static final String NEW_TAG_PROBE = "tenet-probe-tag";
  private static final String NEW_ENVIRONMENT_PROBE = "tenet-probe-environment";

  /** A role trusting one OIDC provider, with the subject patterns its statements name. */
  private record TrustedRole(
      Entity role,
      PolicyDocument trust,
      String providerArn,
      OidcIssuer issuer,
      CiPlatform platform,
      String providerId,
      Set<String> patterns) {}

  @Override
  public void link(TrustGraph graph) {
    List<TrustedRole> roles = trustedRoles(graph);
    if (roles.isEmpty()) {
      return;
    }
    for (TrustedRole tr : roles) {
      for (Entity repo : graph.entities(EntityKind.REPOSITORY)) {
        if (!ResourceId.platformOf(repo.id()).equals(tr.platform().id())
            || repo.isTrue(Attr.ARCHIVED)
            || !sameHost(graph, repo, tr.issuer())) {
          continue;
        }
        linkRepository(graph, tr, repo);
      }
    }
    linkPipelines(graph, roles);
  }

  private static List<TrustedRole> trustedRoles(TrustGraph graph) {
    Map<String, String> providerIds = new LinkedHashMap<>();
    for (Entity idp : graph.entities(EntityKind.IDENTITY_PROVIDER)) {
      idp.text(Attr.ARN).ifPresent(arn -> providerIds.put(arn, idp.id()));
    }
    List<TrustedRole> out = new ArrayList<>();
    for (Entity role : graph.entities(EntityKind.CLOUD_ROLE)) {
      Optional<String> text = role.text(Attr.TRUST_POLICY);
      if (text.isEmpty()) {
        continue;
      }
      PolicyDocument trust;
      try {
        trust = PolicyDocument.parse(text.get());
      } catch (IllegalArgumentException unreadable) {
        continue; // The AWS rules report an unreadable trust policy as unknown.
      }
      Map<String, TrustedRole> byProvider = new LinkedHashMap<>();
      for (OidcGrant g : OidcTrust.grants(trust)) {
        Optional<CiPlatform> platform = g.platform();
        if (platform.isEmpty()) {
          continue;
        }
        TrustedRole tr =
            byProvider.computeIfAbsent(
                g.providerArn(),
                arn ->
                    new TrustedRole(
                        role,
                        trust,
                        arn,
                        g.issuer(),
                        platform.get(),
                        providerIds.getOrDefault(arn, arn),
                        new LinkedHashSet<>()));
        for (Condition c : g.subjectConditions()) {
          tr.patterns().addAll(c.values());
        }
      }
      out.addAll(byProvider.values());
    }
    return out;
  }

  private void linkRepository(TrustGraph graph, TrustedRole tr, Entity repo) {
    String[] op = ownerAndProject(repo);
    if (op == null) {
      return;
    }
    String owner = op[0];
    String project = op[1];
    Set<String> branches = new LinkedHashSet<>();
    Set<String> environments = new LinkedHashSet<>();
    for (Entity part : graph.targets(repo, RelationKind.CONTAINS)) {
      if (part.kind() == EntityKind.BRANCH) {
        branches.add(part.name());
        claim(graph, tr, part, SubjectClaim.branch(owner, project, part.name()), "branch");
      } else if (part.kind() == EntityKind.ENVIRONMENT) {
        environments.add(part.name());
        claim(
            graph, tr, part, SubjectClaim.environment(owner, project, part.name()), "environment");
      }
    }
    repo.text(Attr.DEFAULT_BRANCH)
        .filter(b -> !branches.contains(b))
        .ifPresent(
            b -> {
              branches.add(b);
              claim(graph, tr, repo, SubjectClaim.branch(owner, project, b), "branch");
            });

    // What anyone with write access can start: branches and tags of their choosing.
    for (String name : candidates(tr, SubjectClaim.branch(owner, project, ""), NEW_BRANCH_PROBE)) {
      if (!branches.contains(name)) {
        claim(graph, tr, repo, SubjectClaim.branch(owner, project, name), "new-branch");
      }
    }
    for (String name : candidates(tr, SubjectClaim.tag(owner, project, ""), NEW_TAG_PROBE)) {
      claim(graph, tr, repo, SubjectClaim.tag(owner, project, name), "tag");
    }
    if (tr.platform() == CiPlatform.GITHUB) {
      claim(graph, tr, repo, SubjectClaim.pullRequest(owner, project), "pull-request");
      for (String name :
          candidates(tr, SubjectClaim.environment(owner, project, ""), NEW_ENVIRONMENT_PROBE)) {
        if (!environments.contains(name)) {
          claim(graph, tr, repo, SubjectClaim.environment(owner, project, name), "environment");
        }
      }
    }
  }

  /**
   * Names an attacker could give a new branch, tag or environment so that the role's patterns admit
   * it: what each pattern leaves open after the claim's fixed prefix, with wildcards filled in,
   * plus a neutral probe name for patterns that admit anything.
   */
  private static Set<String> candidates(TrustedRole tr, SubjectClaim empty, String probe) {
    Set<String> names = new LinkedHashSet<>();
    Optional<String> prefix = empty.format(tr.platform());
    if (prefix.isEmpty()) {
      return names;
    }
    for (String pattern : tr.patterns()) {
      for (String rest : IamGlob.completions(pattern, prefix.get())) {
        String name = rest.replace("*", "attacker").replace('?', 'x');
        if (validRefName(name)) {
          names.add(name);
        }
      }
    }
    names.add(probe);
    return names;
  }

  /**
   * Whether git would accept the name for a branch or tag (and the platform for an environment): a
   * wildcard spanning into the next claim part fills in names with ':' that nobody can create.
   */
  static boolean validRefName(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.startsWith("-")
        || name.endsWith("/")
        || name.endsWith(".")
        || name.endsWith(".lock")
        || name.contains("..")
        || name.contains("//")
        || name.contains("@{")) {
      return false;
    }
    for (char c : name.toCharArray()) {
      if (c <= ' ' || c == 0x7f || ":~^?*[\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Evaluates one claim; when the role admits it, relates the entity that presents it. */
  private static void claim(
      TrustGraph graph, TrustedRole tr, Entity from, SubjectClaim claim, String context) {
    Optional<String> sub = claim.format(tr.platform());
    if (sub.isEmpty()) {
      return;
    }
    Ternary verdict = OidcTrust.allows(tr.trust(), tr.providerArn(), sub.get());
    if (!verdict.possible()) {
      return;
    }
    Relation r = graph.relate(from, RelationKind.ASSUMES_ROLE, tr.role(), SOURCE);
    Relations.append(r, Attr.SUBJECTS, sub.get());
    Relations.append(r, Attr.CLAIM_CONTEXTS, context);
    r.set(Attr.PROVIDER, tr.providerId());
    if (verdict == Ternary.UNKNOWN) {
      r.set(Attr.CONDITIONAL, true);
    } else if (!r.has(Attr.CONDITIONAL)) {
      r.set(Attr.CONDITIONAL, false);
    }
  }

  // Pipelines seen minting tokens

  private void linkPipelines(TrustGraph graph, List<TrustedRole> roles) {
    List<Entity> minters = new ArrayList<>();
    for (EntityKind kind : List.of(EntityKind.JOB, EntityKind.WORKFLOW)) {
      for (Entity e : graph.entities(kind)) {
        List<Entity> targets = graph.targets(e, RelationKind.CAN_MINT_OIDC);
        boolean namesItsClaim =
            !targets.isEmpty()
                && targets.stream()
                    .allMatch(
                        t ->
                            t.kind() == EntityKind.BRANCH
                                || t.kind() == EntityKind.ENVIRONMENT
                                || t.kind() == EntityKind.REPOSITORY);
        if (!targets.isEmpty() && !namesItsClaim) {
          minters.add(e);
        }
      }
    }
    for (Entity minter : minters) {
      Optional<Entity> repo = repositoryOf(graph, minter);
      if (repo.isEmpty()) {
        continue;
      }
      String[] op = ownerAndProject(repo.get());
      if (op == null) {
        continue;
      }
      List<SubjectClaim> claims = pipelineClaims(graph, minter, repo.get(), op[0], op[1]);
      for (TrustedRole tr : roles) {
        if (!ResourceId.platformOf(repo.get().id()).equals(tr.platform().id())
            || !sameHost(graph, repo.get(), tr.issuer())) {
          continue;
        }
        for (SubjectClaim c : claims) {
          claim(graph, tr, minter, c, contextOf(c));
        }
      }
    }
  }

  /**
   * The claims a job's token carries: its environment's when it deploys to one; otherwise one per
   * event that starts it (pull_request: the pull-request claim; pull_request_target and every other
   * event: the branch it runs on, the default branch unless told otherwise). When the events are
   * not known, both the default branch and the pull-request claim.
   */
  private static List<SubjectClaim> pipelineClaims(
      TrustGraph graph, Entity minter, Entity repo, String owner, String project) {
    Optional<String> environment =
        graph.targets(minter, RelationKind.DEPLOYS_TO).stream()
            .filter(t -> t.kind() == EntityKind.ENVIRONMENT)
            .map(Entity::name)
            .findFirst()
            .or(() -> minter.text(ENVIRONMENT));
    if (environment.isPresent()) {
      return List.of(SubjectClaim.environment(owner, project, environment.get()));
    }
    String defaultBranch = repo.text(Attr.DEFAULT_BRANCH).orElse("main");
    List<String> triggers = minter.list(TRIGGERS);
    if (triggers.isEmpty()) {
      triggers =
          graph.sources(minter, RelationKind.CONTAINS).stream()
              .filter(w -> w.kind() == EntityKind.WORKFLOW)
              .findFirst()
              .map(w -> w.list(TRIGGERS))
              .orElse(List.of());
    }
    List<SubjectClaim> claims = new ArrayList<>();
    if (triggers.isEmpty() || triggers.contains("pull_request")) {
      claims.add(SubjectClaim.pullRequest(owner, project));
    }
    if (triggers.isEmpty() || triggers.stream().anyMatch(t -> !t.equals("pull_request"))) {
      claims.add(SubjectClaim.branch(owner, project, defaultBranch));
    }
    return claims;
  }

  private static String contextOf(SubjectClaim c) {
    return switch (c.context()) {
      case BRANCH -> "branch";
      case TAG -> "tag";
      case ENVIRONMENT -> "environment";
      case PULL_REQUEST -> "pull-request";
    };
  }

  private static Optional<Entity> repositoryOf(TrustGraph graph, Entity e) {
    Entity current = e;
    for (int depth = 0; depth < 4; depth++) {
      Optional<Entity> parent = graph.container(current);
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      if (parent.get().kind() == EntityKind.REPOSITORY) {
        return parent;
      }
      current = parent.get();
    }
    return Optional.empty();
  }

  /** Owner (organization or group path) and project of a repository id; null if it has none. */
  private static String[] ownerAndProject(Entity repo) {
    String scope = ResourceId.parse(repo.id()).scope();
    int slash = scope.lastIndexOf('/');
    if (slash <= 0 || slash == scope.length() - 1) {
      return null;
    }
    return new String[] {scope.substring(0, slash), scope.substring(slash + 1)};
  }

  /**
   * Whether the repository is on the platform host whose pipelines the issuer serves. Unknown or
   * loopback hosts (the bundled emulators) are given the benefit of the doubt.
   */
  private static boolean sameHost(TrustGraph graph, Entity repo, OidcIssuer issuer) {
    Optional<String> url =
        repo.text(Attr.WEB_URL)
            .or(() -> graph.container(repo).flatMap(org -> org.text(Attr.WEB_URL)));
    if (url.isEmpty()) {
      return true;
    }
    String host;
    try {
      host = URI.create(url.get()).getHost();
    } catch (IllegalArgumentException e) {
      return true;
    }
    if (host == null
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1")) {
      return true;
    }
    return host.equalsIgnoreCase(issuer.platformHost());
  }
}
