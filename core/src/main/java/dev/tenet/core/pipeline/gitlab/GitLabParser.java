package dev.tenet.core.pipeline.gitlab;

import dev.tenet.core.pipeline.Container;
import dev.tenet.core.pipeline.Env;
import dev.tenet.core.pipeline.Include;
import dev.tenet.core.pipeline.InputDef;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Matrix;
import dev.tenet.core.pipeline.Nodes;
import dev.tenet.core.pipeline.Permissions;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.RunsOn;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.Trigger;
import dev.tenet.core.pipeline.yaml.SourceText;
import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.pipeline.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a GitLab CI/CD configuration into the neutral model, the way GitLab composes it: local
 * includes (recursively, with wildcards), deep-merged job definitions, {@code extends} (up to
 * GitLab's 11 levels), {@code default:} and legacy global keywords with {@code inherit:}, {@code
 * !reference} tags, YAML anchors and merge keys, {@code rules:}/{@code only:}/{@code except:}. What
 * lives outside the repository (remote, project, template and component includes) is recorded as an
 * include and a blind spot, never guessed.
 */
public final class GitLabParser {
  private static final int MAX_EXTENDS_DEPTH = 11;
  private static final int MAX_INCLUDED_FILES = 150;
  private static final int MAX_REFERENCE_DEPTH = 10;

  /** Keywords that are not jobs. */
  private static final Set<String> GLOBAL_KEYWORDS =
      Set.of(
          "default",
          "include",
          "stages",
          "variables",
          "workflow",
          "image",
          "services",
          "cache",
          "before_script",
          "after_script",
          "spec",
          "types");

  /** Keywords a job takes from {@code default:} when it does not set them. */
  private static final List<String> DEFAULTABLE =
      List.of(
          "after_script",
          "artifacts",
          "before_script",
          "cache",
          "hooks",
          "id_tokens",
          "image",
          "interruptible",
          "retry",
          "services",
          "tags",
          "timeout");

  private static final Pattern JOB_MARKERS = Pattern.compile("script|trigger|extends|run|stage");
  private static final Pattern TEMPLATE_MARKERS =
      Pattern.compile(
          "script|trigger|extends|run|stage|image|variables|before_script|after_script|rules|tags"
              + "|services|needs|artifacts|cache|when|only|except|id_tokens|secrets|environment");

  /** The files of the same repository, for local includes. */
  public interface Files {
    /** Every path known in the repository, as the source files name them. */
    List<String> paths();

    /** The documents of a file, or empty when it cannot be read as YAML. */
    Optional<Loaded> load(String path);
  }

  /** A file read as YAML. */
  public record Loaded(SourceText text, List<YamlNode> documents) {}

  private final String resource;
  private final Files files;
  private final String rootDir;
  private final Map<String, YamlNode> definitions = new LinkedHashMap<>();
  private final List<Include> includes = new ArrayList<>();
  private final List<String> blindSpots = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();
  private final Set<String> included = new LinkedHashSet<>();
  private final List<String> composedOf = new ArrayList<>();

  private GitLabParser(String resource, Files files, String rootPath) {
    this.resource = resource;
    this.files = files;
    int slash = rootPath.lastIndexOf('/');
    this.rootDir = slash < 0 ? "" : rootPath.substring(0, slash + 1);
  }

