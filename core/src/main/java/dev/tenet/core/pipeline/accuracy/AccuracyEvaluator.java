package dev.tenet.core.pipeline.accuracy;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Measures Tenet against a labelled set: runs it over the set's files and compares, for the
 * weaknesses the peer covers, Tenet's findings with the expected ones. A finding matches an
 * expected one with the same file and weakness and a line within {@value #LINE_TOLERANCE} (any line
 * when the peer reports at file level). Several findings on one line count once, on either side.
 * Suppressed findings (inline ignore comments) do not count, as the peers' labels leave them out
 * too.
 */
public final class AccuracyEvaluator {
  public static final int LINE_TOLERANCE = 2;

  private final Function<List<SourceFile>, List<Finding>> tenet;

  /**
   * @param tenet runs Tenet's pipeline analysis over files and returns its findings
   */
  public AccuracyEvaluator(Function<List<SourceFile>, List<Finding>> tenet) {
    this.tenet = tenet;
  }

  /** Precision and recall of one weakness (or of all). */
  public record Stats(int found, int correct, int expected, int recalled) {
    public double precision() {
      return found == 0 ? 1.0 : (double) correct / found;
    }

    public double recall() {
      return expected == 0 ? 1.0 : (double) recalled / expected;
    }

    Stats plus(Stats o) {
      return new Stats(
          found + o.found, correct + o.correct, expected + o.expected, recalled + o.recalled);
    }
  }

  /** A finding or an expectation that found no partner. */
  public record Miss(String file, String weakness, Integer line, String detail) {}

