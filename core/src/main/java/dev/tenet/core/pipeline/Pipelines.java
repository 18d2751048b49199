package dev.tenet.core.pipeline;

import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.pipeline.github.GitHubParser;
import dev.tenet.core.pipeline.gitlab.GitLabParser;
import dev.tenet.core.pipeline.yaml.Pos;
import dev.tenet.core.pipeline.yaml.SourceText;
import dev.tenet.core.pipeline.yaml.YamlException;
import dev.tenet.core.pipeline.yaml.YamlLimits;
import dev.tenet.core.pipeline.yaml.YamlLoader;
import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlSeq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every pipeline of a scan, parsed once: rules and graph facts read this instead of the files. Each
 * file ends up analysed, included in another (a GitLab fragment), recognised but not supported
 * (Azure Pipelines, Tekton, CircleCI), not a pipeline, or invalid with one sentence saying why. One
 * bad file never stops the others.
 */
public final class Pipelines {

  /** What became of a file. */
  public enum Status {
    ANALYSED,
    /** A GitLab fragment analysed as part of the configuration that includes it. */
    INCLUDED,
    NOT_A_PIPELINE,
    UNSUPPORTED,
    INVALID
  }

  /**
   * The outcome for one file.
   *
   * @param kind what it is, when known
   * @param message why it was not analysed (one sentence), or empty
   * @param position where the problem is, or null
   */
  public record FileResult(
      SourceFile file, Status status, PipelineKind kind, String message, Pos position) {

    /** "path: message (line L, column C)". */
    public String describe() {
      String where =
          position == null
              ? ""
              : " (line " + position.line() + ", column " + position.column() + ")";
      return file.path() + ": " + message + where;
    }
  }

  private final List<Pipeline> pipelines;
  private final List<FileResult> files;

  private Pipelines(List<Pipeline> pipelines, List<FileResult> files) {
    this.pipelines = List.copyOf(pipelines);
    this.files = List.copyOf(files);
  }

  public static final Pipelines NONE = new Pipelines(List.of(), List.of());

  public static Pipelines parse(List<SourceFile> sources) {
    return parse(sources, YamlLimits.standard());
  }

  public static Pipelines parse(List<SourceFile> sources, YamlLimits limits) {
    if (sources.isEmpty()) {
      return NONE;
    }
    Map<String, List<SourceFile>> byResource = new LinkedHashMap<>();
    for (SourceFile f : sources) {
      byResource.computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
    }
    List<Pipeline> pipelines = new ArrayList<>();
    List<FileResult> results = new ArrayList<>();
    YamlLoader loader =
        limits.equals(YamlLimits.standard()) ? YamlLoader.standard() : new YamlLoader(limits);
    for (Map.Entry<String, List<SourceFile>> group : byResource.entrySet()) {
      new Repository(group.getKey(), group.getValue(), loader).parse(pipelines, results);
    }
    return new Pipelines(pipelines, results);
  }

  public List<Pipeline> all() {
    return pipelines;
  }

  public List<FileResult> files() {
    return files;
  }

  public List<FileResult> invalid() {
    return files.stream().filter(f -> f.status() == Status.INVALID).toList();
  }

