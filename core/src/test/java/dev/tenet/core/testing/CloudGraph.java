package dev.tenet.core.testing;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.rbac.RbacAnalysis;
import dev.tenet.core.rbac.RbacCapabilities;
import dev.tenet.core.rbac.RbacRule;
import dev.tenet.core.util.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds AWS- and Kubernetes-shaped trust graphs by hand, with the attributes the AWS and
 * Kubernetes connectors set, for linker and rule tests. Works on any graph, so that GitHub entities
 * built with {@link GitHubGraph} can sit beside.
 */
public final class CloudGraph {
  public static final String ACCOUNT = "123456789012";
  public static final String GITHUB_PROVIDER_ARN =
      "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";

  private final TrustGraph graph;
  private final Entity account;

  public CloudGraph(TrustGraph graph) {
    this.graph = graph;
    this.account =
        graph.entity(ResourceId.of("aws", ACCOUNT), EntityKind.CLOUD_ACCOUNT, ACCOUNT, "aws");
  }

  public TrustGraph graph() {
    return graph;
  }

  public Entity account() {
    return account;
  }

  /** A role with a trust policy and (so far) no administrator rights. */
  public Entity role(String name, String trustPolicy) {
    Entity role =
        graph.entity(
            ResourceId.of("aws", ACCOUNT, "role", name), EntityKind.CLOUD_ROLE, name, "aws");
    role.set(Attr.ARN, "arn:aws:iam::" + ACCOUNT + ":role/" + name)
        .set(Attr.TRUST_POLICY, trustPolicy)
        .set(Attr.ADMIN_ACCESS, false)
        .set(Attr.ADMIN_VIA, List.of())
        .set(Attr.PRIVILEGE_ESCALATION, List.of())
        .set(Attr.WILDCARD_GRANTS, List.of());
    graph.relate(account, RelationKind.CONTAINS, role, "aws");
    return role;
  }

