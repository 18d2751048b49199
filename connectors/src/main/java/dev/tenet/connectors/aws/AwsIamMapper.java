package dev.tenet.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.iam.AwsArns;
import dev.tenet.core.iam.IamGlob;
import dev.tenet.core.iam.NamedPolicy;
import dev.tenet.core.iam.PermissionAnalysis;
import dev.tenet.core.iam.Permissions;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.iam.Statement;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.trust.OidcTrust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps an {@link AccountSnapshot} into trust-graph facts: the account, its users, groups, roles,
 * OIDC providers and access keys, what their policies grant (summarized by core's {@link
 * PermissionAnalysis}), who may assume which role within the account, and each role's trust policy
 * whole for the rules and the OIDC linker to judge. A fact the snapshot does not hold stays unset.
 */
final class AwsIamMapper {
  private static final String SOURCE = AwsIamConnector.PLATFORM;
  static final String ROOT_USER = "<root_account>";

  /** AWS managed policies whose meaning is fixed, for exports that leave their documents out. */
  private static final Map<String, String> WELL_KNOWN =
      Map.of(
          "arn:aws:iam::aws:policy/AdministratorAccess",
          "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
          "arn:aws:iam::aws:policy/IAMFullAccess",
          "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}",
          "arn:aws:iam::aws:policy/PowerUserAccess",
          "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\","
              + "\"account:*\"],\"Resource\":\"*\"}]}");

  private final TrustGraph graph;
  private final Consumer<BlindSpot> blindSpots;
  private String account;
  private Entity accountEntity;
  private final Map<String, NamedPolicy> policies = new LinkedHashMap<>();
  private final Set<String> missingPolicies = new LinkedHashSet<>();
  private final Map<String, List<NamedPolicy>> groupPolicies = new LinkedHashMap<>();
  private final Map<Entity, List<String>> assumable = new LinkedHashMap<>();
  private final Map<Entity, PolicyDocument> trusts = new LinkedHashMap<>();

  AwsIamMapper(TrustGraph graph, Consumer<BlindSpot> blindSpots) {
    this.graph = graph;
    this.blindSpots = blindSpots;
  }

  String accountId() {
    return account;
  }

  void map(AccountSnapshot s) throws ConnectorException {
    account = s.accountId().or(() -> findAccount(s)).orElse(null);
    if (account == null) {
      throw new ConnectorException(
          "The IAM export holds no ARN, so the AWS account it describes cannot be told.");
    }
    String accountRid = AwsArns.accountId(account);
    accountEntity =
        graph.entity(accountRid, EntityKind.CLOUD_ACCOUNT, s.alias().orElse(account), SOURCE);
    accountEntity.set(Attr.ARN, "arn:aws:iam::" + account + ":root");

    JsonNode auth = s.authorization();
    for (JsonNode p : auth.path("Policies")) {
      readPolicy(p);
    }
    for (JsonNode g : auth.path("GroupDetailList")) {
      group(g);
    }
    for (JsonNode u : auth.path("UserDetailList")) {
      user(u);
    }
    for (JsonNode r : auth.path("RoleDetailList")) {
      role(r);
    }
    s.credentialReport().ifPresent(this::credentialReport);
    s.accessKeys().ifPresent(this::accessKeys);
    for (AccountSnapshot.OidcProvider p : s.providers()) {
      provider(p);
    }
    referencedProviders();
    roleChains();

    for (String arn : missingPolicies) {
      blindSpots.accept(
          new BlindSpot(
              accountRid,
              "the managed policy " + arn.substring(arn.lastIndexOf('/') + 1),
              "it is attached but its document is not in the export",
              "export without --filter so that every attached policy is included"));
    }
    for (AccountSnapshot.Gap gap : s.gaps()) {
      blindSpots.accept(new BlindSpot(accountRid, gap.what(), gap.reason(), gap.remedy()));
    }
  }

  private static Optional<String> findAccount(AccountSnapshot s) {
    for (String list : AccountSnapshot.LISTS) {
      for (JsonNode item : s.authorization().path(list)) {
        Optional<String> a = AwsArns.account(item.path("Arn").asText(""));
        if (a.isPresent() && !item.path("Arn").asText().startsWith("arn:aws:iam::aws:")) {
          return a;
        }
      }
    }
    for (AccountSnapshot.OidcProvider p : s.providers()) {
      if (p.arn() != null) {
        Optional<String> a = AwsArns.account(p.arn());
        if (a.isPresent()) {
          return a;
        }
      }
    }
    return Optional.empty();
  }

  // Policies