  /**
   * Local files that GitLab configurations include but that were not among the files given, by
   * resource, as repository paths: the caller may read them and parse again.
   */
  public Map<String, List<String>> missingIncludes() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Pipeline p : pipelines) {
      for (String m : p.missingIncludes()) {
        List<String> l = out.computeIfAbsent(p.resource(), k -> new ArrayList<>());
        if (!l.contains(m)) {
          l.add(m);
        }
      }
    }
    return out;
  }

  /** Files analysed (alone or as part of another). */
  public long analysedCount() {
    return files.stream()
        .filter(f -> f.status() == Status.ANALYSED || f.status() == Status.INCLUDED)
        .count();
  }

  /**
   * What Tenet could not see in these pipelines, as blind spots: invalid files, and includes or
   * templates it could not follow.
   */
  public List<BlindSpot> blindSpots() {
    List<BlindSpot> out = new ArrayList<>();
    for (FileResult r : files) {
      if (r.status() == Status.INVALID) {
        out.add(
            new BlindSpot(
                fileResource(r.file().resource(), r.file().path()),
                "pipeline file " + r.file().path(),
                r.message() + (r.position() == null ? "" : " at line " + r.position().line()),
                "Fix the file so that the platform (and Tenet) can read it."));
      }
    }
    for (Pipeline p : pipelines) {
      for (String b : p.blindSpots()) {
        out.add(
            new BlindSpot(
                fileResource(p.resource(), p.source().path()),
                "part of the pipeline " + p.source().path(),
                b,
                "Scan the project that holds the included configuration, or include it locally."));
      }
    }
    return out;
  }

  /** The resource id of a file in a repository: {@code github:acme/web#file/.github/...}. */
  public static String fileResource(String repository, String path) {
    String scope = ResourceId.scopeOf(repository);
    return ResourceId.part(scope, "file", path);
  }

  /** The files of one repository or project. */
  private static final class Repository implements GitLabParser.Files {
    private final String resource;
    private final List<SourceFile> files;
    private final YamlLoader loader;
    private final Map<String, Object> loaded = new LinkedHashMap<>();
    private final Map<String, SourceFile> byPath = new LinkedHashMap<>();

    Repository(String resource, List<SourceFile> files, YamlLoader loader) {
      this.resource = resource;
      this.files = files;
      this.loader = loader;
      for (SourceFile f : files) {
        byPath.putIfAbsent(f.path(), f);
      }
    }

    @Override
    public List<String> paths() {
      return new ArrayList<>(byPath.keySet());
    }

    @Override
    public Optional<GitLabParser.Loaded> load(String path) {
      Object o = loadOrError(path);
      return o instanceof GitLabParser.Loaded l ? Optional.of(l) : Optional.empty();
    }

    /** The parsed documents, or the YamlException. Each file is parsed at most once. */
    private Object loadOrError(String path) {
      return loaded.computeIfAbsent(
          path,
          p -> {
            SourceFile f = byPath.get(p);
            if (f == null) {
              return new YamlException("not found", null);
            }
            SourceText text = new SourceText(f.path(), f.content() == null ? "" : f.content());
            try {
              return new GitLabParser.Loaded(text, loader.load(text));
            } catch (YamlException e) {
              return e;
            }
          });
    }

    void parse(List<Pipeline> pipelines, List<FileResult> results) {
      Map<SourceFile, FileResult> outcome = new LinkedHashMap<>();
      List<SourceFile> gitlab = new ArrayList<>();
      Pipeline.Cache cache = new Pipeline.Cache();
      for (SourceFile f : files) {
        try {
          FileResult r = classify(f, gitlab, pipelines, cache);
          if (r != null) {
            outcome.put(f, r);
          }
        } catch (RuntimeException | StackOverflowError e) {
          outcome.put(f, internal(f, e));
        }
      }
      parseGitLab(gitlab, outcome, pipelines, cache);
      // Files a GitLab configuration pulled in are part of it, whatever they look like alone.
      for (Pipeline p : pipelines) {
        if (p.kind() != PipelineKind.GITLAB_CI || !p.resource().equals(resource)) {
          continue;
        }
        for (String path : p.composedOf().subList(1, p.composedOf().size())) {
          SourceFile f = byPath.get(path);
          FileResult r = f == null ? null : outcome.get(f);
          if (r != null && r.status() == Status.NOT_A_PIPELINE) {
            outcome.put(f, new FileResult(f, Status.INCLUDED, PipelineKind.GITLAB_CI, "", null));
          }
        }
      }
      for (SourceFile f : files) {
        results.add(outcome.get(f));
      }
    }

    private static FileResult internal(SourceFile f, Throwable e) {
      return new FileResult(
          f,
          Status.INVALID,
          null,
          "Tenet could not analyse this file (" + e.getClass().getSimpleName() + ")",
          null);
    }

    /** Decides what a file is; GitLab files are set aside to be composed together. */
    private FileResult classify(
        SourceFile f, List<SourceFile> gitlab, List<Pipeline> pipelines, Pipeline.Cache cache) {
      String path = f.path().replace('\\', '/');
      String lower = path.toLowerCase(Locale.ROOT);
      String fileName = lower.substring(lower.lastIndexOf('/') + 1);
      String unsupported = unsupportedByPath(lower, fileName);
      Object o = loadOrError(f.path());
      if (o instanceof YamlException e) {
        return new FileResult(f, Status.INVALID, null, e.getMessage(), e.position());
      }
      GitLabParser.Loaded l = (GitLabParser.Loaded) o;
      if (unsupported != null) {
        return new FileResult(
            f, Status.UNSUPPORTED, null, unsupported + " files are not analysed yet", null);
      }
      boolean workflowPath = lower.contains(".github/workflows/");
      boolean actionPath = fileName.equals("action.yml") || fileName.equals("action.yaml");
      boolean gitlabPath = fileName.equals(".gitlab-ci.yml") || fileName.equals(".gitlab-ci.yaml");
      Optional<YamlMap> first =
          l.documents().isEmpty() ? Optional.empty() : l.documents().get(0).asMap();
      if (first.isEmpty()) {
        if (workflowPath || gitlabPath) {
          return new FileResult(
              f,
              Status.INVALID,
              null,
              "not a valid pipeline: the file "
                  + (l.documents().isEmpty() ? "is empty" : "is not a YAML mapping"),
              null);
        }
        return new FileResult(
            f, Status.NOT_A_PIPELINE, null, notPipeline(l.documents().isEmpty()), null);
      }
      YamlMap root = first.get();
      try {
        if (gitlabPath) {
          gitlab.add(f);
          return null;
        }
        if (workflowPath) {
          pipelines.add(GitHubParser.workflow(resource, l.text(), root, cache));
          return analysed(f, PipelineKind.GITHUB_WORKFLOW);
        }
        if (actionPath && GitHubParser.looksLikeAction(root)) {
          pipelines.add(GitHubParser.action(resource, l.text(), root, cache));
          return analysed(f, PipelineKind.GITHUB_ACTION);
        }
        if (GitHubParser.looksLikeWorkflow(root)) {
          pipelines.add(GitHubParser.workflow(resource, l.text(), root, cache));
          return analysed(f, PipelineKind.GITHUB_WORKFLOW);
        }
        if (GitHubParser.looksLikeAction(root)) {
          pipelines.add(GitHubParser.action(resource, l.text(), root, cache));
          return analysed(f, PipelineKind.GITHUB_ACTION);
        }
      } catch (PipelineStructureException e) {
        return new FileResult(f, Status.INVALID, null, e.getMessage(), e.position());
      }
      String sniffed = unsupportedByContent(root);
      if (sniffed != null) {
        return new FileResult(
            f, Status.UNSUPPORTED, null, sniffed + " files are not analysed yet", null);
      }
      if (GitLabParser.looksLikeGitLab(root)) {
        gitlab.add(f);
        return null;
      }
      return new FileResult(f, Status.NOT_A_PIPELINE, null, notPipeline(false), null);
    }

    private static String notPipeline(boolean empty) {
      return empty
          ? "empty: not a GitHub Actions workflow, action or GitLab CI file"
          : "not a GitHub Actions workflow, action or GitLab CI file";
    }

    private static FileResult analysed(SourceFile f, PipelineKind kind) {
      return new FileResult(f, Status.ANALYSED, kind, "", null);
    }

    /**
     * GitLab files that no other file includes are configurations of their own; the others are
     * analysed as part of the configuration that includes them.
     */
    private void parseGitLab(
        List<SourceFile> gitlab,
        Map<SourceFile, FileResult> outcome,
        List<Pipeline> pipelines,
        Pipeline.Cache cache) {
      Set<String> includedPaths = new HashSet<>();
      Map<SourceFile, YamlMap> configs = new LinkedHashMap<>();
      for (SourceFile f : gitlab) {
        GitLabParser.Loaded l = load(f.path()).orElseThrow();
        GitLabParser.config(l.documents()).ifPresent(c -> configs.put(f, c));
      }
      for (Map.Entry<SourceFile, YamlMap> e : configs.entrySet()) {
        String dir = rootDir(e.getKey().path());
        for (String inc : GitLabParser.localIncludes(e.getValue())) {
          includedPaths.add(normalize(dir + strip(inc)));
        }
      }
      for (SourceFile f : gitlab) {
        YamlMap config = configs.get(f);
        if (config == null) {
          outcome.put(
              f,
              new FileResult(
                  f, Status.INVALID, PipelineKind.GITLAB_CI, "not a YAML mapping", null));
          continue;
        }
        boolean isRoot = f.path().toLowerCase(Locale.ROOT).matches("(.*/)?\\.gitlab-ci\\.ya?ml");
        if (!isRoot && includedByPattern(includedPaths, normalize(f.path()))) {
          outcome.put(f, new FileResult(f, Status.INCLUDED, PipelineKind.GITLAB_CI, "", null));
          continue;
        }
        try {
          pipelines.add(
              GitLabParser.parse(resource, load(f.path()).orElseThrow(), config, this, cache));
          outcome.put(f, analysed(f, PipelineKind.GITLAB_CI));
        } catch (RuntimeException | StackOverflowError ex) {
          outcome.put(f, internal(f, ex));
        }
      }
    }

    private static boolean includedByPattern(Set<String> included, String path) {
      for (String inc : included) {
        if (inc.equals(path)) {
          return true;
        }
        if (inc.contains("*")) {
          String re = inc.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]*");
          if (path.matches(re.replace("\u0000", ".*"))) {
            return true;
          }
        }
      }
      return false;
    }

    private static String rootDir(String path) {
      int slash = path.replace('\\', '/').lastIndexOf('/');
      return slash < 0 ? "" : path.replace('\\', '/').substring(0, slash + 1);
    }

    private static String strip(String s) {
      String t = s.strip();
      while (t.startsWith("/")) {
        t = t.substring(1);
      }
      return t;
    }

    private static String normalize(String p) {
      String n = p.replace('\\', '/');
      while (n.startsWith("./")) {
        n = n.substring(2);
      }
      return n.replace("/./", "/");
    }

    private static String unsupportedByPath(String lower, String fileName) {
      if (fileName.equals(".azure-pipelines.yml")
          || fileName.startsWith("azure-pipelines")
          || lower.contains("/.azure-pipelines/")) {
        return "Azure Pipelines";
      }
      if (lower.startsWith(".tekton/") || lower.contains("/.tekton/")) {
        return "Tekton";
      }
      if (lower.contains(".circleci/")) {
        return "CircleCI";
      }
      if (fileName.equals("bitbucket-pipelines.yml")) {
        return "Bitbucket Pipelines";
      }
      return null;
    }

    private static String unsupportedByContent(YamlMap root) {
      String api = root.text("apiVersion");
      if (api.contains("tekton.dev")) {
        return "Tekton";
      }
      boolean seqJobs = root.get("jobs").map(n -> n instanceof YamlSeq).orElse(false);
      boolean seqSteps = root.get("steps").map(n -> n instanceof YamlSeq).orElse(false);
      boolean azureStages =
          root.seq("stages")
              .map(s -> s.items().stream().anyMatch(i -> i instanceof YamlMap m && m.has("stage")))
              .orElse(false);
      if (seqJobs || seqSteps || azureStages || root.has("pool") || root.has("pr")) {
        return "Azure Pipelines";
      }
      YamlNode version = root.get("version").orElse(null);
      if (version != null && root.has("workflows") && root.has("jobs")) {
        return "CircleCI";
      }
      return null;
    }
  }
}
