package dev.tenet.core.paths;

import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.FindingIds;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rule.RuleTally;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Finds attack paths from untrusted entry points to crown jewels, the findings and facts behind
 * every step, the smallest set of fixes that closes them all, and blast radii.
 *
 * <p>For each kind of entry point (the internet, outside collaborators, members without 2FA...) one
 * shortest-path search from all its entry points at once gives each crown jewel its nearest entry
 * of that kind; a jewel keeps its few most severe paths. Steps the graph could not confirm
 * (assumed) cost more, so a confirmed route is preferred. Then the cut: a minimum set of fixes
 * hitting every path; the search runs again with the cut applied, and any path it still finds is
 * added and the cut recomputed, until nothing is reachable (or the policy's rounds run out).
 */
public final class AttackPathAnalyzer {
  /** The rule id and metadata of the findings the analysis raises: one per reachable jewel. */
  public static final RuleMetadata RULE =
      new RuleMetadata(
          "TENET-PATH-001",
          "attack-path",
          Severity.HIGH,
          "Crown jewel reachable from an untrusted entry point",
          "Each step of the chain may look tolerable on its own; together they let an outsider,"
              + " or a single weak account, reach production, a release branch, a registry, a"
              + " cloud role or the organization itself.",
          List.of(
              "Apply one of the fixes listed for this path: any one of them breaks it.",
              "Start with the cut that closes the most paths ('tenet paths' lists it)."),
          List.of(
              "docs/ATTACK-PATHS.md",
              "https://owasp.org/www-project-top-10-ci-cd-security-risks/"));

  /** Extra cost of a step the graph could not confirm: a confirmed route wins when one exists. */
  private static final int ASSUMED_COST = 3;

  private static final long GROUP_KEY = 1L << 62;
  private static final long ENTRY_KEY = 1L << 61;

  private final AttackGraph g;
  private final PathPolicy policy;
  private final Instant now;
  private final List<Finding> findings;
  private final Steps steps;
  private final Weakness pathWeakness;
  private final Map<String, List<Integer>> findingsByResource = new HashMap<>();
  private final String[][] selfAnchors;
  private final String[] repositoryAnchors;
  private final String[] organizationAnchors;

  private final int[] tokenStart;
  private final int[] tokens;

  private final List<String> categories = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private final int[] jewelOf;
  private final int[] jewels;

  private final Map<Long, Integer> factIndex = new HashMap<>();
  private final List<Fact> facts = new ArrayList<>();
  private final List<Long> factKeys = new ArrayList<>();
  private final List<Map<Integer, Entry>> entryByNode = new ArrayList<>();

  /** An entry point: a node, the selector that made it one, and its category (the name). */
  private record Entry(int node, int selector, int category) {}

  /**
   * A fix that is not a finding: removing a step (edge), or what makes an entity an entry point
   * (entry). Its words are only made when it is shown.
   */
  private record Fact(int edge, Entry entry) {}

  /** A path found: its entry, its jewel, its steps (edges) and, once kept, its fix tokens. */
  private record Found(
      int category,
      Entry entry,
      int jewel,
      int[] edges,
      int[] tokens,
      Severity severity,
      int cost) {
    Key key() {
      return new Key(entry.node(), edges);
    }

    Found withTokens(int[] tokens) {
      return new Found(category, entry, jewel, edges, tokens, severity, cost);
    }
  }

  /** Identifies a path: its entry and its steps. */
  private record Key(int entry, int[] edges) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.entry == entry && Arrays.equals(k.edges, edges);
    }

    @Override
    public int hashCode() {
      return 31 * entry + Arrays.hashCode(edges);
    }
  }

  public AttackPathAnalyzer(AttackGraph graph, List<Finding> findings, Instant now) {
    this.g = graph;
    this.policy = graph.policy;
    this.now = now;
    this.findings = List.copyOf(findings);
    this.steps = new Steps(graph);
    this.pathWeakness = WeaknessCatalog.standard().get(RULE.weakness());
    for (int i = 0; i < this.findings.size(); i++) {
      findingsByResource
          .computeIfAbsent(this.findings.get(i).resource(), k -> new ArrayList<>(2))
          .add(i);
    }
    selfAnchors = new String[g.entityCount][];
    repositoryAnchors = new String[g.entityCount];
    organizationAnchors = new String[g.entityCount];

    // Entry points by category, crown jewels by selector.
    Map<String, Integer> categoryIds = new LinkedHashMap<>();
    for (PathPolicy.Selector s : policy.entryPoints()) {
      categoryIds.computeIfAbsent(s.name(), k -> categoryIds.size());
    }
    categories.addAll(categoryIds.keySet());
    jewelOf = new int[g.entityCount];
    Arrays.fill(jewelOf, -1);
    List<Integer> jewelList = new ArrayList<>();
    for (int n = 0; n < g.entityCount; n++) {
      Entity e = g.entityOf(n);
      if (excluded(e)) {
        continue;
      }
      BitSet seen = new BitSet();
      for (int s = 0; s < policy.entryPoints().size(); s++) {
        PathPolicy.Selector sel = policy.entryPoints().get(s);
        int category = categoryIds.get(sel.name());
        if (!seen.get(category) && matches(sel, n)) {
          seen.set(category);
          entries.add(new Entry(n, s, category));
        }
      }
      for (int s = 0; s < policy.crownJewels().size(); s++) {
        if (matches(policy.crownJewels().get(s), n)) {
          jewelOf[n] = s;
          jewelList.add(n);
          break;
        }
      }
    }
    jewels = jewelList.stream().mapToInt(Integer::intValue).toArray();
    categories.forEach(c -> entryByNode.add(new HashMap<>()));
    entries.forEach(e -> entryByNode.get(e.category()).putIfAbsent(e.node(), e));

    // The findings that enable each step, once for all edges.
    int edges = g.edgeCount();
    tokenStart = new int[edges + 1];
    int[] buffer = new int[Math.max(16, edges / 8)];
    int size = 0;
    @SuppressWarnings("unchecked")
    List<PathPolicy.Enabler>[] byType = new List[HopType.values().length];
    Set<String> present = new HashSet<>();
    this.findings.forEach(f -> present.add(f.weakness().id()));
    for (HopType t : HopType.values()) {
      // Only enablers whose weakness was found anywhere can match a step.
      byType[t.ordinal()] =
          policy.enablers().getOrDefault(t, List.of()).stream()
              .filter(en -> present.contains(en.weakness()))
              .toList();
    }
    boolean anyFindings = !findingsByResource.isEmpty();
    for (int e = 0; e < edges; e++) {
      tokenStart[e] = size;
      List<PathPolicy.Enabler> enablers = byType[g.edgeType[e]];
      if (!anyFindings || enablers.isEmpty()) {
        continue;
      }
      for (PathPolicy.Enabler en : enablers) {
        for (String resource : anchors(e, en.anchor())) {
          List<Integer> candidates = findingsByResource.get(resource);
          if (candidates == null) {
            continue;
          }
          for (int f : candidates) {
            if (this.findings.get(f).weakness().id().equals(en.weakness())
                && !contains(buffer, tokenStart[e], size, f)) {
              if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
              }
              buffer[size++] = f;
            }
          }
        }
      }
    }
    tokenStart[edges] = size;
    tokens = Arrays.copyOf(buffer, size);
  }

  /** Builds the attack graph and analyses it in one go. */
  public static PathAnalysis analyze(
      TrustGraph graph, PathPolicy policy, List<Finding> findings, Instant now) {
    return new AttackPathAnalyzer(AttackGraph.of(graph, policy), findings, now).analyze();
  }

  public PathAnalysis analyze() {
    Search search = new Search(g);
    List<Found> found = new ArrayList<>();
    Set<Key> known = new HashSet<>();
    BitSet reachable = new BitSet();
    Round first = collect(search, new int[0], found, known, reachable);
    int[] cut = new int[0];
    boolean closesAll = !first.reached();
    if (!closesAll) {
      cut = new CutSolver(tokens(found), preferred()).solve();
      // Look again with the cut applied: paths it misses are added and covered by more fixes.
      // The cut only grows, so the rounds end.
      for (int round = 1; round < policy.limits().cutRounds(); round++) {
        int before = found.size();
        Round next = collect(search, cut, found, known, null);
        if (!next.reached()) {
          closesAll = true;
          break;
        }
        if (next.added() == 0) {
          break; // Still reachable, by paths with nothing to cut.
        }
        int[] more =
            new CutSolver(tokens(found.subList(before, found.size())), preferred()).solve();
        cut = IntStream.concat(Arrays.stream(cut), Arrays.stream(more)).distinct().toArray();
      }
    }
    CutSolver all = new CutSolver(tokens(found), preferred());
    if (closesAll && cut.length > 1) {
      // A smaller cut over everything found is better, if it closes everything too.
      int[] smallest = all.solve();
      if (smallest.length < cut.length && !reachesAnything(search, smallest)) {
        cut = smallest;
      }
    }
    return result(found, reachable, all.order(cut), closesAll, all);
  }

  /** What one round of searches found. */
  private record Round(int added, boolean reached) {}

  /**
   * Searches from every kind of entry point with a cut applied, and keeps each reachable jewel's
   * few best paths not seen before.
   */
  private Round collect(
      Search search, int[] cut, List<Found> found, Set<Key> known, BitSet reachable) {
    Blocks blocks = blocks(cut);
    Map<Integer, List<Found>> byJewel = new LinkedHashMap<>();
    for (int c = 0; c < categories.size(); c++) {
      int[] sources = sources(c, blocks);
      if (sources.length == 0) {
        continue;
      }
      search.run(sources, blocks.edges(), policy.limits().maxHops());
      BitSet winners = new BitSet();
      for (int j : jewels) {
        if (search.reached(j) && !search.isSource(j)) {
          Found f = found(c, j, search);
          winners.set(f.entry().node());
          byJewel.computeIfAbsent(j, k -> new ArrayList<>(2)).add(f);
        }
      }
      // Alternatives: the nearest entry point of the same kind among those that won nothing.
      int[] others = Arrays.stream(sources).filter(n -> !winners.get(n)).toArray();
      if (others.length > 0 && policy.limits().maxPathsPerJewel() > 1) {
        search.run(others, blocks.edges(), policy.limits().maxHops());
        for (int j : jewels) {
          if (search.reached(j) && !search.isSource(j)) {
            byJewel.computeIfAbsent(j, k -> new ArrayList<>(2)).add(found(c, j, search));
          }
        }
      }
    }
    int added = 0;
    for (Map.Entry<Integer, List<Found>> candidates : byJewel.entrySet()) {
      if (reachable != null) {
        reachable.set(candidates.getKey());
      }
      List<Found> list = candidates.getValue();
      list.sort(
          Comparator.comparing(Found::severity)
              .thenComparingInt(Found::cost)
              .thenComparingInt(Found::category));
      for (Found f : list.subList(0, Math.min(list.size(), policy.limits().maxPathsPerJewel()))) {
        if (known.add(f.key())) {
          found.add(f.withTokens(tokensOf(f)));
          added++;
        }
      }
    }
    return new Round(added, !byJewel.isEmpty());
  }

  private boolean reachesAnything(Search search, int[] cut) {
    Blocks blocks = blocks(cut);
    for (int c = 0; c < categories.size(); c++) {
      int[] sources = sources(c, blocks);
      if (sources.length == 0) {
        continue;
      }
      search.run(sources, blocks.edges(), policy.limits().maxHops());
      for (int j : jewels) {
        if (search.reached(j) && !search.isSource(j)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<int[]> tokens(List<Found> found) {
    List<int[]> out = new ArrayList<>(found.size());
    found.forEach(f -> out.add(f.tokens()));
    return out;
  }

  /** Everything an entity can reach, with the shortest chain to each. */
  public Optional<Reach> reach(String entityId) {
    Optional<Integer> start = g.node(entityId);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    int s = start.get();
    Search search = new Search(g);
    search.run(new int[] {s}, null, Integer.MAX_VALUE);
    List<Reach.Reached> out = new ArrayList<>();
    Map<Integer, Integer> position = new HashMap<>();
    position.put(s, -1);
    for (int n : search.order()) {
      if (g.level[n] == AttackGraph.MEMBERS) {
        continue;
      }
      int en = g.entityNode(n);
      boolean control = g.level[n] == AttackGraph.CONTROL;
      Integer at = position.get(en);
      if (at != null && (at < 0 || !control || out.get(at).level().equals("control"))) {
        continue; // Already listed with at least this hold.
      }
      Entity e = g.entityOf(n);
      int j = jewelOf[en];
      Reach.Reached reached =
          new Reach.Reached(
              e.id(),
              e.kind().id(),
              j >= 0 && control ? policy.crownJewels().get(j).name() : null,
              control ? "control" : "write",
              hops(search.path(n)));
      if (at != null) {
        out.set(at, reached); // Reached first with write access, later with control.
      } else {
        position.put(en, out.size());
        out.add(reached);
      }
    }
    Entity principal = g.entityOf(s);
    return Optional.of(new Reach(principal.id(), principal.kind().id(), out));
  }

  /** Entry point categories with how many entry points each has. */
  public Map<String, Integer> entryPoints() {
    Map<String, Integer> out = new LinkedHashMap<>();
    categories.forEach(c -> out.put(c, 0));
    entries.forEach(e -> out.merge(categories.get(e.category()), 1, Integer::sum));
    return out;
  }

  // ---------------------------------------------------------------- results

  private PathAnalysis result(
      List<Found> found, BitSet reachable, int[] cut, boolean closesAll, CutSolver solver) {
    List<Found> ordered = new ArrayList<>(found);
    ordered.sort(
        Comparator.comparing(Found::severity)
            .thenComparingInt(f -> f.edges().length)
            .thenComparingInt(Found::jewel)
            .thenComparingInt(f -> f.entry().node())
            .thenComparingInt(Found::category));
    List<AttackPath> listed = new ArrayList<>();
    for (Found f : ordered) {
      if (listed.size() == policy.limits().maxPaths()) {
        break;
      }
      listed.add(attackPath(f));
    }
    Map<String, Integer> findingPaths = new HashMap<>();
    for (Found f : found) {
      for (int t : f.tokens()) {
        if (t < findings.size()) {
          findingPaths.merge(findings.get(t).id(), 1, Integer::sum);
        }
      }
    }
    List<Exposure.Fix> fixes = new ArrayList<>();
    for (int t : cut) {
      fixes.add(fix(t, solver.closes(t)));
    }
    Set<Integer> entryNodes = new HashSet<>();
    entries.forEach(e -> entryNodes.add(e.node()));
    List<Exposure.BlastRadius> radii = blastRadii();
    Exposure exposure =
        new Exposure(
            entryNodes.size(),
            jewels.length,
            reachable.cardinality(),
            found.size(),
            fixes,
            closesAll || found.isEmpty(),
            findingPaths,
            radii);

    // One finding per reachable crown jewel; the unreachable ones pass.
    Map<Integer, List<Found>> byJewel = new LinkedHashMap<>();
    for (Found f : ordered) {
      byJewel.computeIfAbsent(f.jewel(), k -> new ArrayList<>()).add(f);
    }
    Set<Integer> inCut = new HashSet<>();
    Arrays.stream(cut).forEach(inCut::add);
    List<Finding> raised = new ArrayList<>();
    for (Map.Entry<Integer, List<Found>> e : byJewel.entrySet()) {
      raised.add(jewelFinding(e.getKey(), e.getValue(), inCut));
    }
    RuleTally tally =
        new RuleTally(
            RULE.id(),
            RULE.weakness(),
            pathWeakness.pillar(),
            RULE.severity(),
            jewels.length - byJewel.size(),
            byJewel.size(),
            0);
    return new PathAnalysis(listed, exposure, raised, tally);
  }

  private AttackPath attackPath(Found f) {
    List<AttackPath.Hop> hops = hops(f.edges());
    Entity entry = g.entityOf(f.entry().node());
    Entity target = g.entityOf(f.jewel());
    StringBuilder signature = new StringBuilder();
    for (AttackPath.Hop h : hops) {
      signature
          .append(h.from())
          .append('|')
          .append(h.relation())
          .append('|')
          .append(h.to())
          .append('\n');
    }
    return new AttackPath(
        FindingIds.of("PATH", entry.id() + ">" + target.id(), signature.toString()),
        f.severity(),
        entry.id(),
        target.id(),
        hops,
        cutFindings(f),
        categories.get(f.category()),
        policy.crownJewels().get(jewelOf[f.jewel()]).name());
  }

  private List<String> cutFindings(Found f) {
    List<Integer> ids = new ArrayList<>();
    for (int t : f.tokens()) {
      if (t < findings.size()) {
        ids.add(t);
      }
    }
    return sortedFindingIds(ids);
  }

  /** Finding ids, most severe first. */
  private List<String> sortedFindingIds(java.util.Collection<Integer> tokens) {
    List<Integer> ids = new ArrayList<>(tokens);
    ids.sort(Comparator.comparing((Integer t) -> findings.get(t).severity()).thenComparing(t -> t));
    return ids.stream().map(t -> findings.get(t).id()).toList();
  }

  private String relation(int edge) {
    return g.type(edge) == HopType.BASE_PERMISSION && g.level[g.edgeTo[edge]] == AttackGraph.CONTROL
        ? "can-admin"
        : g.type(edge).relation();
  }

  private List<AttackPath.Hop> hops(int[] edges) {
    List<AttackPath.Hop> hops = new ArrayList<>(edges.length);
    for (int e : edges) {
      Entity from = g.entityOf(g.edgeFrom[e]);
      Entity to = g.entityOf(g.edgeTo[e]);
      String relation = relation(e);
      String fact = steps.fact(e);
      Finding enabler = null;
      for (int i = tokenStart[e]; i < tokenStart[e + 1]; i++) {
        Finding candidate = findings.get(tokens[i]);
        if (enabler == null || candidate.severity().ordinal() < enabler.severity().ordinal()) {
          enabler = candidate;
        }
      }
      String fix =
          enabler != null && !enabler.remediation().isEmpty()
              ? enabler.remediation().get(0)
              : steps.fix(e);
      hops.add(
          new AttackPath.Hop(
              from.id(), relation, to.id(), enabler != null ? enabler.id() : fact, fact, fix));
    }
    return hops;
  }

  private Finding jewelFinding(int jewel, List<Found> paths, Set<Integer> inCut) {
    Found shortest = paths.get(0);
    Entity target = g.entityOf(jewel);
    Entity entry = g.entityOf(shortest.entry().node());
    PathPolicy.Selector jewelSel = policy.crownJewels().get(jewelOf[jewel]);
    List<String> chain = new ArrayList<>();
    chain.add(Steps.name(entry));
    List<String> stepLines = new ArrayList<>(shortest.edges().length);
    for (int e : shortest.edges()) {
      stepLines.add(
          g.entityOf(g.edgeFrom[e]).id()
              + " -"
              + relation(e)
              + "-> "
              + g.entityOf(g.edgeTo[e]).id()
              + ": "
              + steps.fact(e));
    }
    for (int e : shortest.edges()) {
      chain.add(Steps.name(g.entityOf(g.edgeTo[e])));
    }
    boolean assumed = Arrays.stream(shortest.edges()).anyMatch(g::assumed);
    String message =
        Steps.name(target)
            + " ("
            + jewelSel.name()
            + ") is reachable from "
            + Steps.name(entry)
            + " ("
            + categories.get(shortest.category())
            + ") in "
            + shortest.edges().length
            + " step"
            + (shortest.edges().length == 1 ? "" : "s")
            + ": "
            + String.join(" → ", chain)
            + (assumed ? " (some steps could not be verified)" : "")
            + ".";
    Set<Integer> fixTokens = new TreeSet<>();
    Set<Integer> findingTokens = new TreeSet<>();
    for (Found f : paths) {
      for (int t : f.tokens()) {
        if (inCut.contains(t)) {
          fixTokens.add(t);
        }
        if (t < findings.size()) {
          findingTokens.add(t);
        }
      }
    }
    List<String> cutIds = sortedFindingIds(findingTokens);
    List<String> remediation = new ArrayList<>();
    for (int t : fixTokens) {
      Exposure.Fix fix = fix(t, 0);
      remediation.add(fix.action() + (fix.finding() ? " (finding " + fix.id() + ")" : ""));
    }
    remediation.addAll(RULE.remediation());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("crownJewel", jewelSel.name());
    evidence.put("entry", entry.id());
    evidence.put("entryPoint", categories.get(shortest.category()));
    evidence.put("steps", stepLines);
    evidence.put("paths", paths.size());
    evidence.put("cut", cutIds);
    Severity worst =
        paths.stream().map(Found::severity).min(Comparator.naturalOrder()).orElseThrow();
    return new Finding(
        FindingIds.of(RULE.id(), target.id(), ""),
        RULE.id(),
        pathWeakness,
        worst,
        RULE.title(),
        message,
        target.id(),
        null,
        evidence,
        remediation);
  }

  private final Map<Integer, Exposure.Fix> fixCache = new HashMap<>();

  private Exposure.Fix fix(int token, int closes) {
    Exposure.Fix f = fixCache.computeIfAbsent(token, t -> describeFix(t));
    return closes == f.closes()
        ? f
        : new Exposure.Fix(f.id(), f.finding(), f.resource(), f.title(), f.action(), closes);
  }

  private Exposure.Fix describeFix(int token) {
    int closes = 0;
    if (token < findings.size()) {
      Finding f = findings.get(token);
      return new Exposure.Fix(
          f.id(),
          true,
          f.resource(),
          f.title(),
          f.remediation().isEmpty() ? f.message() : f.remediation().get(0),
          closes);
    }
    Fact fact = facts.get(token - findings.size());
    if (fact.entry() != null) {
      PathPolicy.Selector sel = policy.entryPoints().get(fact.entry().selector());
      Entity e = g.entityOf(fact.entry().node());
      return new Exposure.Fix(
          "fact:" + sel.name() + ":" + e.id(),
          false,
          e.id(),
          Steps.name(e) + ": " + (sel.description().isBlank() ? sel.name() : sel.description()),
          sel.fix().replace("{name}", e.name()),
          closes);
    }
    int edge = fact.edge();
    int group = g.edgeGroup[edge];
    String id =
        group >= 0
            ? "fact:" + g.groups.get(group)
            : "fact:"
                + g.type(edge).id()
                + ":"
                + g.entityOf(g.edgeFrom[edge]).id()
                + ">"
                + g.entityOf(g.edgeTo[edge]).id();
    return new Exposure.Fix(
        id, false, steps.fixResource(edge), steps.fact(edge), steps.fix(edge), closes);
  }

  private List<Exposure.BlastRadius> blastRadii() {
    // Round-robin over categories, so every kind of entry point is looked at.
    List<List<Entry>> byCategory = new ArrayList<>();
    categories.forEach(c -> byCategory.add(new ArrayList<>()));
    entries.forEach(e -> byCategory.get(e.category()).add(e));
    List<Entry> picked = new ArrayList<>();
    Set<Integer> nodes = new HashSet<>();
    for (int i = 0; picked.size() < policy.limits().blastRadiusEntries(); i++) {
      boolean any = false;
      for (List<Entry> list : byCategory) {
        if (i < list.size()) {
          any = true;
          if (nodes.add(list.get(i).node())
              && picked.size() < policy.limits().blastRadiusEntries()) {
            picked.add(list.get(i));
          }
        }
      }
      if (!any) {
        break;
      }
    }
    Reachability reach = new Reachability(g);
    List<Exposure.BlastRadius> out = new ArrayList<>();
    for (Entry entry : picked) {
      int[] kinds = new int[EntityKind.values().length];
      List<String> jewelsReached = new ArrayList<>();
      int count = 0;
      int jewelCount = 0;
      int[] order = reach.from(entry.node());
      for (int i = 0; i < reach.size(); i++) {
        int n = order[i];
        int en = g.entityNode(n);
        if (reach.firstTime(en)) {
          count++;
          kinds[g.entityOf(en).kind().ordinal()]++;
        }
        if (g.level[n] == AttackGraph.CONTROL && jewelOf[en] >= 0) {
          jewelCount++;
          if (jewelsReached.size() < 25) {
            jewelsReached.add(g.entityOf(en).id());
          }
        }
      }
      Map<String, Integer> byKind = new HashMap<>();
      for (EntityKind k : EntityKind.values()) {
        if (kinds[k.ordinal()] > 0) {
          byKind.put(k.id(), kinds[k.ordinal()]);
        }
      }
      Map<String, Integer> sorted = new LinkedHashMap<>();
      byKind.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(k -> sorted.put(k.getKey(), k.getValue()));
      Entity e = g.entityOf(entry.node());
      out.add(
          new Exposure.BlastRadius(
              e.id(), e.kind().id(), count, sorted, jewelsReached, jewelCount));
    }
    out.sort(
        Comparator.comparingInt(Exposure.BlastRadius::crownJewelCount)
            .reversed()
            .thenComparing(Comparator.comparingInt(Exposure.BlastRadius::reachable).reversed())
            .thenComparing(Exposure.BlastRadius::principal));
    return out.subList(0, Math.min(out.size(), policy.limits().blastRadiusListed()));
  }

  // ---------------------------------------------------------------- search state

  private Found found(int category, int jewel, Search search) {
    int[] edges = search.path(jewel);
    int start = edges.length == 0 ? jewel : g.edgeFrom[edges[0]];
    Entry entry = entryByNode.get(category).get(start);
    boolean assumed = false;
    for (int e : edges) {
      assumed |= g.assumed(e);
    }
    Severity entrySeverity = policy.entryPoints().get(entry.selector()).severity();
    Severity jewelSeverity = policy.crownJewels().get(jewelOf[jewel]).severity();
    Severity severity = milder(entrySeverity, jewelSeverity);
    if (assumed && severity != Severity.INFO) {
      severity = Severity.values()[severity.ordinal() + 1];
    }
    return new Found(category, entry, jewel, edges, null, severity, search.cost(jewel));
  }

  /** The fixes that break a path: its entry point's, and each step's findings and fact. */
  private int[] tokensOf(Found f) {
    int[] entryTokens = entryTokens(f.entry());
    int[] out = new int[entryTokens.length + f.edges().length * 4 + 4];
    int n = 0;
    for (int t : entryTokens) {
      out[n++] = t;
    }
    for (int e : f.edges()) {
      for (int i = tokenStart[e]; i < tokenStart[e + 1]; i++) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = tokens[i];
      }
      int fact = factToken(e);
      if (fact >= 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = fact;
      }
    }
    Arrays.sort(out, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || out[distinct - 1] != out[i]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  private static Severity milder(Severity a, Severity b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  private final Map<Entry, int[]> entryTokenCache = new HashMap<>();

  private int[] entryTokens(Entry entry) {
    return entryTokenCache.computeIfAbsent(
        entry,
        en -> {
          PathPolicy.Selector sel = policy.entryPoints().get(en.selector());
          Set<Integer> out = new TreeSet<>();
          for (PathPolicy.Enabler enabler : sel.cutBy()) {
            List<String> resources =
                switch (enabler.anchor()) {
                  case REPOSITORY -> List.of(repositoryAnchor(en.node()));
                  case ORGANIZATION -> List.of(organizationAnchor(en.node()));
                  default -> Arrays.asList(selfAnchors(en.node()));
                };
            for (String r : resources) {
              for (int f : findingsByResource.getOrDefault(r, List.of())) {
                if (findings.get(f).weakness().id().equals(enabler.weakness())) {
                  out.add(f);
                }
              }
            }
          }
          if (sel.fix() != null) {
            long key = ENTRY_KEY | ((long) en.selector() << 32) | en.node();
            out.add(fact(key, -1, en));
          }
          return out.stream().mapToInt(Integer::intValue).toArray();
        });
  }

  private int factToken(int edge) {
    if (!steps.cuttable(edge)) {
      return -1;
    }
    int group = g.edgeGroup[edge];
    return fact(group >= 0 ? GROUP_KEY | group : edge, edge, null);
  }

  private int fact(long key, int edge, Entry entry) {
    Integer at = factIndex.get(key);
    if (at == null) {
      at = facts.size();
      facts.add(new Fact(edge, entry));
      factKeys.add(key);
      factIndex.put(key, at);
    }
    return findings.size() + at;
  }

  private boolean[] preferred() {
    boolean[] out = new boolean[findings.size() + facts.size()];
    Arrays.fill(out, 0, findings.size(), true);
    return out;
  }

  /** What a cut blocks: steps, and entry points it stops being entry points. */
  private record Blocks(boolean[] edges, BitSet findings, Set<Long> factKeys) {}

  private Blocks blocks(int[] cut) {
    if (cut.length == 0) {
      return new Blocks(null, new BitSet(), Set.of());
    }
    BitSet blockedFindings = new BitSet();
    Set<Long> keys = new HashSet<>();
    boolean[] groups = new boolean[g.groups.size()];
    BitSet edgeFacts = new BitSet();
    for (int t : cut) {
      if (t < findings.size()) {
        blockedFindings.set(t);
      } else {
        long key = factKeys.get(t - findings.size());
        keys.add(key);
        if ((key & GROUP_KEY) != 0) {
          groups[(int) (key & ~GROUP_KEY)] = true;
        } else if ((key & ENTRY_KEY) == 0) {
          edgeFacts.set((int) key);
        }
      }
    }
    boolean[] blocked = new boolean[g.edgeCount()];
    for (int e = 0; e < blocked.length; e++) {
      boolean b = edgeFacts.get(e) || (g.edgeGroup[e] >= 0 && groups[g.edgeGroup[e]]);
      for (int i = tokenStart[e]; !b && i < tokenStart[e + 1]; i++) {
        b = blockedFindings.get(tokens[i]);
      }
      blocked[e] = b;
    }
    return new Blocks(blocked, blockedFindings, keys);
  }

  private int[] sources(int category, Blocks blocks) {
    return entries.stream()
        .filter(e -> e.category() == category)
        .filter(
            e -> {
              for (int t : entryTokens(e)) {
                if (t < findings.size()
                    ? blocks.findings().get(t)
                    : blocks.factKeys().contains(factKeys.get(t - findings.size()))) {
                  return false;
                }
              }
              return true;
            })
        .mapToInt(Entry::node)
        .toArray();
  }

  // ---------------------------------------------------------------- selectors and anchors

  private boolean excluded(Entity e) {
    return policy.exclude().stream().anyMatch(p -> p.matches(e.id()));
  }

  private boolean matches(PathPolicy.Selector s, int node) {
    Entity e = g.entityOf(node);
    if (!s.kinds().isEmpty() && !s.kinds().contains(e.kind())) {
      return false;
    }
    if (!s.names().isEmpty() && s.names().stream().noneMatch(p -> p.matches(e.name()))) {
      return false;
    }
    if (!s.ids().isEmpty() && s.ids().stream().noneMatch(p -> p.matches(e.id()))) {
      return false;
    }
    if (!s.repositories().isEmpty()) {
      int repo = g.repositoryOf(node);
      if (repo < 0) {
        return false;
      }
      String name = g.entityOf(repo).name();
      if (s.repositories().stream().noneMatch(p -> p.matches(name))) {
        return false;
      }
    }
    for (Map.Entry<String, List<String>> w : s.where().entrySet()) {
      Object value = e.get(w.getKey());
      if (value == null) {
        return false;
      }
      String text = String.valueOf(value);
      if (w.getValue().stream().noneMatch(text::equalsIgnoreCase)) {
        return false;
      }
    }
    if (s.defaultBranch() != null && s.defaultBranch() != g.isDefaultBranch(node)) {
      return false;
    }
    for (Map.Entry<String, Integer> age : s.olderThanDays().entrySet()) {
      Instant at;
      try {
        at = e.instant(age.getKey()).orElse(null);
      } catch (DateTimeParseException malformed) {
        at = null;
      }
      if (at == null || !at.isBefore(now.minus(Duration.ofDays(age.getValue())))) {
        return false;
      }
    }
    if (s.containedBy() != null) {
      int p = node < g.parent.length ? g.parent[node] : -1;
      boolean inside = false;
      for (int hops = 0; p >= 0 && hops < 32 && !inside; hops++) {
        inside = matches(s.containedBy(), p);
        p = g.parent[p];
      }
      return inside;
    }
    return true;
  }

  private List<String> anchors(int edge, PathPolicy.Anchor anchor) {
    int from = g.entityNode(g.edgeFrom[edge]);
    int to = g.entityNode(g.edgeTo[edge]);
    return switch (anchor) {
      case FROM -> Arrays.asList(selfAnchors(from));
      case TO -> Arrays.asList(selfAnchors(to));
      case FROM_REPOSITORY -> List.of(repositoryAnchor(from));
      case TO_REPOSITORY -> List.of(repositoryAnchor(to));
      case FROM_ORGANIZATION -> List.of(organizationAnchor(from));
      case TO_ORGANIZATION -> List.of(organizationAnchor(to));
      case SELF, REPOSITORY, ORGANIZATION -> List.of();
    };
  }

  /** An entity's own resource ids: its id, its file, and for a job its workflow's. */
  private String[] selfAnchors(int node) {
    String[] cached = selfAnchors[node];
    if (cached != null) {
      return cached;
    }
    List<String> out = new ArrayList<>(3);
    Entity e = g.entityOf(node);
    out.add(e.id());
    String file = fileResource(node);
    if (file != null) {
      out.add(file);
    }
    if (e.kind() == EntityKind.JOB) {
      int p = g.parent[node];
      if (p >= 0 && g.entityOf(p).kind() == EntityKind.WORKFLOW) {
        out.add(g.entityOf(p).id());
        String wf = fileResource(p);
        if (wf != null) {
          out.add(wf);
        }
      }
    }
    cached = out.toArray(String[]::new);
    selfAnchors[node] = cached;
    return cached;
  }

  private String fileResource(int node) {
    String path = g.entityOf(node).text(GateAttributes.PATH).orElse(null);
    if (path == null) {
      return null;
    }
    String repo = repositoryAnchor(node);
    return repo.indexOf('#') >= 0 ? null : ResourceId.part(repo, "file", path);
  }

  private String repositoryAnchor(int node) {
    String cached = repositoryAnchors[node];
    if (cached == null) {
      int repo = g.repositoryOf(node);
      cached = repo >= 0 ? g.entityOf(repo).id() : ResourceId.scopeOf(g.entityOf(node).id());
      repositoryAnchors[node] = cached;
    }
    return cached;
  }

  private String organizationAnchor(int node) {
    String cached = organizationAnchors[node];
    if (cached == null) {
      String id = g.entityOf(node).id();
      String platform = ResourceId.platformOf(id);
      String scope = ResourceId.scopeOf(id);
      if (platform.isEmpty()) {
        cached = scope;
      } else {
        String rest = scope.substring(platform.length() + 1);
        int slash = rest.indexOf('/');
        cached = platform + ":" + (slash < 0 ? rest : rest.substring(0, slash));
      }
      organizationAnchors[node] = cached;
    }
    return cached;
  }

  private static boolean contains(int[] a, int from, int to, int value) {
    for (int i = from; i < to; i++) {
      if (a[i] == value) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- shortest paths

  /**
   * Plain breadth-first reachability for blast radii: no costs, no blocks, nothing to reset between
   * runs (visits are stamped with the run number).
   */
  static final class Reachability {
    private final AttackGraph g;
    private final int[] visited;
    private final int[] counted;
    private final int[] queue;
    private int run;
    private int size;

    Reachability(AttackGraph g) {
      this.g = g;
      visited = new int[g.nodeCount()];
      counted = new int[g.nodeCount()];
      queue = new int[g.nodeCount()];
    }

    /**
     * The nodes reached from {@code start}, closest first, without {@code start} and the derived
     * "members of" nodes (membership is not a hold on anything); valid for {@link #size()} items.
     */
    int[] from(int start) {
      run++;
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      visited[start] = run;
      counted[g.entityNode(start)] = run;
      size = 0;
      int[] out = queue;
      while (head < tail) {
        int u = queue[head++];
        for (int e = g.outStart[u]; e < g.outStart[u + 1]; e++) {
          int v = g.edgeTo[e];
          if (visited[v] != run) {
            visited[v] = run;
            queue[tail++] = v;
          }
        }
      }
      // Compact in place: drop the start and the members nodes, keep the order.
      for (int i = 1; i < tail; i++) {
        if (g.level[queue[i]] != AttackGraph.MEMBERS) {
          out[size++] = queue[i];
        }
      }
      return out;
    }

    int size() {
      return size;
    }

    /** True the first time an entity is met in this run. */
    boolean firstTime(int entityNode) {
      if (counted[entityNode] == run) {
        return false;
      }
      counted[entityNode] = run;
      return true;
    }
  }

  /**
   * Shortest paths from a set of sources (Dial's algorithm: every step costs 1, an assumed one 1 +
   * ASSUMED_COST, so the buckets are a ring of ASSUMED_COST + 2). Arrays are reused between runs.
   */
  static final class Search {
    private final AttackGraph g;
    private final int[] dist;
    private final int[] via;
    private final int[] hops;
    private final int[][] buckets = new int[ASSUMED_COST + 2][];
    private final int[] bucketSize = new int[ASSUMED_COST + 2];
    private int[] order = new int[64];
    private int ordered;
    private final BitSet sources = new BitSet();

    Search(AttackGraph g) {
      this.g = g;
      int n = g.nodeCount();
      dist = new int[n];
      via = new int[n];
      hops = new int[n];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new int[64];
      }
    }

    void run(int[] from, boolean[] blocked, int maxHops) {
      Arrays.fill(dist, Integer.MAX_VALUE);
      Arrays.fill(via, -1);
      Arrays.fill(bucketSize, 0);
      sources.clear();
      ordered = 0;
      int pending = 0;
      for (int s : from) {
        if (dist[s] != 0) {
          dist[s] = 0;
          hops[s] = 0;
          sources.set(s);
          push(0, s);
          pending++;
        }
      }
      int ring = buckets.length;
      for (int d = 0; pending > 0; d++) {
        int b = d % ring;
        // Nodes pushed into this bucket while it is processed have a larger distance: none here,
        // since every step costs at least 1.
        for (int i = 0; i < bucketSize[b]; i++) {
          int u = buckets[b][i];
          pending--;
          if (dist[u] != d) {
            continue; // A stale entry: u was reached more cheaply later.
          }
          record(u);
          if (hops[u] >= maxHops) {
            continue;
          }
          for (int e = g.outStart[u]; e < g.outStart[u + 1]; e++) {
            if (blocked != null && blocked[e]) {
              continue;
            }
            int v = g.edgeTo[e];
            int nd = d + (g.assumed(e) ? 1 + ASSUMED_COST : 1);
            if (nd < dist[v]) {
              dist[v] = nd;
              via[v] = e;
              hops[v] = hops[u] + 1;
              push(nd % ring, v);
              pending++;
            }
          }
        }
        bucketSize[b] = 0;
      }
    }

    private void push(int bucket, int node) {
      if (bucketSize[bucket] == buckets[bucket].length) {
        buckets[bucket] = Arrays.copyOf(buckets[bucket], bucketSize[bucket] * 2);
      }
      buckets[bucket][bucketSize[bucket]++] = node;
    }

    private void record(int node) {
      if (ordered == order.length) {
        order = Arrays.copyOf(order, ordered * 2);
      }
      order[ordered++] = node;
    }

    boolean reached(int node) {
      return dist[node] != Integer.MAX_VALUE;
    }

    boolean isSource(int node) {
      return sources.get(node);
    }

    int cost(int node) {
      return dist[node];
    }

    /** Nodes reached, closest first, sources excluded. */
    int[] order() {
      int[] out = new int[ordered];
      int k = 0;
      for (int i = 0; i < ordered; i++) {
        if (!sources.get(order[i])) {
          out[k++] = order[i];
        }
      }
      return Arrays.copyOf(out, k);
    }

    /** The steps from the nearest source to the node. */
    int[] path(int node) {
      int length = 0;
      for (int v = node; via[v] >= 0; v = g.edgeFrom[via[v]]) {
        length++;
      }
      int[] edges = new int[length];
      int v = node;
      for (int i = length - 1; i >= 0; i--) {
        edges[i] = via[v];
        v = g.edgeFrom[via[v]];
      }
      return edges;
    }
  }
}
