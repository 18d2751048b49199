package dev.tenet.core.paths;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The trust graph as attack steps, in compact arrays: node {@code n} stands for an entity at a
 * level of control, edge {@code e} is one step from {@code edgeFrom[e]} to {@code edgeTo[e]}. Built
 * once per scan from a trust graph that no longer changes.
 *
 * <p>Most nodes are entities under full control. Two kinds of derived node keep the graph small:
 * "write access to repository R" (what push rights reach: unprotected branches, workflows,
 * repository secrets, environments that accept any branch) and "the members of organization O"
 * (what the base permission grants every member). So the base permission costs one step per
 * repository, not one per member and repository.
 *
 * <p>A step guarded by a fact Tenet could not see (protection, reviewers, runner reuse unknown) is
 * kept but flagged as assumed: unknown is never taken as safe, and the path says what to verify.
 */
public final class AttackGraph {
  static final byte CONTROL = 0;
  static final byte WRITE = 1;
  static final byte MEMBERS = 2;
  static final byte ASSUMED = 1;

  /** The id of the internet entity when the graph has none and a step from it is derived. */
  public static final String INTERNET_ID = "internet:anyone";

  private static final List<String> WRITE_PERMISSIONS =
      List.of(
          "contents:write",
          "actions:write",
          "workflows:write",
          "secrets:write",
          "administration:write",
          "environments:write",
          "packages:write",
          "pull_requests:write");

  final PathPolicy policy;
  final int entityCount;
  final Entity[] entity;
  final byte[] level;
  final int[] writeNode;
  final int[] membersNode;
  final int[] parent;
  private final Map<String, Integer> nodeById;

  final int[] outStart;
  final int[] edgeFrom;
  final int[] edgeTo;
  final byte[] edgeType;
  final byte[] edgeFlags;
  final Relation[] edgeRelation;
  final int[] edgeGroup;
  final List<String> groups;

