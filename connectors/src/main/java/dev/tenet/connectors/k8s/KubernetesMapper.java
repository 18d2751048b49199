package dev.tenet.connectors.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.rbac.RbacAnalysis;
import dev.tenet.core.rbac.RbacCapabilities;
import dev.tenet.core.rbac.RbacRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps a {@link ClusterSnapshot} into trust-graph facts: roles with what their rules grant
 * (summarized by core's {@link RbacAnalysis}), subjects bound to them ({@code has-role}, with the
 * bindings and namespaces), who administers the cluster or reads its secrets, cloud identities
 * mapped to cluster identities (EKS aws-auth, IRSA), and whether admission verifies image
 * signatures.
 */
final class KubernetesMapper {
  private static final String SOURCE = KubernetesConnector.PLATFORM;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String BOOTSTRAP_LABEL = "kubernetes.io/bootstrapping";

  private final TrustGraph graph;
  private final Consumer<BlindSpot> blindSpots;
  private final String clusterName;
  private Entity cluster;

  KubernetesMapper(TrustGraph graph, String clusterName, Consumer<BlindSpot> blindSpots) {
    this.graph = graph;
    this.clusterName = clusterName;
    this.blindSpots = blindSpots;
  }

  void map(ClusterSnapshot s) {
    cluster =
        graph.entity(ResourceId.of(SOURCE, clusterName), EntityKind.CLUSTER, clusterName, SOURCE);
    for (JsonNode r : s.of("ClusterRole")) {
      role(null, r);
    }
    for (JsonNode r : s.of("Role")) {
      role(namespace(r), r);
    }
    for (JsonNode sa : s.of("ServiceAccount")) {
      serviceAccount(sa);
    }
    for (JsonNode b : s.of("ClusterRoleBinding")) {
      binding(null, b);
    }
    for (JsonNode b : s.of("RoleBinding")) {
      binding(namespace(b), b);
    }
    for (JsonNode cm : s.of("ConfigMap")) {
      if (name(cm).equals("aws-auth") && namespace(cm).equals("kube-system")) {
        awsAuth(cm);
      }
    }
    if (s.secretsRead()) {
      longLivedTokens(s);
    }
    // Members of system:masters are administrators by the API server's own rule, no binding.
    graph
        .find(ResourceId.of(SOURCE, clusterName, "group", "system:masters"))
        .ifPresent(g -> graph.relate(g, RelationKind.CAN_ADMIN, cluster, SOURCE));
    admission(s);
    for (ClusterSnapshot.Gap gap : s.gaps()) {
      blindSpots.accept(new BlindSpot(cluster.id(), gap.what(), gap.reason(), gap.remedy()));
    }
  }

  // RBAC

  private String roleId(String namespace, String name) {
    return namespace == null
        ? ResourceId.of(SOURCE, clusterName, "clusterrole", name)
        : ResourceId.of(SOURCE, clusterName + "/" + namespace, "role", name);
  }

  private Entity roleEntity(String namespace, String name) {
    Entity role = graph.entity(roleId(namespace, name), EntityKind.CLOUD_ROLE, name, SOURCE);
    if (namespace != null) {
      role.set(Attr.NAMESPACE, namespace);
    }
    graph.relate(cluster, RelationKind.CONTAINS, role, SOURCE);
    return role;
  }

  private void role(String namespace, JsonNode r) {
    Entity role = roleEntity(namespace, name(r));
    List<RbacRule> rules = RbacRule.parse(r.path("rules"));
    RbacCapabilities caps = RbacAnalysis.analyze(rules);
    role.set(Attr.RBAC_RULES, rules.stream().map(RbacRule::toString).toList())
        .set(Attr.ADMIN_ACCESS, caps.fullAdmin())
        .set(Attr.WILDCARD_GRANTS, caps.wildcards())
        .set(Attr.READS_SECRETS, caps.readsSecrets())
        .set(Attr.PRIVILEGE_ESCALATION, caps.escalation());
    if (isDefault(r)) {
      role.set(Attr.SYSTEM_DEFAULT, true);
    }
  }

  private Entity serviceAccountEntity(String namespace, String name) {
    Entity sa =
        graph.entity(
            ResourceId.of(SOURCE, clusterName + "/" + namespace, "serviceaccount", name),
            EntityKind.SERVICE_ACCOUNT,
            name,
            SOURCE);
    sa.set(Attr.NAMESPACE, namespace);
    graph.relate(cluster, RelationKind.CONTAINS, sa, SOURCE);
    return sa;
  }

