package dev.tenet.core.paths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.WeaknessCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What counts as an untrusted entry point and as a crown jewel, which findings enable which kind of
 * attack step, and how far the search goes. The bundled default ({@code paths.yaml} beside this
 * class) can be extended or overridden by a {@code paths.yaml} in the data folder: a section given
 * there replaces the default one ({@code entryPoints}, {@code crownJewels}, {@code
 * untrustedTriggers}, {@code exclude}), {@code addEntryPoints} / {@code addCrownJewels} add to the
 * defaults, and {@code enablers} and {@code limits} are merged key by key.
 *
 * @param untrustedTriggers workflow events that run with the workflow's privileges when anyone
 *     opens a fork pull request or comments on a public repository
 * @param exclude id patterns of entities never treated as entry point or crown jewel
 */
public record PathPolicy(
    List<Selector> entryPoints,
    List<Selector> crownJewels,
    Map<HopType, List<Enabler>> enablers,
    Set<String> untrustedTriggers,
    List<Glob> exclude,
    Limits limits) {

  public static final String FILE_NAME = "paths.yaml";
  private static final String DEFAULT_RESOURCE = "/dev/tenet/core/paths/paths.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_KEYS =
      Set.of(
          "entryPoints",
          "addEntryPoints",
          "crownJewels",
          "addCrownJewels",
          "enablers",
          "untrustedTriggers",
          "exclude",
          "limits");
  private static final Set<String> SELECTOR_KEYS =
      Set.of(
          "name",
          "description",
          "kind",
          "names",
          "ids",
          "repositories",
          "where",
          "defaultBranch",
          "containedBy",
          "olderThanDays",
          "severity",
          "cutBy",
          "fix");

  public PathPolicy {
    entryPoints = List.copyOf(entryPoints);
    crownJewels = List.copyOf(crownJewels);
    Map<HopType, List<Enabler>> copy = new EnumMap<>(HopType.class);
    enablers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    enablers = java.util.Collections.unmodifiableMap(copy);
    untrustedTriggers = Set.copyOf(untrustedTriggers);
    exclude = List.copyOf(exclude);
  }

  /**
   * How far the analysis goes.
   *
   * @param maxPaths attack paths listed in an assessment (all are counted and cut)
   * @param maxPathsPerJewel paths kept per crown jewel, each from another kind of entry point
   * @param maxHops longest path searched
   * @param blastRadiusEntries entry points whose blast radius is computed
   * @param blastRadiusListed blast radii listed in an assessment, widest first
   * @param cutRounds rounds of "cut, then look again for a path the cut missed"
   */
  public record Limits(
      int maxPaths,
      int maxPathsPerJewel,
      int maxHops,
      int blastRadiusEntries,
      int blastRadiusListed,
      int cutRounds) {}

  /** Where an enabling finding sits, seen from the step (or the entry point) it enables. */
  public enum Anchor {
    SELF("self"),
    REPOSITORY("repository"),
    ORGANIZATION("organization"),
    FROM("from"),
    TO("to"),
    FROM_REPOSITORY("from.repository"),
    TO_REPOSITORY("to.repository"),
    FROM_ORGANIZATION("from.organization"),
    TO_ORGANIZATION("to.organization");

    private final String id;

    Anchor(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    boolean forEntry() {
      return this == SELF || this == REPOSITORY || this == ORGANIZATION;
    }
  }

  /**
   * A finding of {@code weakness} on the resource at {@code anchor} enables the step (or makes the
   * entity an entry point); fixing it cuts the step.
   */
  public record Enabler(String weakness, Anchor anchor) {
    @Override
    public String toString() {
      return weakness + "@" + anchor.id();
    }
  }

  /**
   * Picks entities of the graph: all conditions given must hold. A condition on an attribute holds
   * only when the attribute is known (an unknown fact never makes an entry point or a jewel).
   *
   * @param name the category, e.g. internet, member-without-2fa, production-environment
   * @param kinds entity kinds
   * @param names patterns of the entity's name
   * @param ids patterns of the entity's resource id
   * @param repositories patterns of the name of the repository the entity belongs to
   * @param where attribute to accepted values (text compared case-insensitively)
   * @param defaultBranch when true, only the default branch of its repository
   * @param containedBy an enclosing entity (any ancestor) must match this selector
   * @param olderThanDays attribute (an instant) to a minimum age in days at scan time
   * @param severity how bad a path from this entry point, or to this crown jewel, is at most
   * @param cutBy entry points only: findings whose fix stops the entity being an entry point
   * @param fix entry points only: the fix when no finding names it ({name} is the entity's name)
   */
  public record Selector(
      String name,
      String description,
      Set<EntityKind> kinds,
      List<Glob> names,
      List<Glob> ids,
      List<Glob> repositories,
      Map<String, List<String>> where,
      Boolean defaultBranch,
      Selector containedBy,
      Map<String, Integer> olderThanDays,
      Severity severity,
      List<Enabler> cutBy,
      String fix) {

    public Selector {
      kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(kinds);
      names = List.copyOf(names);
      ids = List.copyOf(ids);
      repositories = List.copyOf(repositories);
      where = Map.copyOf(where);
      olderThanDays = Map.copyOf(olderThanDays);
      cutBy = List.copyOf(cutBy);
    }
  }

  /** The bundled policy. */
  public static PathPolicy standard() {
    return load(null);
  }

  /**
   * The bundled policy, with the user's file applied when {@code override} is given and exists.
   *
   * @throws PolicyException when the user's file cannot be read or is not a valid policy
   */
  public static PathPolicy load(Path override) {
    JsonNode defaults;
    try (InputStream in = PathPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The default path policy " + DEFAULT_RESOURCE + " is missing");
      }
      defaults = YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode user = null;
    String source = "the bundled paths.yaml";
    if (override != null) {
      try {
        String text = Files.readString(override);
        user = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
        source = override.toString();
      } catch (NoSuchFileException absent) {
        user = null;
      } catch (JsonProcessingException e) {
        throw new PolicyException(
            override
                + " is not valid YAML"
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                + ": "
                + e.getOriginalMessage()
                + ".",
            e);
      } catch (IOException e) {
        throw new PolicyException("Could not read " + override + ": " + e.getMessage() + ".", e);
      }
    }
    return parse(defaults, user, source);
  }

  /** Parses a policy given as YAML text over the bundled one (for tests and previews). */
  public static PathPolicy parse(String overrideYaml) {
    try {
      JsonNode defaults;
      try (InputStream in = PathPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        defaults = YAML.readTree(in);
      }
      return parse(defaults, YAML.readTree(overrideYaml), "the given policy");
    } catch (IOException e) {
      throw new PolicyException("The given policy is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static PathPolicy parse(JsonNode defaults, JsonNode user, String source) {
    Reader base = new Reader("the bundled paths.yaml");
    Reader mine = new Reader(source);
    if (user != null && !user.isNull() && !user.isMissingNode() && !user.isObject()) {
      throw new PolicyException(source + " must be a mapping of policy sections.");
    }
    ObjectNode u = user instanceof ObjectNode o ? o : YAML.createObjectNode();
    mine.checkKeys(u, TOP_KEYS, "the top level");

    List<Selector> entries =
        u.has("entryPoints")
            ? mine.selectors(u.get("entryPoints"), "entryPoints", true)
            : base.selectors(defaults.get("entryPoints"), "entryPoints", true);
    entries = new ArrayList<>(entries);
    entries.addAll(mine.selectors(u.get("addEntryPoints"), "addEntryPoints", true));
    List<Selector> jewels =
        u.has("crownJewels")
            ? mine.selectors(u.get("crownJewels"), "crownJewels", false)
            : base.selectors(defaults.get("crownJewels"), "crownJewels", false);
    jewels = new ArrayList<>(jewels);
    jewels.addAll(mine.selectors(u.get("addCrownJewels"), "addCrownJewels", false));

    Map<HopType, List<Enabler>> enablers = base.enablers(defaults.get("enablers"));
    enablers.putAll(mine.enablers(u.get("enablers")));

    Set<String> triggers =
        new LinkedHashSet<>(
            u.has("untrustedTriggers")
                ? mine.strings(u.get("untrustedTriggers"), "untrustedTriggers")
                : base.strings(defaults.get("untrustedTriggers"), "untrustedTriggers"));
    List<Glob> exclude =
        (u.has("exclude")
                ? mine.strings(u.get("exclude"), "exclude")
                : base.strings(defaults.get("exclude"), "exclude"))
            .stream().map(Glob::of).toList();

    Map<String, Integer> limits = base.ints(defaults.get("limits"), "limits");
    Map<String, Integer> userLimits = mine.ints(u.get("limits"), "limits");
    for (String key : userLimits.keySet()) {
      if (!limits.containsKey(key)) {
        throw new PolicyException(
            source
                + ": unknown limit '"
                + key
                + "' (known: "
                + String.join(", ", limits.keySet())
                + ").");
      }
    }
    limits.putAll(userLimits);
    Limits l =
        new Limits(
            limits.get("maxPaths"),
            limits.get("maxPathsPerJewel"),
            limits.get("maxHops"),
            limits.get("blastRadiusEntries"),
            limits.get("blastRadiusListed"),
            limits.get("cutRounds"));
    if (l.maxPathsPerJewel() < 1 || l.maxHops() < 1 || l.cutRounds() < 1 || l.maxPaths() < 0) {
      throw new PolicyException(
          source + ": limits maxPathsPerJewel, maxHops and cutRounds must be at least 1.");
    }
    return new PathPolicy(entries, jewels, enablers, triggers, exclude, l);
  }

  /** Reads one policy document, naming it in every error. */
  private record Reader(String source) {

    void checkKeys(JsonNode node, Set<String> known, String where) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!known.contains(key)) {
          throw new PolicyException(
              source
                  + ": unknown key '"
                  + key
                  + "' in "
                  + where
                  + " (known: "
                  + known.stream().sorted().collect(Collectors.joining(", "))
                  + ").");
        }
      }
    }

    List<Selector> selectors(JsonNode node, String section, boolean entry) {
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw new PolicyException(source + ": " + section + " must be a list.");
      }
      List<Selector> out = new ArrayList<>();
      int i = 0;
      for (JsonNode s : node) {
        out.add(selector(s, section + "[" + i++ + "]", entry, true));
      }
      return out;
    }

    Selector selector(JsonNode s, String where, boolean entry, boolean named) {
      if (!s.isObject()) {
        throw new PolicyException(source + ": " + where + " must be a mapping.");
      }
      checkKeys(s, SELECTOR_KEYS, where);
      String name = s.path("name").asText("");
      if (named && name.isBlank()) {
        throw new PolicyException(source + ": " + where + " needs a name.");
      }
      String at = name.isBlank() ? where : where + " (" + name + ")";
      Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
      for (String k : strings(s.get("kind"), at + ".kind")) {
        try {
          kinds.add(EntityKind.fromId(k.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new PolicyException(
              source
                  + ": "
                  + at
                  + ": unknown entity kind '"
                  + k
                  + "' (known: "
                  + Arrays.stream(EntityKind.values())
                      .map(EntityKind::id)
                      .collect(Collectors.joining(", "))
                  + ").");
        }
      }
      if (named && kinds.isEmpty()) {
        throw new PolicyException(source + ": " + at + " needs a kind.");
      }
      Map<String, List<String>> whereMap = new LinkedHashMap<>();
      JsonNode w = s.get("where");
      if (w != null && !w.isNull()) {
        if (!w.isObject()) {
          throw new PolicyException(source + ": " + at + ".where must be a mapping.");
        }
        w.properties()
            .forEach(
                e -> whereMap.put(e.getKey(), strings(e.getValue(), at + ".where." + e.getKey())));
      }
      Map<String, Integer> older = ints(s.get("olderThanDays"), at + ".olderThanDays");
      Severity severity = Severity.HIGH;
      if (s.hasNonNull("severity")) {
        try {
          severity = Severity.fromId(s.get("severity").asText());
        } catch (IllegalArgumentException e) {
          throw new PolicyException(source + ": " + at + ": " + e.getMessage() + ".");
        }
      }
      List<Enabler> cutBy = new ArrayList<>();
      for (String c : strings(s.get("cutBy"), at + ".cutBy")) {
        Enabler en = enabler(c, at + ".cutBy");
        if (!entry) {
          throw new PolicyException(source + ": " + at + ": cutBy is for entry points only.");
        }
        if (!en.anchor().forEntry()) {
          throw new PolicyException(
              source
                  + ": "
                  + at
                  + ".cutBy: an entry point's finding sits on self, repository or organization, not '"
                  + en.anchor().id()
                  + "'.");
        }
        cutBy.add(en);
      }
      Selector containedBy =
          s.hasNonNull("containedBy")
              ? selector(s.get("containedBy"), at + ".containedBy", entry, false)
              : null;
      return new Selector(
          name,
          s.path("description").asText(""),
          kinds,
          strings(s.get("names"), at + ".names").stream().map(Glob::of).toList(),
          strings(s.get("ids"), at + ".ids").stream().map(Glob::of).toList(),
          strings(s.get("repositories"), at + ".repositories").stream().map(Glob::of).toList(),
          whereMap,
          s.hasNonNull("defaultBranch") ? s.get("defaultBranch").asBoolean() : null,
          containedBy,
          older,
          severity,
          cutBy,
          s.hasNonNull("fix") ? s.get("fix").asText() : null);
    }

    Map<HopType, List<Enabler>> enablers(JsonNode node) {
      Map<HopType, List<Enabler>> out = new EnumMap<>(HopType.class);
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isObject()) {
        throw new PolicyException(source + ": enablers must be a mapping of step kinds.");
      }
      node.properties()
          .forEach(
              e -> {
                HopType type =
                    HopType.fromId(e.getKey())
                        .orElseThrow(
                            () ->
                                new PolicyException(
                                    source
                                        + ": enablers: unknown step kind '"
                                        + e.getKey()
                                        + "' (known: "
                                        + Arrays.stream(HopType.values())
                                            .map(HopType::id)
                                            .collect(Collectors.joining(", "))
                                        + ")."));
                List<Enabler> list = new ArrayList<>();
                for (String s : strings(e.getValue(), "enablers." + e.getKey())) {
                  Enabler en = enabler(s, "enablers." + e.getKey());
                  if (en.anchor().forEntry() && en.anchor() != Anchor.SELF) {
                    throw new PolicyException(
                        source
                            + ": enablers."
                            + e.getKey()
                            + ": a step's finding sits on from, to, from.repository,"
                            + " to.repository, from.organization or to.organization, not '"
                            + en.anchor().id()
                            + "'.");
                  }
                  if (en.anchor() == Anchor.SELF) {
                    throw new PolicyException(
                        source + ": enablers." + e.getKey() + ": 'self' is for entry points.");
                  }
                  list.add(en);
                }
                out.put(type, list);
              });
      return out;
    }

    Enabler enabler(String text, String where) {
      int at = text.lastIndexOf('@');
      if (at <= 0) {
        throw new PolicyException(
            source
                + ": "
                + where
                + ": '"
                + text
                + "' should read weakness@anchor, e.g. branch-unprotected@to.");
      }
      String weakness = text.substring(0, at).trim();
      String anchorId = text.substring(at + 1).trim();
      if (WeaknessCatalog.standard().find(weakness).isEmpty()) {
        throw new PolicyException(
            source + ": " + where + ": unknown weakness '" + weakness + "' (see weaknesses.yaml).");
      }
      Anchor anchor =
          Arrays.stream(Anchor.values())
              .filter(a -> a.id().equals(anchorId))
              .findFirst()
              .orElseThrow(
                  () ->
                      new PolicyException(
                          source
                              + ": "
                              + where
                              + ": unknown anchor '"
                              + anchorId
                              + "' (known: "
                              + Arrays.stream(Anchor.values())
                                  .map(Anchor::id)
                                  .collect(Collectors.joining(", "))
                              + ")."));
      return new Enabler(weakness, anchor);
    }

    List<String> strings(JsonNode node, String where) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return List.of();
      }
      if (node.isValueNode()) {
        return List.of(node.asText());
      }
      if (!node.isArray()) {
        throw new PolicyException(source + ": " + where + " must be a value or a list of values.");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode n : node) {
        if (!n.isValueNode()) {
          throw new PolicyException(source + ": " + where + " must list plain values.");
        }
        out.add(n.asText());
      }
      return out;
    }

    Map<String, Integer> ints(JsonNode node, String where) {
      Map<String, Integer> out = new LinkedHashMap<>();
      if (node == null || node.isNull()) {
        return out;
      }
      if (!node.isObject()) {
        throw new PolicyException(source + ": " + where + " must be a mapping.");
      }
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                  throw new PolicyException(
                      source + ": " + where + "." + e.getKey() + " must be a whole number.");
                }
                out.put(e.getKey(), e.getValue().asInt());
              });
      return out;
    }
  }
}
