package dev.tenet.core.pipeline.github;

import dev.tenet.core.pipeline.Container;
import dev.tenet.core.pipeline.Env;
import dev.tenet.core.pipeline.InputDef;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Matrix;
import dev.tenet.core.pipeline.Nodes;
import dev.tenet.core.pipeline.Permissions;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.PipelineStructureException;
import dev.tenet.core.pipeline.RunsOn;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.Trigger;
import dev.tenet.core.pipeline.Uses;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.SourceText;
import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.pipeline.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads GitHub Actions workflows (including reusable ones) and actions (composite, Docker,
 * JavaScript) into the neutral model. Tolerant: a value of an unexpected shape is left out (and
 * judged as unknown by the rules), never guessed.
 */
public final class GitHubParser {
  private GitHubParser() {}

  /** True when a document looks like a workflow: it has {@code jobs:} and {@code on:}. */
  public static boolean looksLikeWorkflow(YamlMap root) {
    return root.has("jobs") && root.has("on");
  }

  /** True when a document looks like an action: it has {@code runs:} with {@code using:}. */
  public static boolean looksLikeAction(YamlMap root) {
    return root.map("runs").map(r -> r.has("using")).orElse(false);
  }

  public static Pipeline workflow(
      String resource, SourceText source, YamlMap root, Pipeline.Cache cache)
      throws PipelineStructureException {
    YamlNode on = root.get("on").orElse(null);
    if (on == null) {
      throw new PipelineStructureException(
          "not a valid GitHub Actions workflow: it has no 'on:' (what triggers it)", root.start());
    }
    YamlMap jobsNode =
        root.map("jobs")
            .orElseThrow(
                () ->
                    new PipelineStructureException(
                        "not a valid GitHub Actions workflow: 'jobs:' is missing or not a map",
                        root.start()));
    List<Trigger> triggers = triggers(on);
    Map<String, InputDef> inputs = new LinkedHashMap<>();
    for (Trigger t : triggers) {
      if ((t.event().equals("workflow_call") || t.event().equals("workflow_dispatch"))
          && t.config() != null) {
        t.config().map("inputs").ifPresent(m -> inputs.putAll(inputs(m, t.event())));
      }
    }
    String defaultShell = defaultShell(root);
    List<Job> jobs = new ArrayList<>();
    for (YamlMap.Entry e : jobsNode.entries()) {
      if (e.value() instanceof YamlMap jobMap) {
        jobs.add(job(e.key(), jobMap, defaultShell));
      }
    }
    return new Pipeline(
        PipelineKind.GITHUB_WORKFLOW,
        resource,
        source,
        root,
        root.text("name"),
        on,
        triggers,
        permissions(root),
        env(root.get("env").orElse(null)),
        inputs,
        jobs,
        "",
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(source.path()),
        cache);
  }

  public static Pipeline action(
      String resource, SourceText source, YamlMap root, Pipeline.Cache cache)
      throws PipelineStructureException {
    YamlMap runs =
        root.map("runs")
            .orElseThrow(
                () ->
                    new PipelineStructureException(
                        "not a valid GitHub Actions action: 'runs:' is missing", root.start()));
    String using = runs.text("using").strip();
    Map<String, InputDef> inputs =
        root.map("inputs").map(m -> inputs(m, "action")).orElse(Map.of());
    List<Job> jobs = new ArrayList<>();
    YamlScalar image = null;
    if (using.equalsIgnoreCase("composite")) {
      YamlScalar key =
          runs.entry("steps").map(YamlMap.Entry::key).orElse(runs.entry("using").get().key());
      List<Step> steps = new ArrayList<>();
      runs.seq("steps").ifPresent(seq -> steps.addAll(steps(seq, null, true)));
      jobs.add(
          new Job(
              "composite",
              key,
              runs,
              root.text("name"),
              RunsOn.NONE,
              Permissions.UNSET,
              Env.NONE,
              null,
              steps,
              null,
              List.of(),
              null,
              null,
              Matrix.NONE,
              Map.of(),
              List.of(),
              null,
              Map.of(),
              null,
              null));
    } else if (using.equalsIgnoreCase("docker")) {
      image = runs.scalar("image").orElse(null);
    }
    return new Pipeline(
        PipelineKind.GITHUB_ACTION,
        resource,
        source,
        root,
        root.text("name"),
        null,
        List.of(),
        Permissions.UNSET,
        Env.NONE,
        inputs,
        jobs,
        using,
        image,
        List.of(),
        List.of(),
        List.of(),
        List.of(source.path()),
        cache);
  }