  private void serviceAccount(JsonNode sa) {
    Entity e = serviceAccountEntity(namespace(sa), name(sa));
    String irsa =
        sa.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText("");
    if (!irsa.isEmpty()) {
      e.set(Attr.ASSUMES_ROLE_ARN, irsa);
    }
  }

  private Entity subject(JsonNode s, String bindingNamespace) {
    String kind = s.path("kind").asText();
    String name = s.path("name").asText();
    return switch (kind) {
      case "ServiceAccount" ->
          serviceAccountEntity(
              s.path("namespace").asText(bindingNamespace == null ? "default" : bindingNamespace),
              name);
      case "Group" ->
          graph.entity(
              ResourceId.of(SOURCE, clusterName, "group", name), EntityKind.TEAM, name, SOURCE);
      default ->
          graph.entity(
              ResourceId.of(SOURCE, clusterName, "user", name), EntityKind.USER, name, SOURCE);
    };
  }

  private void binding(String namespace, JsonNode b) {
    JsonNode ref = b.path("roleRef");
    String refKind = ref.path("kind").asText("ClusterRole");
    String roleNamespace = refKind.equals("Role") ? namespace : null;
    String rid = roleId(roleNamespace, ref.path("name").asText());
    Entity role =
        graph.find(rid).orElseGet(() -> roleEntity(roleNamespace, ref.path("name").asText()));
    String bindingId =
        namespace == null
            ? ResourceId.of(SOURCE, clusterName, "clusterrolebinding", name(b))
            : ResourceId.of(SOURCE, clusterName + "/" + namespace, "rolebinding", name(b));
    boolean isDefault = isDefault(b);
    for (JsonNode s : b.path("subjects")) {
      Entity subject = subject(s, namespace);
      Relation r = graph.relate(subject, RelationKind.HAS_ROLE, role, SOURCE);
      append(r, isDefault ? Attr.DEFAULT_BINDINGS : Attr.BINDINGS, bindingId);
      append(r, Attr.NAMESPACES, namespace == null ? "*" : namespace);
      if (!r.has(Attr.BINDINGS)) {
        r.set(Attr.BINDINGS, List.of());
      }
      effective(subject, role, namespace);
    }
  }

  /** What the binding lets the subject do, as relations the attack-path search can follow. */
  private void effective(Entity subject, Entity role, String namespace) {
    if (namespace == null && role.isTrue(Attr.ADMIN_ACCESS)) {
      graph.relate(subject, RelationKind.CAN_ADMIN, cluster, SOURCE);
    }
    if (role.isTrue(Attr.READS_SECRETS)) {
      String id =
          namespace == null
              ? ResourceId.of(SOURCE, clusterName, "secrets", "*")
              : ResourceId.of(SOURCE, clusterName + "/" + namespace, "secrets", "*");
      Entity secrets =
          graph.entity(
              id,
              EntityKind.SECRET,
              namespace == null ? "every secret" : "every secret in " + namespace,
              SOURCE);
      if (namespace != null) {
        secrets.set(Attr.NAMESPACE, namespace);
      }
      graph.relate(cluster, RelationKind.CONTAINS, secrets, SOURCE);
      graph.relate(subject, RelationKind.READS_SECRET, secrets, SOURCE);
    }
  }

  private static void append(Relation r, String key, String value) {
    List<String> values = new ArrayList<>(r.list(key));
    if (!values.contains(value)) {
      values.add(value);
    }
    r.set(key, values);
  }

  /**
   * Created by Kubernetes or the provider itself, not by anyone who could be asked to change it.
   */
  private static boolean isDefault(JsonNode object) {
    String name = name(object);
    String bootstrap = object.path("metadata").path("labels").path(BOOTSTRAP_LABEL).asText("");
    return bootstrap.equals("rbac-defaults")
        || name.startsWith("system:")
        || name.startsWith("eks:")
        || name.startsWith("gce:")
        || name.startsWith("kubeadm:");
  }

  // Cloud identities