  private void readPolicy(JsonNode p) {
    String arn = p.path("Arn").asText();
    String name = p.path("PolicyName").asText(arn);
    for (JsonNode v : p.path("PolicyVersionList")) {
      if (v.path("IsDefaultVersion").asBoolean(false)) {
        try {
          policies.put(arn, new NamedPolicy(name, PolicyDocument.of(v.path("Document"))));
        } catch (IllegalArgumentException e) {
          blindSpots.accept(
              new BlindSpot(
                  AwsArns.accountId(account),
                  "the policy " + name,
                  "its document is not valid",
                  ""));
        }
      }
    }
  }

  private Optional<NamedPolicy> attached(String arn, String name) {
    NamedPolicy known = policies.get(arn);
    if (known != null) {
      return Optional.of(known);
    }
    String builtIn = WELL_KNOWN.get(arn);
    if (builtIn != null) {
      return Optional.of(new NamedPolicy(name, PolicyDocument.parse(builtIn)));
    }
    missingPolicies.add(arn);
    return Optional.empty();
  }

  /** The inline and attached policies of a principal; false in the result when one is missing. */
  private boolean ownPolicies(JsonNode principal, String inlineList, List<NamedPolicy> out) {
    boolean complete = true;
    for (JsonNode inline : principal.path(inlineList)) {
      try {
        out.add(
            new NamedPolicy(
                "inline " + inline.path("PolicyName").asText(),
                PolicyDocument.of(inline.path("PolicyDocument"))));
      } catch (IllegalArgumentException e) {
        complete = false;
      }
    }
    for (JsonNode a : principal.path("AttachedManagedPolicies")) {
      Optional<NamedPolicy> p =
          attached(a.path("PolicyArn").asText(), a.path("PolicyName").asText());
      if (p.isPresent()) {
        out.add(p.get());
      } else {
        complete = false;
      }
    }
    return complete;
  }

  private Optional<PolicyDocument> boundary(JsonNode principal) {
    String arn = principal.path("PermissionsBoundary").path("PermissionsBoundaryArn").asText("");
    if (arn.isEmpty()) {
      return Optional.empty();
    }
    return attached(arn, arn.substring(arn.lastIndexOf('/') + 1)).map(NamedPolicy::document);
  }

  /**
   * Sets what the policies grant. Administrator access and escalation come from every policy in
   * force (own and groups'); wildcard grants from the principal's own, so that a group's grant is
   * reported once, on the group. When a policy is missing, only what is proven is set.
   */
  private void permissions(
      Entity e,
      List<NamedPolicy> own,
      List<NamedPolicy> effective,
      Optional<PolicyDocument> boundary,
      boolean complete) {
    Permissions eff = PermissionAnalysis.analyze(effective, boundary);
    Permissions mine = PermissionAnalysis.analyze(own, boundary);
    if (complete || eff.fullAdmin()) {
      e.set(Attr.ADMIN_ACCESS, eff.fullAdmin());
    }
    e.set(Attr.ADMIN_VIA, eff.adminVia());
    if (complete || !eff.escalation().isEmpty()) {
      e.set(Attr.PRIVILEGE_ESCALATION, eff.escalation());
    }
    if (complete || !mine.wildcardGrants().isEmpty()) {
      e.set(Attr.WILDCARD_GRANTS, mine.wildcardGrants());
    }
    if (eff.adminEquivalent()) {
      graph.relate(e, RelationKind.CAN_ADMIN, accountEntity, SOURCE);
    }
    if (!eff.assumableRoles().isEmpty()) {
      assumable.put(e, eff.assumableRoles());
    }
  }

  // Principals

  private Entity principal(EntityKind kind, String idKind, String name, JsonNode json) {
    Entity e = graph.entity(ResourceId.of("aws", account, idKind, name), kind, name, SOURCE);
    e.set(Attr.ARN, text(json, "Arn"));
    CredentialReport.instant(json.path("CreateDate").asText(""))
        .ifPresent(t -> e.set(Attr.CREATED_AT, t));
    graph.relate(accountEntity, RelationKind.CONTAINS, e, SOURCE);
    return e;
  }

  private void group(JsonNode g) {
    String name = g.path("GroupName").asText();
    Entity group = principal(EntityKind.TEAM, "group", name, g);
    List<NamedPolicy> own = new ArrayList<>();
    boolean complete = ownPolicies(g, "GroupPolicyList", own);
    List<NamedPolicy> viaGroup = new ArrayList<>();
    for (NamedPolicy p : own) {
      viaGroup.add(new NamedPolicy("group " + name + ": " + p.name(), p.document()));
    }
    groupPolicies.put(name, complete ? viaGroup : null);
    permissions(group, own, own, Optional.empty(), complete);
  }