  /**
   * The outcome for one set.
   *
   * @param byWeakness stats per covered weakness, with the reviewed exceptions applied
   * @param overall all covered weaknesses together, exceptions applied
   * @param raw all covered weaknesses together, without exceptions
   * @param missed expected findings Tenet did not report (after exceptions)
   * @param extra Tenet findings no expectation matches (after exceptions)
   * @param applied exceptions that changed the count
   * @param stale exceptions that no longer match anything (to be removed after review)
   */
  public record Report(
      String set,
      Map<String, Stats> byWeakness,
      Stats overall,
      Stats raw,
      List<Miss> missed,
      List<Miss> extra,
      List<Exceptions.Entry> applied,
      List<Exceptions.Entry> stale,
      int files) {

    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("Set %s: %d files%n", set, files));
      sb.append(
          String.format(
              "  %-32s %6s %6s %9s %7s%n", "WEAKNESS", "FOUND", "EXPECT", "PRECISION", "RECALL"));
      for (Map.Entry<String, Stats> e : byWeakness.entrySet()) {
        Stats s = e.getValue();
        sb.append(
            String.format(
                "  %-32s %6d %6d %9.3f %7.3f%n",
                e.getKey(), s.found(), s.expected(), s.precision(), s.recall()));
      }
      sb.append(
          String.format(
              "  %-32s %6d %6d %9.3f %7.3f%n",
              "overall",
              overall.found(),
              overall.expected(),
              overall.precision(),
              overall.recall()));
      sb.append(
          String.format(
              "  %-32s %6d %6d %9.3f %7.3f%n",
              "overall, without exceptions",
              raw.found(),
              raw.expected(),
              raw.precision(),
              raw.recall()));
      for (Miss m : missed) {
        sb.append(
            String.format(
                "  missed  %s:%s %s%s%n",
                m.file(),
                line(m.line()),
                m.weakness(),
                m.detail().isEmpty() ? "" : " (" + m.detail() + ")"));
      }
      for (Miss m : extra) {
        sb.append(
            String.format(
                "  extra   %s:%s %s (%s)%n", m.file(), line(m.line()), m.weakness(), m.detail()));
      }
      for (Exceptions.Entry e : applied) {
        sb.append(
            String.format(
                "  exception %s %s:%s %s: %s%n",
                e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                e.file(),
                line(e.line()),
                e.weakness(),
                e.reason()));
      }
      for (Exceptions.Entry e : stale) {
        sb.append(
            String.format(
                "  STALE exception %s:%s %s (matches nothing any more; review and remove)%n",
                e.file(), line(e.line()), e.weakness()));
      }
      return sb.toString();
    }

    private static String line(Integer l) {
      return l == null ? "-" : l.toString();
    }
  }

  /** Reads a set directory ({@code labels.json} and {@code files/}) and evaluates it. */
  public Report evaluate(Path setDir, Exceptions exceptions) throws IOException {
    Labels labels = Labels.read(setDir.resolve("labels.json"));
    Path root = setDir.resolve("files");
    List<SourceFile> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        sources.add(
            new SourceFile(
                "local:" + labels.set(),
                rel,
                new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
      }
    }
    return evaluate(labels, sources, exceptions.forSet(labels.set()));
  }

  private record Key(String file, String weakness, Integer line) {}

  public Report evaluate(
      Labels labels, List<SourceFile> sources, List<Exceptions.Entry> exceptions) {
    List<Finding> findings = tenet.apply(sources);
    Set<Key> found = new LinkedHashSet<>();
    for (Finding f : findings) {
      if (f.location() == null
          || !labels.covered().contains(f.weakness().id())
          || f.evidence().containsKey("suppressedBy")
          || !labels.files().contains(f.location().file())) {
        continue;
      }
      found.add(new Key(f.location().file(), f.weakness().id(), f.location().line()));
    }
    Set<Key> expected = new LinkedHashSet<>();
    for (Labels.Expected e : labels.expected()) {
      if (labels.covered().contains(e.weakness())) {
        expected.add(new Key(e.file(), e.weakness(), e.line()));
      }
    }
    Stats raw =
        score(found, expected, labels.covered()).values().stream()
            .reduce(new Stats(0, 0, 0, 0), Stats::plus);

    List<Exceptions.Entry> applied = new ArrayList<>();
    List<Exceptions.Entry> stale = new ArrayList<>();
    Set<Key> adjustedExpected = new LinkedHashSet<>(expected);
    Set<Key> adjustedFound = new LinkedHashSet<>(found);
    for (Exceptions.Entry x : exceptions) {
      Key peer = new Key(x.file(), x.weakness(), x.line());
      switch (x.kind()) {
        case PEER_FALSE_POSITIVE, OUT_OF_SCOPE -> {
          boolean present = adjustedExpected.contains(peer);
          boolean tenetAgrees = present && matchesAny(peer, found);
          if (!present || tenetAgrees) {
            stale.add(x);
          } else {
            adjustedExpected.remove(peer);
            applied.add(x);
          }
        }
        case PEER_MISSED -> {
          List<Key> hits =
              adjustedFound.stream()
                  .filter(f -> near(f, peer) && !matchesAny(f, expected))
                  .toList();
          if (hits.isEmpty()) {
            stale.add(x);
          } else {
            hits.forEach(adjustedFound::remove);
            applied.add(x);
          }
        }
        case LOCATION -> {
          Key moved = new Key(x.file(), x.weakness(), x.tenetLine());
          boolean present = adjustedExpected.contains(peer);
          if (!present || !matchesAny(moved, found)) {
            stale.add(x);
          } else {
            adjustedExpected.remove(peer);
            adjustedExpected.add(moved);
            applied.add(x);
          }
        }
      }
    }
    Map<String, Stats> byWeakness = score(adjustedFound, adjustedExpected, labels.covered());
    Stats overall = byWeakness.values().stream().reduce(new Stats(0, 0, 0, 0), Stats::plus);
    List<Miss> missed = new ArrayList<>();
    for (Key e : adjustedExpected) {
      if (!matchesAny(e, adjustedFound)) {
        missed.add(new Miss(e.file(), e.weakness(), e.line(), ""));
      }
    }
    List<Miss> extra = new ArrayList<>();
    for (Key f : adjustedFound) {
      if (!matchesAny(f, adjustedExpected)) {
        String msg =
            findings.stream()
                .filter(
                    x ->
                        x.location() != null
                            && x.location().file().equals(f.file())
                            && x.location().line() == f.line()
                            && x.weakness().id().equals(f.weakness()))
                .map(Finding::message)
                .findFirst()
                .orElse("");
        extra.add(new Miss(f.file(), f.weakness(), f.line(), msg));
      }
    }
    return new Report(
        labels.set(),
        byWeakness,
        overall,
        raw,
        missed,
        extra,
        applied,
        stale,
        labels.files().size());
  }

  private static Map<String, Stats> score(Set<Key> found, Set<Key> expected, Set<String> covered) {
    Map<String, Stats> out = new TreeMap<>();
    for (String w : covered) {
      List<Key> f = found.stream().filter(k -> k.weakness().equals(w)).toList();
      List<Key> e = expected.stream().filter(k -> k.weakness().equals(w)).toList();
      int correct = (int) f.stream().filter(k -> matchesAny(k, expected)).count();
      int recalled = (int) e.stream().filter(k -> matchesAny(k, found)).count();
      out.put(w, new Stats(f.size(), correct, e.size(), recalled));
    }
    return out;
  }

  private static boolean matchesAny(Key k, Set<Key> others) {
    for (Key o : others) {
      if (near(k, o)) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(Key a, Key b) {
    if (!a.file().equals(b.file()) || !a.weakness().equals(b.weakness())) {
      return false;
    }
    if (a.line() == null || b.line() == null) {
      return true;
    }
    return Math.abs(a.line() - b.line()) <= LINE_TOLERANCE;
  }

  /** Groups the findings of a run by weakness, for diagnostics. */
  public static Map<String, Integer> countByWeakness(List<Finding> findings) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Finding f : findings) {
      out.merge(Objects.toString(f.weakness().id()), 1, Integer::sum);
    }
    return out;
  }
}