  static List<Trigger> triggers(YamlNode on) {
    List<Trigger> out = new ArrayList<>();
    if (on instanceof YamlScalar s) {
      if (!s.isNull()) {
        out.add(new Trigger(s.value().strip(), s, null));
      }
    } else if (on instanceof YamlSeq seq) {
      for (YamlNode n : seq.items()) {
        if (n instanceof YamlScalar s && !s.isNull()) {
          out.add(new Trigger(s.value().strip(), s, null));
        }
      }
    } else if (on instanceof YamlMap map) {
      for (YamlMap.Entry e : map.entries()) {
        out.add(new Trigger(e.key().value(), e.key(), e.value().asMap().orElse(null)));
      }
    }
    return out;
  }

  static Map<String, InputDef> inputs(YamlMap map, String source) {
    Map<String, InputDef> out = new LinkedHashMap<>();
    for (YamlMap.Entry e : map.entries()) {
      String type =
          e.value().asMap().map(m -> m.text("type").strip().toLowerCase(Locale.ROOT)).orElse("");
      out.put(e.key().value(), new InputDef(e.key().value(), e.key(), type, e.value(), source));
    }
    return out;
  }

  static Permissions permissions(YamlMap owner) {
    YamlMap.Entry entry = owner.entry("permissions").orElse(null);
    if (entry == null) {
      return Permissions.UNSET;
    }
    YamlNode v = entry.value();
    if (v instanceof YamlScalar s) {
      String t = s.value().strip().toLowerCase(Locale.ROOT);
      Permissions.Base base =
          switch (t) {
            case "read-all" -> Permissions.Base.READ_ALL;
            case "write-all" -> Permissions.Base.WRITE_ALL;
            case "", "{}" -> Permissions.Base.EXPLICIT;
            default -> Permissions.Base.OTHER;
          };
      return new Permissions(base, Map.of(), entry.key(), v);
    }
    if (v instanceof YamlMap m) {
      Map<String, Permissions.Scope> scopes = new LinkedHashMap<>();
      for (YamlMap.Entry e : m.entries()) {
        String level = e.value().text().strip().toLowerCase(Locale.ROOT);
        scopes.put(
            e.key().value(), new Permissions.Scope(e.key().value(), level, e.key(), e.value()));
      }
      return new Permissions(Permissions.Base.EXPLICIT, scopes, entry.key(), v);
    }
    return new Permissions(Permissions.Base.OTHER, Map.of(), entry.key(), v);
  }

  static Env env(YamlNode node) {
    if (node == null) {
      return Env.NONE;
    }
    if (node instanceof YamlScalar s) {
      return new Env(Map.of(), node, Expressions.contains(s.value()));
    }
    Map<String, Env.Var> vars = new LinkedHashMap<>();
    node.asMap()
        .ifPresent(
            m -> {
              for (YamlMap.Entry e : m.entries()) {
                YamlScalar value = e.value() instanceof YamlScalar s ? s : null;
                vars.put(e.key().value(), new Env.Var(e.key().value(), e.key(), value, true));
              }
            });
    return new Env(vars, node, false);
  }

  private static String defaultShell(YamlMap owner) {
    return owner
        .map("defaults")
        .flatMap(d -> d.map("run"))
        .map(r -> r.text("shell").strip())
        .orElse("");
  }

  static Job job(YamlScalar key, YamlMap m, String workflowShell) {
    String jobShell = defaultShell(m);
    RunsOn runsOn = runsOn(m.get("runs-on").orElse(null));
    String shell =
        !jobShell.isEmpty()
            ? jobShell
            : !workflowShell.isEmpty() ? workflowShell : runnerShell(runsOn);
    List<Step> steps = new ArrayList<>();
    m.seq("steps").ifPresent(seq -> steps.addAll(steps(seq, shell, false)));
    Container container = m.get("container").map(n -> container(n, "")).orElse(null);
    List<Container> services = new ArrayList<>();
    m.map("services")
        .ifPresent(
            svc -> {
              for (YamlMap.Entry e : svc.entries()) {
                services.add(container(e.value(), e.key().value()));
              }
            });
    String environment = "";
    YamlNode environmentNode = null;
    YamlNode envNode = m.get("environment").orElse(null);
    if (envNode instanceof YamlScalar s) {
      environment = s.value().strip();
      environmentNode = s;
    } else if (envNode instanceof YamlMap em) {
      environment = em.text("name").strip();
      environmentNode = em.get("name").orElse(em);
    }
    Uses calls = m.scalar("uses").map(s -> Uses.parse(s)).orElse(null);
    return new Job(
        key.value(),
        key,
        m,
        m.text("name"),
        runsOn,
        permissions(m),
        env(m.get("env").orElse(null)),
        m.scalar("if").orElse(null),
        steps,
        container,
        services,
        environment.isEmpty() ? null : environment,
        environmentNode,
        matrix(m.map("strategy").flatMap(s -> s.get("matrix")).orElse(null)),
        Nodes.entries(m.get("outputs").orElse(null)),
        Nodes.texts(m.get("needs").orElse(null)),
        calls,
        Nodes.entries(m.get("with").orElse(null)),
        m.get("secrets").orElse(null),
        null);
  }