  /**
   * EKS's aws-auth ConfigMap: IAM roles and users mapped to a Kubernetes username and groups. Its
   * entries are YAML inside the ConfigMap's data.
   */
  private void awsAuth(JsonNode cm) {
    for (String key : List.of("mapRoles", "mapUsers")) {
      String yaml = cm.path("data").path(key).asText("");
      if (yaml.isBlank()) {
        continue;
      }
      JsonNode entries;
      try {
        entries = YAML.readTree(yaml);
      } catch (IOException e) {
        blindSpots.accept(
            new BlindSpot(cluster.id(), "the aws-auth " + key, "it is not valid YAML", ""));
        continue;
      }
      for (JsonNode entry : entries) {
        String arn = entry.path(key.equals("mapRoles") ? "rolearn" : "userarn").asText("");
        String username = entry.path("username").asText(arn);
        if (arn.isEmpty()) {
          continue;
        }
        Entity user =
            graph.entity(
                ResourceId.of(SOURCE, clusterName, "user", username),
                EntityKind.USER,
                username,
                SOURCE);
        user.set(Attr.MAPPED_FROM_ARN, arn);
        for (JsonNode g : entry.path("groups")) {
          Entity group =
              graph.entity(
                  ResourceId.of(SOURCE, clusterName, "group", g.asText()),
                  EntityKind.TEAM,
                  g.asText(),
                  SOURCE);
          graph.relate(user, RelationKind.MEMBER_OF, group, SOURCE).set(Attr.VIA, "aws-auth");
        }
      }
    }
  }

  /** Service accounts with a long-lived token Secret (only the Secret's metadata is read). */
  private void longLivedTokens(ClusterSnapshot s) {
    Set<String> withToken = new LinkedHashSet<>();
    for (JsonNode secret : s.of("Secret")) {
      if (secret.path("type").asText().equals("kubernetes.io/service-account-token")) {
        String sa =
            secret
                .path("metadata")
                .path("annotations")
                .path("kubernetes.io/service-account.name")
                .asText("");
        if (!sa.isEmpty()) {
          withToken.add(namespace(secret) + "/" + sa);
        }
      }
    }
    for (Entity sa : graph.entities(EntityKind.SERVICE_ACCOUNT)) {
      if (ResourceId.platformOf(sa.id()).equals(SOURCE) && sa.id().startsWith(cluster.id() + "/")) {
        sa.set(
            Attr.LONG_LIVED_TOKEN,
            withToken.contains(sa.text(Attr.NAMESPACE).orElse("") + "/" + sa.name()));
      }
    }
  }

  // Admission