  private AttackGraph(Builder b) {
    this.policy = b.policy;
    this.entityCount = b.entityCount;
    this.entity = b.entity;
    this.level = b.level;
    this.writeNode = b.writeNode;
    this.membersNode = b.membersNode;
    this.parent = b.parent;
    this.nodeById = b.index;
    int n = entity.length;
    int m = b.edges;
    // Counting sort of the edges by their source: the CSR layout every search walks.
    outStart = new int[n + 1];
    for (int e = 0; e < m; e++) {
      outStart[b.from[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
    }
    int[] cursor = Arrays.copyOf(outStart, n);
    edgeFrom = new int[m];
    edgeTo = new int[m];
    edgeType = new byte[m];
    edgeFlags = new byte[m];
    edgeRelation = new Relation[m];
    edgeGroup = new int[m];
    for (int e = 0; e < m; e++) {
      int at = cursor[b.from[e]]++;
      edgeFrom[at] = b.from[e];
      edgeTo[at] = b.to[e];
      edgeType[at] = b.type[e];
      edgeFlags[at] = b.flags[e];
      edgeRelation[at] = b.relation[e];
      edgeGroup[at] = b.group[e];
    }
    groups = List.copyOf(b.groups);
  }

  /** Builds the attack graph of a trust graph under a policy. */
  public static AttackGraph of(TrustGraph graph, PathPolicy policy) {
    return new Builder(graph, policy).build();
  }

  public int nodeCount() {
    return entity.length;
  }

  public int edgeCount() {
    return edgeTo.length;
  }

  /** The node standing for full control of an entity. */
  public Optional<Integer> node(String entityId) {
    return Optional.ofNullable(nodeById.get(entityId));
  }

  HopType type(int edge) {
    return HopType.values()[edgeType[edge]];
  }

  boolean assumed(int edge) {
    return (edgeFlags[edge] & ASSUMED) != 0;
  }

  /** The entity a node stands for (a derived node stands for its repository or organization). */
  Entity entityOf(int node) {
    return entity[node];
  }

  /** The entity node of a node: itself, or the entity a derived node belongs to. */
  int entityNode(int node) {
    return node < entityCount ? node : nodeById.get(entity[node].id());
  }

  /** The repository an entity belongs to (itself for a repository), or -1. */
  int repositoryOf(int node) {
    int n = entityNode(node);
    for (int hops = 0; n >= 0 && hops < 32; hops++) {
      if (entity[n].kind() == EntityKind.REPOSITORY) {
        return n;
      }
      n = parent[n];
    }
    Integer byScope = nodeById.get(ResourceId.scopeOf(entity[entityNode(node)].id()));
    return byScope != null && entity[byScope].kind() == EntityKind.REPOSITORY ? byScope : -1;
  }

  boolean isDefaultBranch(int node) {
    Entity e = entity[node];
    if (e.kind() != EntityKind.BRANCH) {
      return false;
    }
    int repo = repositoryOf(node);
    return repo >= 0 && entity[repo].text(Attr.DEFAULT_BRANCH).map(e.name()::equals).orElse(false);
  }

  /** Builds the arrays in two passes over the relations. */
  private static final class Builder {
    final TrustGraph graph;
    final PathPolicy policy;
    final Map<String, Integer> index = new HashMap<>();
    int entityCount;
    Entity[] entity;
    byte[] level;
    int[] writeNode;
    int[] membersNode;
    int[] parent;
    final List<String> groups = new ArrayList<>();
    final Map<String, Integer> groupIds = new HashMap<>();

    int edges;
    int[] from = new int[1024];
    int[] to = new int[1024];
    byte[] type = new byte[1024];
    byte[] flags = new byte[1024];
    Relation[] relation = new Relation[1024];
    int[] group = new int[1024];

    Builder(TrustGraph graph, PathPolicy policy) {
      this.graph = graph;
      this.policy = policy;
    }

    AttackGraph build() {
      Collection<Entity> all = graph.entities();
      List<Relation> relations = graph.relations().toList();
      int real = all.size();
      Entity[] entities = new Entity[real];
      int i = 0;
      for (Entity e : all) {
        entities[i] = e;
        index.put(e.id(), i++);
      }
      int[] parents = new int[real];
      Arrays.fill(parents, -1);
      // Children of repositories and organizations, for the derived steps.
      Map<Integer, List<Integer>> children = new HashMap<>();
      for (Relation r : relations) {
        if (r.kind() == RelationKind.CONTAINS) {
          int f = index.get(r.from().id());
          int t = index.get(r.to().id());
          if (parents[t] < 0) {
            parents[t] = f;
          }
          EntityKind fk = r.from().kind();
          if (fk == EntityKind.REPOSITORY || fk == EntityKind.ORGANIZATION) {
            children.computeIfAbsent(f, k -> new ArrayList<>()).add(t);
          }
        }
      }
      List<Integer> fromInternet = untrustedWorkflows(entities, parents);
      boolean needInternet =
          !fromInternet.isEmpty() && graph.entities(EntityKind.INTERNET).isEmpty();

      // Entity nodes first (with a synthetic internet when a step from it is derived), then the
      // derived nodes: write access to each repository, the members of each organization.
      entityCount = real + (needInternet ? 1 : 0);
      int derived = 0;
      for (Entity e : entities) {
        if (e.kind() == EntityKind.REPOSITORY || e.kind() == EntityKind.ORGANIZATION) {
          derived++;
        }
      }
      int n = entityCount + derived;
      entity = Arrays.copyOf(entities, n);
      level = new byte[n];
      parent = Arrays.copyOf(parents, entityCount);
      writeNode = new int[entityCount];
      membersNode = new int[entityCount];
      Arrays.fill(writeNode, -1);
      Arrays.fill(membersNode, -1);
      int internet;
      if (needInternet) {
        internet = real;
        entity[internet] =
            new Entity(INTERNET_ID, EntityKind.INTERNET, "anyone on the internet", "tenet");
        parent[internet] = -1;
        index.put(INTERNET_ID, internet);
      } else {
        internet =
            graph.entities(EntityKind.INTERNET).stream()
                .findFirst()
                .map(e -> index.get(e.id()))
                .orElse(-1);
      }
      int next = entityCount;
      for (int k = 0; k < real; k++) {
        EntityKind kind = entities[k].kind();
        if (kind == EntityKind.REPOSITORY) {
          entity[next] = entities[k];
          level[next] = WRITE;
          writeNode[k] = next++;
        } else if (kind == EntityKind.ORGANIZATION) {
          entity[next] = entities[k];
          level[next] = MEMBERS;
          membersNode[k] = next++;
        }
      }

      for (Relation r : relations) {
        steps(r);
      }
      derivedSteps(children, fromInternet, internet);
      return new AttackGraph(this);
    }

    /** Workflows that anyone can run: an untrusted trigger on a public repository. */
    private List<Integer> untrustedWorkflows(Entity[] entities, int[] parents) {
      List<Integer> out = new ArrayList<>();
      for (int k = 0; k < entities.length; k++) {
        Entity wf = entities[k];
        if (wf.kind() != EntityKind.WORKFLOW) {
          continue;
        }
        boolean untrusted =
            wf.list(Attr.TRIGGERS).stream()
                .anyMatch(t -> policy.untrustedTriggers().contains(t.toLowerCase(Locale.ROOT)));
        if (!untrusted) {
          continue;
        }
        int repo = parents[k];
        for (int hops = 0; repo >= 0 && hops < 32; hops++) {
          if (entities[repo].kind() == EntityKind.REPOSITORY) {
            break;
          }
          repo = parents[repo];
        }
        if (repo >= 0
            && entities[repo].kind() == EntityKind.REPOSITORY
            && "public".equals(entities[repo].text(Attr.VISIBILITY).orElse(null))) {
          out.add(k);
        }
      }
      return out;
    }

    private int node(Entity e) {
      return index.get(e.id());
    }

    private void steps(Relation r) {
      Entity f = r.from();
      Entity t = r.to();
      int fn = node(f);
      int tn = node(t);
      switch (r.kind()) {
        case MEMBER_OF -> {
          if (t.kind() == EntityKind.ORGANIZATION) {
            String role = r.text(Attr.ROLE).orElse("member").toLowerCase(Locale.ROOT);
            if (role.equals("owner") || role.equals("admin")) {
              add(fn, tn, HopType.OWNER, 0, r, -1);
            } else {
              add(fn, membersNode[tn], HopType.MEMBER, 0, r, -1);
            }
          } else {
            add(fn, tn, HopType.TEAM_MEMBER, 0, r, -1);
          }
        }
        case CAN_ADMIN -> add(fn, tn, HopType.ADMIN, 0, r, -1);
        case CAN_WRITE -> {
          if (t.kind() == EntityKind.REPOSITORY) {
            add(fn, writeNode[tn], HopType.WRITE, 0, r, -1);
          } else if (t.kind() == EntityKind.ORGANIZATION) {
            add(fn, membersNode[tn], HopType.WRITE, 0, r, -1);
          } else {
            add(fn, tn, HopType.WRITE, 0, r, -1);
          }
        }
        case CAN_BYPASS_PROTECTION -> add(fn, tn, HopType.BYPASS, 0, r, -1);
        case CAN_APPROVE -> approve(fn, tn, r);
        case CAN_TRIGGER -> add(fn, tn, HopType.TRIGGER, 0, r, -1);
        case RUNS_ON -> {
          add(fn, tn, HopType.RUNS_ON, 0, r, -1);
          if (t.kind() == EntityKind.RUNNER || t.kind() == EntityKind.RUNNER_GROUP) {
            Boolean ephemeral = t.bool(GateAttributes.EPHEMERAL).orElse(null);
            if (!Boolean.TRUE.equals(ephemeral)) {
              add(tn, fn, HopType.HOSTS, ephemeral == null ? ASSUMED : 0, r, -1);
            }
          }
        }
        case USES -> add(tn, fn, HopType.USED_BY, 0, r, -1);
        case READS_SECRET -> add(fn, tn, HopType.READS_SECRET, 0, r, -1);
        case DEPLOYS_TO -> {
          int gate = reviewerGate(t);
          if (gate >= 0) {
            add(fn, tn, HopType.DEPLOYS_TO, gate, r, -1);
          }
        }
        case CAN_MINT_OIDC -> add(fn, tn, HopType.MINT_OIDC, 0, r, -1);
        case ASSUMES_ROLE -> add(fn, tn, HopType.ASSUMES_ROLE, 0, r, -1);
        case HAS_ROLE -> add(fn, tn, HopType.HAS_ROLE, 0, r, -1);
        case PUBLISHES -> add(fn, tn, HopType.PUBLISHES, 0, r, -1);
        case PULLS -> add(tn, fn, HopType.PULLED_BY, 0, r, -1);
        case INSTALLED_ON -> installed(fn, tn, r);
        case CAN_READ -> {
          EntityKind k = t.kind();
          if (k == EntityKind.SECRET
              || k == EntityKind.TOKEN
              || k == EntityKind.DEPLOY_KEY
              || k == EntityKind.VARIABLE) {
            add(fn, tn, HopType.READS_CREDENTIAL, 0, r, -1);
          }
        }
        case CONTAINS -> contains(fn, tn, r);
        default -> {
          // Other relations (structure the path engine does not walk) carry no control.
        }
      }
    }

    private void contains(int fn, int tn, Relation r) {
      add(fn, tn, HopType.CONTAINS, 0, r, -1);
      Entity f = entity[fn];
      Entity t = entity[tn];
      if (f.kind() == EntityKind.REPOSITORY) {
        int w = writeNode[fn];
        switch (t.kind()) {
          case BRANCH -> {
            int gate = pushGate(t);
            if (gate >= 0) {
              add(w, tn, HopType.PUSH, gate, r, -1);
            }
          }
          case ENVIRONMENT -> {
            int reviewers = reviewerGate(t);
            int branches = anyBranchGate(t);
            if (reviewers >= 0 && branches >= 0) {
              add(w, tn, HopType.WRITE_DEPLOY, reviewers | branches, r, -1);
            }
          }
          case WORKFLOW, JOB, SECRET, VARIABLE -> add(w, tn, HopType.WRITE_CONTAINS, 0, r, -1);
          default -> {
            // Write access does not reach the repository's other parts.
          }
        }
      } else if (f.kind() == EntityKind.ORGANIZATION && t.kind() == EntityKind.REPOSITORY) {
        String base = f.text(Attr.BASE_PERMISSION).orElse(null);
        int g = group("base-permission:" + f.id());
        if (base == null) {
          add(membersNode[fn], writeNode[tn], HopType.BASE_PERMISSION, ASSUMED, r, g);
        } else {
          switch (base.toLowerCase(Locale.ROOT)) {
            case "admin" -> add(membersNode[fn], tn, HopType.BASE_PERMISSION, 0, r, g);
            case "write", "maintain" ->
                add(membersNode[fn], writeNode[tn], HopType.BASE_PERMISSION, 0, r, g);
            default -> {
              // read or none: members get nothing they could change.
            }
          }
        }
      }
    }

    private void approve(int fn, int tn, Relation r) {
      Entity t = entity[tn];
      if (t.kind() == EntityKind.ENVIRONMENT) {
        add(fn, tn, HopType.APPROVE, 0, r, -1);
      } else if (t.kind() == EntityKind.BRANCH) {
        int gate = approvalGate(t);
        if (gate >= 0) {
          add(fn, tn, HopType.APPROVE, gate, r, -1);
        }
      }
    }

    private void installed(int fn, int tn, Relation r) {
      Entity app = entity[fn];
      Entity t = entity[tn];
      List<String> perms =
          r.has(GateAttributes.PERMISSIONS)
              ? r.list(GateAttributes.PERMISSIONS)
              : app.list(GateAttributes.PERMISSIONS);
      boolean known = r.has(GateAttributes.PERMISSIONS) || app.has(GateAttributes.PERMISSIONS);
      boolean admin = perms.contains("administration:write");
      boolean writes = perms.stream().anyMatch(WRITE_PERMISSIONS::contains);
      if (known && !writes) {
        return;
      }
      int flags = known ? 0 : ASSUMED;
      if (t.kind() == EntityKind.REPOSITORY) {
        add(fn, admin ? tn : writeNode[tn], HopType.INSTALLED, flags, r, -1);
      } else if (t.kind() == EntityKind.ORGANIZATION) {
        String selection =
            r.text(GateAttributes.REPOSITORY_SELECTION)
                .or(() -> app.text(GateAttributes.REPOSITORY_SELECTION))
                .orElse(null);
        if (selection != null && !selection.equals("all")) {
          return; // Selected repositories come as installations on each of them.
        }
        int g = group("installation:" + app.id() + "@" + t.id());
        int selFlags = flags | (selection == null ? ASSUMED : 0);
        for (Relation c : graph.outgoing(t, RelationKind.CONTAINS)) {
          if (c.to().kind() == EntityKind.REPOSITORY) {
            int repo = node(c.to());
            add(fn, admin ? repo : writeNode[repo], HopType.INSTALLED, selFlags, r, g);
          }
        }
      } else {
        add(fn, tn, HopType.INSTALLED, flags, r, -1);
      }
    }

    private void derivedSteps(
        Map<Integer, List<Integer>> children, List<Integer> fromInternet, int internet) {
      // Anyone can run a workflow with an untrusted trigger on a public repository.
      for (int wf : fromInternet) {
        boolean explicit =
            graph.incoming(entity[wf], RelationKind.CAN_TRIGGER).stream()
                .anyMatch(r -> r.from().kind() == EntityKind.INTERNET);
        if (!explicit) {
          add(internet, wf, HopType.TRIGGER, 0, null, -1);
        }
      }
      // Code on a branch deploys to the repository's environments that accept the branch.
      for (Map.Entry<Integer, List<Integer>> repo : children.entrySet()) {
        if (entity[repo.getKey()].kind() != EntityKind.REPOSITORY) {
          continue;
        }
        List<Integer> branches = new ArrayList<>();
        List<Integer> environments = new ArrayList<>();
        for (int c : repo.getValue()) {
          EntityKind k = entity[c].kind();
          if (k == EntityKind.BRANCH) {
            branches.add(c);
          } else if (k == EntityKind.ENVIRONMENT) {
            environments.add(c);
          }
        }
        for (int env : environments) {
          int reviewers = reviewerGate(entity[env]);
          if (reviewers < 0) {
            continue;
          }
          for (int b : branches) {
            int accepts = acceptsBranch(entity[env], entity[b]);
            if (accepts >= 0) {
              add(b, env, HopType.BRANCH_DEPLOYS, reviewers | accepts, null, -1);
            }
          }
        }
      }
    }

    /** -1 when reviewers gate deployments, ASSUMED when unknown, 0 when nobody does. */
    private static int reviewerGate(Entity environment) {
      if (!environment.has(GateAttributes.REQUIRED_REVIEWERS)) {
        return ASSUMED;
      }
      return environment.list(GateAttributes.REQUIRED_REVIEWERS).isEmpty() ? 0 : -1;
    }

    /** Whether any branch (so any writer's branch) may deploy to the environment. */
    private static int anyBranchGate(Entity environment) {
      String which = environment.text(GateAttributes.DEPLOYMENT_BRANCHES).orElse(null);
      if (which == null) {
        return ASSUMED;
      }
      if (which.equals("any")) {
        return 0;
      }
      if (which.equals("selected")
          && environment.list(GateAttributes.DEPLOYMENT_BRANCH_PATTERNS).contains("*")) {
        return 0;
      }
      return -1;
    }

    private static int acceptsBranch(Entity environment, Entity branch) {
      String which = environment.text(GateAttributes.DEPLOYMENT_BRANCHES).orElse(null);
      if (which == null) {
        return ASSUMED;
      }
      return switch (which) {
        case "any" -> 0;
        case "protected" ->
            branch.isTrue(Attr.PROTECTED) ? 0 : branch.has(Attr.PROTECTED) ? -1 : ASSUMED;
        case "selected" ->
            environment.list(GateAttributes.DEPLOYMENT_BRANCH_PATTERNS).stream()
                    .anyMatch(p -> Glob.of(p).matches(branch.name()))
                ? 0
                : -1;
        default -> -1;
      };
    }

    /** Whether push access reaches the branch: protection absent, or merging needs no review. */
    private static int pushGate(Entity branch) {
      Boolean prot = branch.bool(Attr.PROTECTED).orElse(null);
      if (prot == null) {
        return ASSUMED;
      }
      if (!prot) {
        return 0;
      }
      Long approvals = branch.number(Attr.REQUIRED_APPROVALS).orElse(null);
      if (approvals == null) {
        return ASSUMED;
      }
      return approvals == 0 ? 0 : -1;
    }

    /** Whether one approver suffices to merge into the branch. */
    private static int approvalGate(Entity branch) {
      Long approvals = branch.number(Attr.REQUIRED_APPROVALS).orElse(null);
      if (approvals == null) {
        return ASSUMED;
      }
      return approvals <= 1 ? 0 : -1;
    }

    private int group(String key) {
      return groupIds.computeIfAbsent(
          key,
          k -> {
            groups.add(k);
            return groups.size() - 1;
          });
    }

    private void add(int f, int t, HopType hop, int flag, Relation r, int g) {
      if (f < 0 || t < 0 || f == t) {
        return;
      }
      if (edges == from.length) {
        int size = from.length * 2;
        from = Arrays.copyOf(from, size);
        to = Arrays.copyOf(to, size);
        type = Arrays.copyOf(type, size);
        flags = Arrays.copyOf(flags, size);
        relation = Arrays.copyOf(relation, size);
        group = Arrays.copyOf(group, size);
      }
      from[edges] = f;
      to[edges] = t;
      type[edges] = (byte) hop.ordinal();
      flags[edges] = (byte) flag;
      relation[edges] = r;
      group[edges] = g;
      edges++;
    }
  }
}