  /** bash everywhere except on Windows runners, where GitHub defaults to pwsh. */
  private static String runnerShell(RunsOn runsOn) {
    for (YamlScalar l : runsOn.labels()) {
      if (l.value().toLowerCase(Locale.ROOT).contains("windows")) {
        return "pwsh";
      }
    }
    return "bash";
  }

  static List<Step> steps(YamlSeq seq, String inheritedShell, boolean composite) {
    List<Step> out = new ArrayList<>();
    int index = 0;
    for (YamlNode n : seq.items()) {
      if (!(n instanceof YamlMap sm)) {
        index++;
        continue;
      }
      Uses uses = sm.scalar("uses").map(s -> Uses.parse(s)).orElse(null);
      String shell = sm.text("shell").strip();
      if (shell.isEmpty()) {
        shell = inheritedShell == null ? (composite ? "" : "bash") : inheritedShell;
      }
      out.add(
          new Step(
              index++,
              sm,
              sm.text("id").strip(),
              sm.text("name").strip(),
              uses,
              Nodes.entries(sm.get("with").orElse(null)),
              sm.scalar("run").orElse(null),
              shell,
              env(sm.get("env").orElse(null)),
              sm.scalar("if").orElse(null),
              "steps"));
    }
    return out;
  }

  static RunsOn runsOn(YamlNode node) {
    if (node == null) {
      return RunsOn.NONE;
    }
    if (node instanceof YamlMap m) {
      List<YamlScalar> labels = Nodes.scalars(m.get("labels").orElse(null));
      YamlScalar group = m.scalar("group").orElse(null);
      boolean dynamic =
          (group != null && Expressions.contains(group.value()))
              || labels.stream().anyMatch(l -> Expressions.contains(l.value()));
      return new RunsOn(node, labels, group, dynamic);
    }
    List<YamlScalar> labels = Nodes.scalars(node);
    boolean dynamic = labels.stream().anyMatch(l -> Expressions.contains(l.value()));
    return new RunsOn(node, labels, null, dynamic);
  }

  static Container container(YamlNode node, String name) {
    if (node instanceof YamlScalar s) {
      return new Container(node, name, s, null, null, null);
    }
    if (node instanceof YamlMap m) {
      YamlMap creds = m.map("credentials").orElse(null);
      return new Container(
          node,
          name,
          m.scalar("image").orElse(null),
          creds,
          creds == null ? null : creds.scalar("username").orElse(null),
          creds == null ? null : creds.scalar("password").orElse(null));
    }
    return new Container(node, name, null, null, null, null);
  }

  /** Every value each matrix key can take, from its list and from {@code include}. */
  public static Matrix matrix(YamlNode node) {
    if (node == null) {
      return Matrix.NONE;
    }
    if (node instanceof YamlScalar s) {
      return new Matrix(node, Expressions.contains(s.value()), Map.of());
    }
    if (!(node instanceof YamlMap m)) {
      return new Matrix(node, true, Map.of());
    }
    Map<String, List<YamlNode>> values = new LinkedHashMap<>();
    boolean dynamic = false;
    for (YamlMap.Entry e : m.entries()) {
      String k = e.key().value();
      if (k.equals("exclude")) {
        continue;
      }
      if (k.equals("include")) {
        if (e.value() instanceof YamlSeq seq) {
          for (YamlNode item : seq.items()) {
            if (item instanceof YamlMap im) {
              for (YamlMap.Entry ie : im.entries()) {
                values.computeIfAbsent(ie.key().value(), x -> new ArrayList<>()).add(ie.value());
              }
            } else {
              dynamic = true;
            }
          }
        } else {
          dynamic = true;
        }
        continue;
      }
      List<YamlNode> list = values.computeIfAbsent(k, x -> new ArrayList<>());
      if (e.value() instanceof YamlSeq seq) {
        list.addAll(seq.items());
      } else {
        list.add(e.value());
      }
    }
    return new Matrix(node, dynamic, values);
  }
}