  private void admission(ClusterSnapshot s) {
    Set<String> controllers = new LinkedHashSet<>();
    for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
      for (JsonNode w : s.of(kind)) {
        controller(name(w) + " " + w.path("webhooks").toString()).ifPresent(controllers::add);
      }
    }
    List<String> policies = new ArrayList<>();
    String mode = "none";
    for (JsonNode p : s.of("ClusterPolicy")) {
      mode = stronger(mode, kyverno(p, policies, true));
    }
    for (JsonNode p : s.of("Policy")) {
      if (p.path("apiVersion").asText().startsWith("kyverno.io/")) {
        mode = stronger(mode, kyverno(p, policies, false));
      }
    }
    for (JsonNode p : s.of("ImageValidatingPolicy")) {
      List<String> actions = new ArrayList<>();
      p.path("spec").path("validationActions").forEach(a -> actions.add(a.asText()));
      String m = actions.contains("Deny") ? "enforce" : "audit";
      policies.add(
          "kyverno ImageValidatingPolicy " + name(p) + " (" + String.join(",", actions) + ")");
      mode = stronger(mode, m);
    }
    for (JsonNode p : s.of("ClusterImagePolicy")) {
      mode = stronger(mode, sigstore(p, s, policies));
      controllers.add("sigstore-policy-controller");
    }
    for (String kind : s.kinds()) {
      if (!IMAGE_CONSTRAINT.matcher(kind).find()) {
        continue;
      }
      for (JsonNode c : s.of(kind)) {
        if (!c.path("apiVersion").asText().startsWith("constraints.gatekeeper.sh/")) {
          continue;
        }
        String action = c.path("spec").path("enforcementAction").asText("deny");
        policies.add("gatekeeper " + kind + " " + name(c) + " (" + action + ")");
        mode = stronger(mode, action.equals("deny") ? "enforce" : "audit");
        controllers.add("gatekeeper");
      }
    }
    if (s.has("ClusterPolicy") || s.has("ImageValidatingPolicy")) {
      controllers.add("kyverno");
    }
    if (controllers.contains("connaisseur")) {
      policies.add("connaisseur (verifies every image it admits)");
      mode = stronger(mode, "enforce");
    }
    boolean read =
        s.admissionRead() != null
            ? s.admissionRead()
            : s.has("ValidatingWebhookConfiguration")
                || s.has("MutatingWebhookConfiguration")
                || s.has("ClusterPolicy")
                || s.has("ImageValidatingPolicy")
                || s.has("ClusterImagePolicy")
                || !policies.isEmpty();
    if (!read) {
      if (s.admissionRead() != null) {
        return; // Read live and refused: the gaps say what and why.
      }
      blindSpots.accept(
          new BlindSpot(
              cluster.id(),
              "the admission configuration (image signature policies)",
              "the export holds no webhook configuration or admission policy",
              "add the output of kubectl get validatingwebhookconfigurations,"
                  + "mutatingwebhookconfigurations,clusterpolicies.kyverno.io,"
                  + "clusterimagepolicies.policy.sigstore.dev -o json"));
      return;
    }
    cluster
        .set(Attr.ADMISSION_READ, true)
        .set(Attr.ADMISSION_CONTROLLERS, List.copyOf(controllers))
        .set(Attr.IMAGE_VERIFICATION, mode)
        .set(Attr.IMAGE_POLICIES, policies);
  }

  private static java.util.Optional<String> controller(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("kyverno")) {
      return java.util.Optional.of("kyverno");
    }
    if (t.contains("gatekeeper")) {
      return java.util.Optional.of("gatekeeper");
    }
    if (t.contains("policy.sigstore.dev") || t.contains("policy-controller")) {
      return java.util.Optional.of("sigstore-policy-controller");
    }
    if (t.contains("connaisseur")) {
      return java.util.Optional.of("connaisseur");
    }
    if (t.contains("ratify")) {
      return java.util.Optional.of("ratify");
    }
    return java.util.Optional.empty();
  }

  /**
   * A Kyverno policy's image verification: rules with verifyImages, enforced when their failure
   * action (per rule since Kyverno 1.13, else the policy's validationFailureAction, Audit by
   * default) is Enforce. A namespaced Policy enforces only in its namespace.
   */
  private static String kyverno(JsonNode p, List<String> policies, boolean clusterWide) {
    String policyAction = p.path("spec").path("validationFailureAction").asText("Audit");
    String mode = "none";
    for (JsonNode rule : p.path("spec").path("rules")) {
      JsonNode verify = rule.path("verifyImages");
      if (!verify.isArray() || verify.isEmpty()) {
        continue;
      }
      for (JsonNode v : verify) {
        String action =
            v.path("failureAction")
                .asText(rule.path("validate").path("failureAction").asText(policyAction));
        boolean enforce = action.equalsIgnoreCase("enforce");
        String m = enforce ? (clusterWide ? "enforce" : "partial") : "audit";
        List<String> refs = new ArrayList<>();
        v.path("imageReferences").forEach(r -> refs.add(r.asText()));
        policies.add(
            "kyverno "
                + (clusterWide ? "ClusterPolicy " : "Policy " + namespace(p) + "/")
                + name(p)
                + " rule "
                + rule.path("name").asText("?")
                + " ("
                + (enforce ? "Enforce" : "Audit")
                + (refs.isEmpty() ? "" : ", images " + String.join(" ", refs))
                + ")");
        mode = stronger(mode, m);
      }
    }
    return mode;
  }

  /**
   * A Sigstore policy-controller ClusterImagePolicy: enforced (mode enforce, the default) only in
   * namespaces labelled policy.sigstore.dev/include=true.
   */
  private static String sigstore(JsonNode p, ClusterSnapshot s, List<String> policies) {
    String policyMode = p.path("spec").path("mode").asText("enforce");
    List<String> included = new ArrayList<>();
    int others = 0;
    for (JsonNode ns : s.of("Namespace")) {
      String name = name(ns);
      if (ns.path("metadata")
          .path("labels")
          .path("policy.sigstore.dev/include")
          .asText()
          .equals("true")) {
        included.add(name);
      } else if (!name.startsWith("kube-")) {
        others++;
      }
    }
    String mode;
    String where;
    if (!s.namespacesRead()) {
      mode = policyMode.equals("warn") ? "audit" : "partial";
      where = "namespaces opted in unknown";
    } else if (included.isEmpty()) {
      mode = "none";
      where = "no namespace opted in";
    } else {
      mode = policyMode.equals("warn") ? "audit" : others == 0 ? "enforce" : "partial";
      where = "namespaces " + String.join(", ", included);
    }
    policies.add("sigstore ClusterImagePolicy " + name(p) + " (" + policyMode + ", " + where + ")");
    return mode;
  }

  /** Gatekeeper constraint kinds that verify image signatures (Ratify, cosign, Notation). */
  private static final java.util.regex.Pattern IMAGE_CONSTRAINT =
      java.util.regex.Pattern.compile("(?i)ratify|signature|cosign|notation");

  private static final List<String> MODES = List.of("none", "audit", "partial", "enforce");

  private static String stronger(String a, String b) {
    return MODES.indexOf(a) >= MODES.indexOf(b) ? a : b;
  }

  private static String name(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }

  private static String namespace(JsonNode object) {
    return object.path("metadata").path("namespace").asText("default");
  }
}