  private void user(JsonNode u) {
    String name = u.path("UserName").asText();
    Entity user = principal(EntityKind.USER, "user", name, u);
    List<NamedPolicy> own = new ArrayList<>();
    boolean complete = ownPolicies(u, "UserPolicyList", own);
    List<NamedPolicy> effective = new ArrayList<>(own);
    for (JsonNode g : u.path("GroupList")) {
      String groupName = g.asText();
      graph
          .find(ResourceId.of("aws", account, "group", groupName))
          .ifPresent(group -> graph.relate(user, RelationKind.MEMBER_OF, group, SOURCE));
      List<NamedPolicy> fromGroup = groupPolicies.get(groupName);
      if (fromGroup == null) {
        complete = false;
      } else {
        effective.addAll(fromGroup);
      }
    }
    Optional<PolicyDocument> boundary = boundary(u);
    recordBoundary(user, u);
    permissions(user, own, effective, boundary, complete);
  }

  private void role(JsonNode r) {
    String name = r.path("RoleName").asText();
    Entity role = principal(EntityKind.CLOUD_ROLE, "role", name, r);
    if (r.path("Path").asText("/").startsWith("/aws-service-role/")) {
      role.set(Attr.SYSTEM_DEFAULT, true); // Service-linked: defined and maintained by AWS.
    }
    JsonNode trustNode = r.path("AssumeRolePolicyDocument");
    if (!trustNode.isMissingNode() && !trustNode.isNull()) {
      String text = PolicyDocument.jsonText(trustNode);
      role.set(Attr.TRUST_POLICY, text);
      try {
        trusts.put(role, PolicyDocument.parse(text));
      } catch (IllegalArgumentException unreadable) {
        // The rules report an unparseable trust policy as unknown.
      }
    }
    CredentialReport.instant(r.path("RoleLastUsed").path("LastUsedDate").asText(""))
        .ifPresent(t -> role.set(Attr.LAST_ACTIVE_AT, t));
    List<NamedPolicy> own = new ArrayList<>();
    boolean complete = ownPolicies(r, "RolePolicyList", own);
    recordBoundary(role, r);
    permissions(role, own, own, boundary(r), complete);
  }

  private static void recordBoundary(Entity e, JsonNode principal) {
    String arn = principal.path("PermissionsBoundary").path("PermissionsBoundaryArn").asText("");
    if (!arn.isEmpty()) {
      e.set(Attr.PERMISSIONS_BOUNDARY, arn);
    }
  }

  // Credential report and access keys

  private Entity userNamed(String name, String arn) {
    Optional<Entity> known = graph.find(ResourceId.of("aws", account, "user", name));
    if (known.isPresent()) {
      return known.get();
    }
    Entity e =
        graph.entity(ResourceId.of("aws", account, "user", name), EntityKind.USER, name, SOURCE);
    e.set(Attr.ARN, arn);
    graph.relate(accountEntity, RelationKind.CONTAINS, e, SOURCE);
    return e;
  }

  private void credentialReport(CredentialReport report) {
    for (CredentialReport.Row row : report.rows()) {
      boolean root = row.user().equals(ROOT_USER);
      Entity user = userNamed(row.user(), row.text("arn").orElse(null));
      if (root) {
        // The root user can do everything and can always have a password, unless it was removed
        // (root access management in AWS Organizations), which the report shows as "false".
        user.set(Attr.ADMIN_ACCESS, true).set(Attr.ADMIN_VIA, List.of("root user"));
        user.set(Attr.CONSOLE_ACCESS, row.bool("password_enabled").orElse(true));
        graph.relate(user, RelationKind.CAN_ADMIN, accountEntity, SOURCE);
      } else {
        row.bool("password_enabled").ifPresent(b -> user.set(Attr.CONSOLE_ACCESS, b));
      }
      row.bool("mfa_active").ifPresent(b -> user.set(Attr.MFA_ENABLED, b));
      row.instant("password_last_used").ifPresent(t -> user.set(Attr.LAST_ACTIVE_AT, t));
      for (int slot = 1; slot <= 2; slot++) {
        String prefix = "access_key_" + slot + "_";
        Optional<Boolean> active = row.bool(prefix + "active");
        Optional<Instant> rotated = row.instant(prefix + "last_rotated");
        if (rotated.isEmpty() && !active.orElse(false)) {
          continue; // No key in this slot.
        }
        Entity key = key(user, slot);
        active.ifPresent(a -> key.set(Attr.ACTIVE, a));
        rotated.ifPresent(t -> key.set(Attr.CREATED_AT, t));
        Optional<Instant> used = row.instant(prefix + "last_used_date");
        if (used.isPresent()) {
          key.set(Attr.LAST_ACTIVE_AT, used.get());
        } else if (row.never(prefix + "last_used_date")) {
          key.set(Attr.NEVER_USED, true);
        }
      }
    }
  }