  /** True when a document looks like a GitLab CI/CD configuration or a fragment of one. */
  public static boolean looksLikeGitLab(YamlMap root) {
    if (root.has("stages")
        && root.get("stages").get() instanceof YamlSeq seq
        && seq.items().stream().anyMatch(i -> i instanceof YamlMap m && m.has("stage"))) {
      return false; // Azure Pipelines stages
    }
    if (root.has("include") || root.has("stages") || root.has("workflow") || root.has("default")) {
      return true;
    }
    if (root.has("jobs") || root.has("on")) {
      return false;
    }
    for (YamlMap.Entry e : root.entries()) {
      if (e.value() instanceof YamlMap m) {
        Pattern markers = e.key().value().startsWith(".") ? TEMPLATE_MARKERS : JOB_MARKERS;
        for (YamlMap.Entry inner : m.entries()) {
          if (markers.matcher(inner.key().value()).matches()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The configuration document of a file: the second when the first is a {@code spec:} header. */
  public static Optional<YamlMap> config(List<YamlNode> documents) {
    if (documents.isEmpty()) {
      return Optional.empty();
    }
    if (documents.size() >= 2
        && documents.get(0) instanceof YamlMap header
        && header.has("spec")
        && header.size() == 1) {
      return documents.get(1).asMap();
    }
    return documents.get(0).asMap();
  }

  /** The local paths a file includes (to know which files are fragments of another). */
  public static List<String> localIncludes(YamlMap config) {
    List<String> out = new ArrayList<>();
    for (Include i : includeEntries(config)) {
      if (i.kind().equals("local")) {
        out.add(i.location());
      }
    }
    return out;
  }

  /**
   * @param config the configuration document of {@code root} (see {@link #config})
   */
  public static Pipeline parse(
      String resource, Loaded root, YamlMap config, Files files, Pipeline.Cache cache) {
    GitLabParser p = new GitLabParser(resource, files, root.text().path());
    Map<String, InputDef> inputs = new LinkedHashMap<>();
    if (root.documents().size() >= 2 && root.documents().get(0) instanceof YamlMap header) {
      header
          .map("spec")
          .flatMap(s -> s.map("inputs"))
          .ifPresent(
              in -> {
                for (YamlMap.Entry e : in.entries()) {
                  String type = e.value().asMap().map(m -> m.text("type")).orElse("string").strip();
                  inputs.put(
                      e.key().value(),
                      new InputDef(e.key().value(), e.key(), type, e.value(), "spec"));
                }
              });
    }
    p.included.add(normalize(root.text().path()));
    p.composedOf.add(root.text().path());
    p.collect(config, 0);
    return p.build(root, config, inputs, cache);
  }

  private void collect(YamlMap config, int depth) {
    for (Include inc : includeEntries(config)) {
      includes.add(inc);
      if (!inc.kind().equals("local")) {
        blindSpots.add(
            "the "
                + inc.kind()
                + " include '"
                + inc.location()
                + "' ("
                + inc.at().source().path()
                + " line "
                + inc.at().start().line()
                + ") is outside the repository and was not read");
        continue;
      }
      List<String> matches = resolveLocal(inc.location());
      if (matches.isEmpty()) {
        if (!inc.location().contains("*") && !inc.location().contains("$")) {
          missing.add(normalize(rootDir + stripSlash(inc.location())));
        }
        blindSpots.add(
            "the local include '"
                + inc.location()
                + "' ("
                + inc.at().source().path()
                + " line "
                + inc.at().start().line()
                + ") was not found among the files read");
      }
      for (String path : matches) {
        if (included.size() >= MAX_INCLUDED_FILES || !included.add(normalize(path))) {
          continue;
        }
        composedOf.add(path);
        Optional<Loaded> loaded = files.load(path);
        if (loaded.isEmpty()) {
          blindSpots.add("the local include '" + path + "' could not be read as YAML");
          continue;
        }
        config(loaded.get().documents()).ifPresent(c -> collect(c, depth + 1));
      }
    }
    // Later definitions deep-merge over earlier ones: included files first, the includer last.
    for (YamlMap.Entry e : config.entries()) {
      String k = e.key().value();
      YamlNode before = definitions.get(k);
      if (before instanceof YamlMap a && e.value() instanceof YamlMap b) {
        definitions.put(k, deepMerge(a, b, e.key()));
      } else {
        definitions.put(k, keyed(e));
      }
    }
  }

  /** Remembers the key a definition came from (for the job's position). */
  private final Map<YamlNode, YamlScalar> keys = new java.util.IdentityHashMap<>();

  private YamlNode keyed(YamlMap.Entry e) {
    keys.put(e.value(), e.key());
    return e.value();
  }

  private YamlMap deepMerge(YamlMap a, YamlMap b, YamlScalar key) {
    Map<String, YamlMap.Entry> merged = new LinkedHashMap<>();
    for (YamlMap.Entry e : a.entries()) {
      merged.put(e.key().value(), e);
    }
    for (YamlMap.Entry e : b.entries()) {
      YamlMap.Entry prior = merged.get(e.key().value());
      if (prior != null && prior.value() instanceof YamlMap pm && e.value() instanceof YamlMap em) {
        merged.put(e.key().value(), new YamlMap.Entry(e.key(), deepMerge(pm, em, e.key())));
      } else {
        merged.put(e.key().value(), e);
      }
    }
    YamlMap out = YamlMap.derived(b, new ArrayList<>(merged.values()));
    if (key != null) {
      keys.put(out, key);
    }
    return out;
  }

  private List<String> resolveLocal(String location) {
    String wanted = normalize(rootDir + stripSlash(location));
    List<String> out = new ArrayList<>();
    if (wanted.contains("*")) {
      Pattern glob = glob(wanted);
      for (String p : files.paths()) {
        if (glob.matcher(normalize(p)).matches()) {
          out.add(p);
        }
      }
      return out;
    }
    for (String p : files.paths()) {
      if (normalize(p).equals(wanted)) {
        out.add(p);
      }
    }
    return out;
  }

  private static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/]*");
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static String stripSlash(String s) {
    String t = s.strip();
    while (t.startsWith("/")) {
      t = t.substring(1);
    }
    return t;
  }

  static String normalize(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    p = p.replace("/./", "/");
    while (p.contains("//")) {
      p = p.replace("//", "/");
    }
    return p;
  }

  static List<Include> includeEntries(YamlMap config) {
    List<Include> out = new ArrayList<>();
    YamlNode inc = config.get("include").orElse(null);
    if (inc == null) {
      return out;
    }
    List<YamlNode> items = inc instanceof YamlSeq seq ? seq.items() : List.of(inc);
    for (YamlNode item : items) {
      if (item instanceof YamlScalar s && !s.isNull()) {
        String v = s.value().strip();
        boolean remote = v.startsWith("http://") || v.startsWith("https://");
        out.add(new Include(remote ? "remote" : "local", v, List.of(), "", "", item, s));
      } else if (item instanceof YamlMap m) {
        for (String kind : List.of("local", "remote", "project", "template", "component")) {
          Optional<YamlScalar> at = m.scalar(kind);
          if (at.isEmpty()) {
            continue;
          }
          String location = at.get().value().strip();
          String ref = m.text("ref").strip();
          if (kind.equals("component")) {
            int a = location.lastIndexOf('@');
            ref = a < 0 ? "" : location.substring(a + 1);
          }
          String integrity = m.text("integrity").strip();
          out.add(
              new Include(
                  kind,
                  location,
                  Nodes.texts(m.get("file").orElse(null)),
                  ref,
                  integrity,
                  item,
                  at.get()));
          break;
        }
      }
    }
    return out;
  }

  private Pipeline build(
      Loaded root, YamlMap config, Map<String, InputDef> inputs, Pipeline.Cache cache) {
    YamlMap defaults = definitions.get("default") instanceof YamlMap d ? d : null;
    Env globalVars = variables(definitions.get("variables"));
    YamlMap workflow = definitions.get("workflow") instanceof YamlMap w ? w : null;
    List<Job> jobs = new ArrayList<>();
    Set<String> allSources = new LinkedHashSet<>();
    for (Map.Entry<String, YamlNode> def : definitions.entrySet()) {
      String name = def.getKey();
      if (GLOBAL_KEYWORDS.contains(name)
          || name.startsWith(".")
          || !(def.getValue() instanceof YamlMap)) {
        continue;
      }
      YamlMap resolved = resolve(name, 0, new HashSet<>());
      if (resolved == null) {
        continue;
      }
      resolved = applyDefaults(resolved, defaults);
      Job job = job(name, resolved, globalVars, workflow);
      allSources.addAll(job.gitlab().sources());
      jobs.add(job);
    }
    List<Trigger> triggers = new ArrayList<>();
    YamlScalar at = config.entries().isEmpty() ? null : config.entries().get(0).key();
    for (String source : allSources.isEmpty() ? Set.of("push") : allSources) {
      triggers.add(new Trigger(source, at, null));
    }
    return new Pipeline(
        PipelineKind.GITLAB_CI,
        resource,
        root.text(),
        config,
        workflow == null ? "" : workflow.text("name"),
        null,
        triggers,
        Permissions.UNSET,
        globalVars,
        inputs,
        jobs,
        "",
        null,
        includes,
        blindSpots,
        missing,
        new ArrayList<>(composedOf),
        cache);
  }

  /** A job with everything it extends merged in (the job's own keys win). */
  private YamlMap resolve(String name, int depth, Set<String> visiting) {
    YamlNode def = definitions.get(name);
    if (!(def instanceof YamlMap job)) {
      return null;
    }
    if (depth > MAX_EXTENDS_DEPTH || !visiting.add(name)) {
      blindSpots.add("job '" + name + "' extends itself or nests extends too deeply");
      return job;
    }
    List<String> parents = Nodes.texts(job.get("extends").orElse(null));
    if (parents.isEmpty()) {
      visiting.remove(name);
      return job;
    }
    YamlMap base = null;
    for (String parent : parents) {
      YamlMap p = resolve(parent.strip(), depth + 1, visiting);
      if (p == null) {
        blindSpots.add(
            "job '"
                + name
                + "' extends '"
                + parent
                + "', which is not defined in the files read (it may come from an include)");
        continue;
      }
      base = base == null ? p : deepMerge(base, p, null);
    }
    visiting.remove(name);
    if (base == null) {
      return job;
    }
    List<YamlMap.Entry> own = new ArrayList<>();
    for (YamlMap.Entry e : job.entries()) {
      if (!e.key().value().equals("extends")) {
        own.add(e);
      }
    }
    YamlMap merged = deepMerge(withoutKey(base, "extends"), YamlMap.derived(job, own), null);
    keys.put(merged, keys.get(job));
    return merged;
  }

  private static YamlMap withoutKey(YamlMap m, String key) {
    if (!m.has(key)) {
      return m;
    }
    List<YamlMap.Entry> kept = new ArrayList<>();
    for (YamlMap.Entry e : m.entries()) {
      if (!e.key().value().equals(key)) {
        kept.add(e);
      }
    }
    return YamlMap.derived(m, kept);
  }

  private YamlMap applyDefaults(YamlMap job, YamlMap defaults) {
    YamlNode inherit = job.map("inherit").flatMap(i -> i.get("default")).orElse(null);
    Set<String> allowed = null;
    if (inherit instanceof YamlScalar s && s.bool().orElse(true) == Boolean.FALSE) {
      return job;
    }
    if (inherit instanceof YamlSeq) {
      allowed = new HashSet<>(Nodes.texts(inherit));
    }
    List<YamlMap.Entry> added = new ArrayList<>(job.entries());
    boolean changed = false;
    for (String k : DEFAULTABLE) {
      if (job.has(k) || (allowed != null && !allowed.contains(k))) {
        continue;
      }
      YamlMap.Entry from = defaults == null ? null : defaults.entry(k).orElse(null);
      if (from == null
          && definitions.containsKey(k)
          && !k.equals("id_tokens")
          && !k.equals("tags")) {
        // Legacy global keywords (image, services, cache, before_script, after_script).
        YamlNode global = definitions.get(k);
        YamlScalar key = keys.get(global);
        if (key != null) {
          from = new YamlMap.Entry(key, global);
        }
      }
      if (from != null) {
        added.add(from);
        changed = true;
      }
    }
    if (!changed) {
      return job;
    }
    YamlMap out = YamlMap.derived(job, added);
    keys.put(out, keys.get(job));
    return out;
  }

  private Job job(String name, YamlMap m, Env globalVars, YamlMap workflow) {
    YamlScalar key = keys.get(m);
    if (key == null) {
      key = m.entries().isEmpty() ? null : m.entries().get(0).key();
    }
    List<Step> steps = new ArrayList<>();
    for (String section : List.of("before_script", "script", "after_script")) {
      List<YamlScalar> lines = new ArrayList<>();
      m.get(section).ifPresent(n -> flattenScript(n, lines, 0));
      for (YamlScalar line : lines) {
        steps.add(
            new Step(
                steps.size(), line, "", "", null, Map.of(), line, "bash", Env.NONE, null, section));
      }
    }
    Container image = m.get("image").map(n -> container(n, "")).orElse(null);
    List<Container> services = new ArrayList<>();
    m.get("services")
        .flatMap(YamlNode::asSeq)
        .ifPresent(
            seq -> {
              for (YamlNode s : seq.items()) {
                Container c = container(s, "service");
                services.add(c);
              }
            });
    String environment = null;
    YamlNode environmentNode = null;
    YamlNode envNode = m.get("environment").orElse(null);
    if (envNode instanceof YamlScalar s) {
      environment = s.value().strip();
      environmentNode = s;
    } else if (envNode instanceof YamlMap em) {
      environment = em.text("name").strip();
      environmentNode = em.get("name").orElse(em);
    }
    Env vars = mergeVariables(globalVars, variables(m.get("variables").orElse(null)), m);
    Map<String, YamlNode> idTokens = Nodes.entries(m.get("id_tokens").orElse(null));
    List<YamlScalar> tags = Nodes.scalars(m.get("tags").orElse(null));
    RunsOn runsOn =
        new RunsOn(
            m.get("tags").orElse(null),
            tags,
            null,
            tags.stream().anyMatch(t -> t.value().contains("$")));
    Set<String> sources = Sources.of(m, workflow);
    List<String> needs = new ArrayList<>();
    m.get("needs")
        .flatMap(YamlNode::asSeq)
        .ifPresent(
            seq -> {
              for (YamlNode n : seq.items()) {
                if (n instanceof YamlScalar s) {
                  needs.add(s.value());
                } else if (n instanceof YamlMap nm) {
                  needs.add(nm.text("job"));
                }
              }
            });
    return new Job(
        name,
        key,
        m,
        name,
        runsOn,
        Permissions.UNSET,
        vars,
        null,
        steps,
        image,
        services,
        environment == null || environment.isEmpty() ? null : environment,
        environmentNode,
        matrix(m.map("parallel").flatMap(p -> p.get("matrix")).orElse(null)),
        Map.of(),
        needs,
        null,
        Map.of(),
        null,
        new Job.GitLab(
            sources,
            idTokens,
            m.get("secrets").orElse(null),
            m.get("trigger").orElse(null),
            m.get("cache").orElse(null),
            m.text("stage")));
  }

  /** Script lines, with nested lists (anchors, {@code !reference}) flattened as GitLab does. */
  private void flattenScript(YamlNode node, List<YamlScalar> out, int depth) {
    if (depth > MAX_REFERENCE_DEPTH) {
      return;
    }
    if (node instanceof YamlScalar s) {
      if (!s.isNull()) {
        out.add(s);
      }
      return;
    }
    if (node instanceof YamlSeq seq) {
      if (seq.tag().filter(t -> t.equals("!reference")).isPresent()) {
        YamlNode target = reference(seq, 0);
        if (target != null) {
          flattenScript(target, out, depth + 1);
        }
        return;
      }
      for (YamlNode item : seq.items()) {
        flattenScript(item, out, depth + 1);
      }
    }
  }

  /** The node a {@code !reference [job, key, ...]} points at, or null (a blind spot). */
  private YamlNode reference(YamlSeq ref, int depth) {
    List<String> path = Nodes.texts(ref);
    if (path.isEmpty() || depth > MAX_REFERENCE_DEPTH) {
      return null;
    }
    YamlNode n = definitions.get(path.get(0));
    if (n instanceof YamlMap && !GLOBAL_KEYWORDS.contains(path.get(0))) {
      YamlMap resolved = resolve(path.get(0), 0, new HashSet<>());
      n = resolved == null ? n : resolved;
    }
    for (int k = 1; k < path.size() && n != null; k++) {
      n = n instanceof YamlMap m ? m.get(path.get(k)).orElse(null) : null;
    }
    if (n == null) {
      blindSpots.add(
          "!reference "
              + path
              + " ("
              + ref.source().path()
              + " line "
              + ref.start().line()
              + ") points at nothing in the files read");
    }
    if (n instanceof YamlSeq s && s.tag().filter(t -> t.equals("!reference")).isPresent()) {
      return reference(s, depth + 1);
    }
    return n;
  }

  static Container container(YamlNode node, String name) {
    if (node instanceof YamlScalar s) {
      return new Container(node, name, s, null, null, null);
    }
    if (node instanceof YamlMap m) {
      return new Container(node, name, m.scalar("name").orElse(null), null, null, null);
    }
    return new Container(node, name, null, null, null, null);
  }

  static Env variables(YamlNode node) {
    if (!(node instanceof YamlMap m)) {
      return Env.NONE;
    }
    Map<String, Env.Var> vars = new LinkedHashMap<>();
    for (YamlMap.Entry e : m.entries()) {
      YamlScalar value = null;
      boolean expands = true;
      if (e.value() instanceof YamlScalar s) {
        value = s;
      } else if (e.value() instanceof YamlMap vm) {
        value = vm.scalar("value").orElse(null);
        expands = vm.scalar("expand").flatMap(YamlScalar::bool).orElse(true);
      }
      vars.put(e.key().value(), new Env.Var(e.key().value(), e.key(), value, expands));
    }
    return new Env(vars, node, false);
  }

  private static Env mergeVariables(Env global, Env own, YamlMap job) {
    YamlNode inherit = job.map("inherit").flatMap(i -> i.get("variables")).orElse(null);
    Map<String, Env.Var> vars = new LinkedHashMap<>();
    if (inherit instanceof YamlSeq) {
      Set<String> allowed = new HashSet<>(Nodes.texts(inherit));
      global
          .vars()
          .forEach(
              (k, v) -> {
                if (allowed.contains(k)) {
                  vars.put(k, v);
                }
              });
    } else if (!(inherit instanceof YamlScalar s && s.bool().orElse(true) == Boolean.FALSE)) {
      vars.putAll(global.vars());
    }
    vars.putAll(own.vars());
    return new Env(vars, own.node() != null ? own.node() : global.node(), false);
  }

  static Matrix matrix(YamlNode node) {
    if (!(node instanceof YamlSeq seq)) {
      return Matrix.NONE;
    }
    Map<String, List<YamlNode>> values = new LinkedHashMap<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlMap m) {
        for (YamlMap.Entry e : m.entries()) {
          List<YamlNode> list = values.computeIfAbsent(e.key().value(), k -> new ArrayList<>());
          if (e.value() instanceof YamlSeq vs) {
            list.addAll(vs.items());
          } else {
            list.add(e.value());
          }
        }
      }
    }
    return new Matrix(node, false, values);
  }

  /** Which pipeline sources a job runs for, from its rules (best effort, never narrower). */
  static final class Sources {
    private Sources() {}

    static Set<String> of(YamlMap job, YamlMap workflow) {
      Set<String> out = new LinkedHashSet<>();
      YamlNode rules = job.get("rules").orElse(null);
      YamlNode only = job.get("only").orElse(null);
      if (rules instanceof YamlSeq seq) {
        for (YamlNode r : seq.items()) {
          if (!(r instanceof YamlMap rule)) {
            out.add("*");
            continue;
          }
          if (rule.text("when").strip().equals("never")) {
            continue;
          }
          String cond = rule.text("if");
          if (cond.isBlank()) {
            out.add("*");
            continue;
          }
          out.addAll(fromCondition(cond));
        }
      } else if (only != null) {
        List<String> refs =
            only instanceof YamlMap om
                ? Nodes.texts(om.get("refs").orElse(null))
                : Nodes.texts(only);
        for (String ref : refs) {
          switch (ref.strip().toLowerCase(Locale.ROOT)) {
            case "merge_requests" -> out.add("merge_request_event");
            case "tags" -> out.add("tag");
            case "schedules" -> out.add("schedule");
            case "external_pull_requests" -> out.add("external_pull_request_event");
            case "triggers", "pipelines", "api", "web", "chat" -> out.add(ref.strip());
            default -> out.add("push");
          }
        }
        if (refs.isEmpty()) {
          out.add("push");
        }
      } else {
        out.add("push");
      }
      if (out.contains("*")) {
        out.remove("*");
        out.add("push");
        if (workflowAllowsMergeRequests(workflow)) {
          out.add("merge_request_event");
        }
      }
      return out;
    }

    private static boolean workflowAllowsMergeRequests(YamlMap workflow) {
      if (workflow == null) {
        return false;
      }
      return workflow
          .seq("rules")
          .map(
              seq ->
                  seq.items().stream()
                      .anyMatch(
                          r ->
                              r instanceof YamlMap m
                                  && !m.text("when").strip().equals("never")
                                  && fromCondition(m.text("if")).contains("merge_request_event")))
          .orElse(false);
    }

    static Set<String> fromCondition(String cond) {
      Set<String> out = new LinkedHashSet<>();
      String c = cond.toLowerCase(Locale.ROOT);
      if (c.contains("merge_request_event") || c.contains("ci_merge_request_")) {
        out.add("merge_request_event");
      }
      if (c.contains("\"schedule\"") || c.contains("'schedule'")) {
        out.add("schedule");
      }
      if (c.contains("ci_commit_tag")) {
        out.add("tag");
      }
      if (c.contains("external_pull_request_event")) {
        out.add("external_pull_request_event");
      }
      if (out.isEmpty() || c.contains("ci_commit_branch") || c.contains("\"push\"")) {
        out.add("push");
      }
      return out;
    }
  }
}
