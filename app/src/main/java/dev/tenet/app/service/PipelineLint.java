package dev.tenet.app.service;

import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.pipeline.Pipelines;
import dev.tenet.core.pipeline.yaml.YamlLimits;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.scan.PipelineAnalysis;
import dev.tenet.core.score.ScoreCard;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.store.AssessmentIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Analyses pipeline files from disk, offline: no token, no store. Reads the files named (and the
 * YAML files under the folders named), lets core parse and judge them, and builds an assessment
 * that every report format can write. A file that cannot be read or parsed is reported in one
 * sentence and the others are still analysed.
 */
public final class PipelineLint {
  /** Platform of the resource id local files land on: {@code local:.#file/<path>}. */
  public static final String RESOURCE = "local:.";

  private static final Set<String> SKIPPED_FOLDERS =
      Set.of(".git", "node_modules", ".venv", "venv", "vendor", "target", "__pycache__", ".tox");

  private final RuleCatalog rules;
  private final Scorer scorer;
  private final Clock clock;

  public PipelineLint(RuleCatalog rules, Scorer scorer, Clock clock) {
    this.rules = rules;
    this.scorer = scorer;
    this.clock = clock;
  }

  /** A file that could not be analysed, and why (one sentence). */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  /**
   * @param assessment findings and score of the files that could be analysed
   * @param pipelines what became of each file that could be read
   * @param problems files that could not be read or analysed, in order
   * @param skipped YAML files found in folders that are not pipelines
   * @param analysed files analysed (alone or as part of a configuration that includes them)
   */
  public record Result(
      Assessment assessment,
      Pipelines pipelines,
      List<Problem> problems,
      int skipped,
      int analysed,
      RuleCatalog rules) {}

  public Result run(List<Path> paths, List<String> trustedOwners) {
    Instant started = clock.instant();
    List<Problem> problems = new ArrayList<>();
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    Map<String, Boolean> explicit = new LinkedHashMap<>();
    for (Path p : paths) {
      String shown = p.toString();
      if (!Files.exists(p)) {
        problems.add(new Problem(shown, "no such file or folder"));
      } else if (Files.isDirectory(p)) {
        for (Path f : yamlFiles(p, problems)) {
          String rel = p.relativize(f).toString().replace('\\', '/');
          String display = shown.equals(".") ? rel : trimSlash(shown) + "/" + rel;
          read(f, display, sources, problems);
          explicit.putIfAbsent(display, false);
        }
      } else {
        read(p, shown, sources, problems);
        explicit.put(shown, true);
      }
    }
    // GitLab local includes not named on the command line are read from disk, as GitLab would.
    for (int round = 0; round < 3; round++) {
      Pipelines pre = Pipelines.parse(new ArrayList<>(sources.values()));
      boolean added = false;
      for (List<String> missing : pre.missingIncludes().values()) {
        for (String m : missing) {
          Path f = Path.of(m);
          if (!sources.containsKey(m) && Files.isRegularFile(f)) {
            added |= read(f, m, sources, problems);
          }
        }
      }
      if (!added) {
        break;
      }
    }
    RuleSettings defaults = RuleSettings.defaults();
    RuleSettings settings =
        new RuleSettings(
            defaults.adminInactiveDays(),
            defaults.maxAdmins(),
            defaults.secretRotationDays(),
            trustedOwners);
    PipelineAnalysis.Result r =
        PipelineAnalysis.run(new ArrayList<>(sources.values()), rules, settings, started);
    int skipped = 0;
    int analysed = 0;
    for (Pipelines.FileResult f : r.pipelines().files()) {
      boolean named = explicit.getOrDefault(f.file().path(), false);
      switch (f.status()) {
        case ANALYSED, INCLUDED -> analysed++;
        case NOT_A_PIPELINE -> {
          if (named) {
            problems.add(new Problem(f.file().path(), f.message()));
          } else {
            skipped++;
          }
        }
        case UNSUPPORTED -> {
          if (named) {
            problems.add(new Problem(f.file().path(), f.message()));
          } else {
            skipped++;
          }
        }
        case INVALID -> problems.add(new Problem(f.file().path(), problemText(f)));
      }
    }
    Instant finished = clock.instant();
    ScoreCard score = scorer.score(r.evaluation(), Set.of());
    Assessment a =
        new Assessment(
            AssessmentIds.next(started),
            started,
            finished,
            Tenet.tool(),
            List.of(
                new ScopeEntry(
                    "local",
                    Path.of("").toAbsolutePath().toUri().toString(),
                    String.join(" ", paths.stream().map(Path::toString).toList()))),
            r.evaluation().findings(),
            r.evaluation().tallies(),
            score,
            List.of(),
            new Coverage(r.graph().entityCount(), r.graph().relationCount(), r.blindSpots().size()),
            new ScanStats(0, 0, Duration.between(started, finished).toMillis()));
    return new Result(a, r.pipelines(), problems, skipped, analysed, rules);
  }

  private static String problemText(Pipelines.FileResult f) {
    return f.message()
        + (f.position() == null
            ? ""
            : " (line " + f.position().line() + ", column " + f.position().column() + ")");
  }

  private static String trimSlash(String s) {
    String t = s;
    while (t.length() > 1 && (t.endsWith("/") || t.endsWith("\\"))) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static List<Path> yamlFiles(Path root, List<Problem> problems) {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(root) && SKIPPED_FOLDERS.contains(name)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
              if (attrs.isRegularFile() && (n.endsWith(".yml") || n.endsWith(".yaml"))) {
                out.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(new Problem(file.toString(), reason(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(new Problem(root.toString(), reason(e)));
    }
    out.sort(null);
    return out;
  }

  /** Reads one file as UTF-8 text; false (and a problem) when it cannot be. */
  private static boolean read(
      Path file, String display, Map<String, SourceFile> into, List<Problem> problems) {
    if (into.containsKey(display)) {
      return false;
    }
    int limit = YamlLimits.standard().maxChars();
    try {
      long size = Files.size(file);
      if (size > limit) {
        problems.add(
            new Problem(
                display,
                String.format(
                    Locale.ROOT,
                    "the file is %.1f MB, larger than the %.1f MB Tenet reads in a pipeline file",
                    size / 1048576.0,
                    limit / 1048576.0)));
        return false;
      }
      byte[] bytes = Files.readAllBytes(file);
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        problems.add(new Problem(display, "not UTF-8 text (a binary file?)"));
        return false;
      }
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      into.put(display, new SourceFile(RESOURCE, display, text));
      return true;
    } catch (IOException e) {
      problems.add(new Problem(display, reason(e)));
      return false;
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