  private Entity key(Entity user, int slot) {
    String name = user.name() + "/" + slot;
    Entity key =
        graph.entity(
            ResourceId.of("aws", account, "access-key", name), EntityKind.TOKEN, name, SOURCE);
    graph.relate(user, RelationKind.CONTAINS, key, SOURCE);
    return key;
  }

  /**
   * Access keys listed through the API: matched to the credential report's slots by creation time
   * (a slot's last rotation is its key's creation), in creation order otherwise.
   */
  private void accessKeys(Map<String, List<AccountSnapshot.AccessKey>> byUser) {
    for (Map.Entry<String, List<AccountSnapshot.AccessKey>> e : byUser.entrySet()) {
      Entity user = userNamed(e.getKey(), null);
      List<Entity> slots =
          new ArrayList<>(
              graph.targets(user, RelationKind.CONTAINS).stream()
                  .filter(k -> k.kind() == EntityKind.TOKEN)
                  .toList());
      List<AccountSnapshot.AccessKey> keys = new ArrayList<>(e.getValue());
      keys.sort(Comparator.comparing(AccountSnapshot.AccessKey::created));
      int next = slots.size() + 1;
      for (AccountSnapshot.AccessKey k : keys) {
        Entity slot =
            slots.stream()
                .filter(
                    s ->
                        s.instant(Attr.CREATED_AT)
                            .map(c -> c.getEpochSecond() == k.created().getEpochSecond())
                            .orElse(false))
                .findFirst()
                .orElse(null);
        if (slot == null) {
          slot = key(user, next++);
          slot.set(Attr.CREATED_AT, k.created());
        }
        slot.set(Attr.ACTIVE, k.active());
        if (k.lastUsed() != null) {
          slot.set(Attr.LAST_ACTIVE_AT, k.lastUsed()).set(Attr.NEVER_USED, null);
        } else if (!slot.has(Attr.LAST_ACTIVE_AT)) {
          slot.set(Attr.NEVER_USED, true);
        }
      }
    }
  }

  // Identity providers

  private void provider(AccountSnapshot.OidcProvider p) {
    if (p.url() == null) {
      return;
    }
    String arn =
        p.arn() != null ? p.arn() : "arn:aws:iam::" + account + ":oidc-provider/" + p.url();
    Entity idp = providerEntity(arn, p.url());
    if (p.audiences() != null) {
      idp.set(Attr.AUDIENCES, p.audiences());
    }
    if (p.created() != null) {
      idp.set(Attr.CREATED_AT, p.created());
    }
  }

  private Entity providerEntity(String arn, String url) {
    Entity idp =
        graph.entity(
            ResourceId.of("aws", account, "oidc-provider", url),
            EntityKind.IDENTITY_PROVIDER,
            url,
            SOURCE);
    idp.set(Attr.ARN, arn).set(Attr.ISSUER, url);
    graph.relate(accountEntity, RelationKind.CONTAINS, idp, SOURCE);
    return idp;
  }

  /** Providers named by trust policies but not listed (offline exports do not list them). */
  private void referencedProviders() {
    for (PolicyDocument trust : trusts.values()) {
      for (var grant : OidcTrust.grants(trust)) {
        String arn = grant.providerArn();
        if (AwsArns.account(arn).map(account::equals).orElse(false)
            && graph
                .find(ResourceId.of("aws", account, "oidc-provider", grant.issuer().url()))
                .isEmpty()) {
          providerEntity(arn, grant.issuer().url());
        }
      }
    }
  }

  // Who may assume which role inside the account

  private void roleChains() {
    for (Map.Entry<Entity, List<String>> e : assumable.entrySet()) {
      Entity from = e.getKey();
      String fromArn = from.text(Attr.ARN).orElse("");
      for (Map.Entry<Entity, PolicyDocument> target : trusts.entrySet()) {
        Entity role = target.getKey();
        String roleArn = role.text(Attr.ARN).orElse("");
        if (role.equals(from)
            || e.getValue().stream().noneMatch(p -> IamGlob.matches(p, roleArn))
            || !trustsPrincipal(target.getValue(), fromArn)) {
          continue;
        }
        graph.relate(from, RelationKind.ASSUMES_ROLE, role, SOURCE).set(Attr.VIA, "sts:AssumeRole");
      }
    }
  }

  /** The trust policy lets this principal (or its whole account) call sts:AssumeRole. */
  private boolean trustsPrincipal(PolicyDocument trust, String principalArn) {
    for (Statement s : trust.statements()) {
      if (!s.allow() || s.notPrincipal() || !s.coversAction("sts:AssumeRole")) {
        continue;
      }
      if (s.anyPrincipal()) {
        return true;
      }
      for (String p : s.principals("AWS")) {
        if (p.equals("*")
            || p.equals(principalArn)
            || p.equals(account)
            || p.equals("arn:aws:iam::" + account + ":root")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