  /** A GitHub OIDC trust policy with the given Condition block content. */
  public static String githubTrust(String condition) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"%s"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{%s}}]}
        """
        .formatted(GITHUB_PROVIDER_ARN, condition);
  }

  /** An exact audience condition and a subject condition with the given operator. */
  public static String githubSub(String operator, String pattern) {
    String aud = "\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"";
    String sub = "\"token.actions.githubusercontent.com:sub\":\"" + pattern + "\"";
    if (operator.equals("StringEquals")) {
      return "\"StringEquals\":{" + aud + "," + sub + "}";
    }
    return "\"StringEquals\":{" + aud + "},\"" + operator + "\":{" + sub + "}";
  }

  public Entity admin(Entity principal) {
    principal.set(Attr.ADMIN_ACCESS, true).set(Attr.ADMIN_VIA, List.of("AdministratorAccess"));
    graph.relate(principal, RelationKind.CAN_ADMIN, account, "aws");
    return principal;
  }

  public Entity githubProvider() {
    Entity idp =
        graph.entity(
            ResourceId.of("aws", ACCOUNT, "oidc-provider", "token.actions.githubusercontent.com"),
            EntityKind.IDENTITY_PROVIDER,
            "token.actions.githubusercontent.com",
            "aws");
    idp.set(Attr.ARN, GITHUB_PROVIDER_ARN)
        .set(Attr.ISSUER, "token.actions.githubusercontent.com")
        .set(Attr.AUDIENCES, List.of("sts.amazonaws.com"));
    graph.relate(account, RelationKind.CONTAINS, idp, "aws");
    return idp;
  }

  /** An IAM user with known (empty) policies. */
  public Entity user(String name) {
    Entity user =
        graph.entity(ResourceId.of("aws", ACCOUNT, "user", name), EntityKind.USER, name, "aws");
    user.set(Attr.ARN, "arn:aws:iam::" + ACCOUNT + ":user/" + name)
        .set(Attr.ADMIN_ACCESS, false)
        .set(Attr.PRIVILEGE_ESCALATION, List.of())
        .set(Attr.WILDCARD_GRANTS, List.of());
    graph.relate(account, RelationKind.CONTAINS, user, "aws");
    return user;
  }

  public Entity accessKey(Entity user, int slot, boolean active, Instant created, Instant used) {
    Entity key =
        graph.entity(
            ResourceId.of("aws", ACCOUNT, "access-key", user.name() + "/" + slot),
            EntityKind.TOKEN,
            user.name() + "/" + slot,
            "aws");
    key.set(Attr.ACTIVE, active).set(Attr.CREATED_AT, created).set(Attr.LAST_ACTIVE_AT, used);
    if (used == null) {
      key.set(Attr.NEVER_USED, true);
    }
    graph.relate(user, RelationKind.CONTAINS, key, "aws");
    return key;
  }

  /** A deployment environment of a repository. */
  public Entity environment(Entity repo, String name) {
    Entity env =
        graph.entity(
            ResourceId.part(repo.id(), "environment", name),
            EntityKind.ENVIRONMENT,
            name,
            "github");
    graph.relate(repo, RelationKind.CONTAINS, env, "github");
    return env;
  }

  // Kubernetes

  public Entity cluster(String name) {
    return graph.entity(ResourceId.of("k8s", name), EntityKind.CLUSTER, name, "k8s");
  }

  /** A ClusterRole (namespace null) or Role with the given rules (a JSON array). */
  public Entity k8sRole(Entity cluster, String namespace, String name, String rulesJson) {
    String id =
        namespace == null
            ? ResourceId.of("k8s", cluster.name(), "clusterrole", name)
            : ResourceId.of("k8s", cluster.name() + "/" + namespace, "role", name);
    Entity role = graph.entity(id, EntityKind.CLOUD_ROLE, name, "k8s");
    List<RbacRule> rules;
    try {
      rules = RbacRule.parse(Json.mapper().readTree(rulesJson));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
    RbacCapabilities caps = RbacAnalysis.analyze(rules);
    role.set(Attr.RBAC_RULES, rules.stream().map(RbacRule::toString).toList())
        .set(Attr.ADMIN_ACCESS, caps.fullAdmin())
        .set(Attr.WILDCARD_GRANTS, caps.wildcards())
        .set(Attr.READS_SECRETS, caps.readsSecrets())
        .set(Attr.PRIVILEGE_ESCALATION, caps.escalation());
    graph.relate(cluster, RelationKind.CONTAINS, role, "k8s");
    return role;
  }

  public Entity serviceAccount(Entity cluster, String namespace, String name) {
    Entity sa =
        graph.entity(
            ResourceId.of("k8s", cluster.name() + "/" + namespace, "serviceaccount", name),
            EntityKind.SERVICE_ACCOUNT,
            name,
            "k8s");
    sa.set(Attr.NAMESPACE, namespace);
    graph.relate(cluster, RelationKind.CONTAINS, sa, "k8s");
    return sa;
  }

  public Entity k8sUser(Entity cluster, String name) {
    return graph.entity(
        ResourceId.of("k8s", cluster.name(), "user", name), EntityKind.USER, name, "k8s");
  }

  public Entity k8sGroup(Entity cluster, String name) {
    return graph.entity(
        ResourceId.of("k8s", cluster.name(), "group", name), EntityKind.TEAM, name, "k8s");
  }

  /**
   * Binds a subject to a role as the Kubernetes connector does: a ClusterRoleBinding (namespace
   * null) applies everywhere, a RoleBinding in its namespace.
   */
  public Relation bind(Entity subject, Entity role, String bindingName, String namespace) {
    Entity cluster = graph.container(role).orElseThrow();
    String binding =
        namespace == null
            ? ResourceId.of("k8s", cluster.name(), "clusterrolebinding", bindingName)
            : ResourceId.of("k8s", cluster.name() + "/" + namespace, "rolebinding", bindingName);
    Relation r = graph.relate(subject, RelationKind.HAS_ROLE, role, "k8s");
    List<String> bindings = new ArrayList<>(r.list(Attr.BINDINGS));
    bindings.add(binding);
    List<String> namespaces = new ArrayList<>(r.list(Attr.NAMESPACES));
    namespaces.add(namespace == null ? "*" : namespace);
    r.set(Attr.BINDINGS, bindings).set(Attr.NAMESPACES, namespaces);
    if (namespace == null && role.isTrue(Attr.ADMIN_ACCESS)) {
      graph.relate(subject, RelationKind.CAN_ADMIN, cluster, "k8s");
    }
    return r;
  }
}
