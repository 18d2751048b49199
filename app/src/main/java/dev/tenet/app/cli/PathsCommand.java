package dev.tenet.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.model.Finding;
import dev.tenet.core.util.Json;
import dev.tenet.reports.json.PathsJson;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet paths}: the attack paths of a stored assessment, their cut and blast radii. */
@Command(
    name = "paths",
    description = {
      "Attack paths of an assessment: how untrusted entry points reach crown jewels, the finding"
          + " or fact behind every step, the fewest fixes that close them all, and blast radii.",
      "Entry points and crown jewels come from paths.yaml (the bundled policy, and yours in the"
          + " data folder)."
    })
final class PathsCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ASSESSMENT",
      defaultValue = "latest",
      description =
          "Assessment id, a unique prefix, latest or latest~N (default ${DEFAULT-VALUE}).")
  String assessment;

  @Option(names = "--json", description = "Print JSON (attackPaths and exposure) instead of text.")
  boolean json;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Paths to show in full (default ${DEFAULT-VALUE}; --json prints all stored).")
  int limit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Assessment a = root.context(common).workspace().load(assessment);
    if (json) {
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("assessment", a.id());
      o.set("exposure", PathsJson.exposure(a.exposure()));
      o.set("attackPaths", PathsJson.attackPaths(a.attackPaths()));
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
      out.flush();
      return ExitCodes.OK;
    }
    Exposure e = a.exposure();
    Map<String, Finding> findings = new HashMap<>();
    a.findings().forEach(f -> findings.put(f.id(), f));
    out.println("Attack paths of assessment " + a.id());
    out.printf(
        "  %d entry point%s, %d crown jewel%s, %d reachable; %d path%s found%n",
        e.entryPoints(),
        plural(e.entryPoints()),
        e.crownJewels(),
        plural(e.crownJewels()),
        e.reachableJewels(),
        e.pathsFound(),
        plural(e.pathsFound()));
    if (e.pathsFound() == 0) {
      out.println(
          e.entryPoints() == 0
              ? "  No untrusted entry point was found in the graph."
              : "  No crown jewel is reachable from an untrusted entry point.");
      out.flush();
      return ExitCodes.OK;
    }
    out.println();
    int fixes = e.cut().size();
    if (e.cutClosesAll()) {
      out.println(
          (fixes == 1 ? "One fix closes" : "These " + fixes + " fixes close")
              + " all "
              + e.pathsFound()
              + " paths:");
    } else {
      out.println(
          "These "
              + fixes
              + " fixes close the paths that can be cut; some have no step Tenet knows how to cut:");
    }
    int n = 1;
    for (Exposure.Fix f : e.cut().subList(0, Math.min(e.cut().size(), Math.max(limit, 10)))) {
      out.printf(
          "  %2d. %s  (closes %d)%n      %s%n      on %s%n",
          n++,
          f.action(),
          f.closes(),
          f.finding() ? "finding " + f.id() + ": " + f.title() : "fact: " + f.title(),
          f.resource());
    }
    if (e.cut().size() > Math.max(limit, 10)) {
      out.println(
          "  … and " + (e.cut().size() - Math.max(limit, 10)) + " more (--json lists all).");
    }
    out.println();
    List<AttackPath> shown = a.attackPaths().subList(0, Math.min(limit, a.attackPaths().size()));
    out.println(
        "Paths, most severe first ("
            + shown.size()
            + " of "
            + e.pathsFound()
            + (a.attackPaths().size() < e.pathsFound()
                ? "; the assessment keeps " + a.attackPaths().size()
                : "")
            + "):");
    for (AttackPath p : shown) {
      out.printf(
          "%n  %-8s %s%s -> %s%s  (%d step%s, path %s)%n",
          p.severity().id().toUpperCase(java.util.Locale.ROOT),
          p.entry(),
          p.entryPoint() == null ? "" : " [" + p.entryPoint() + "]",
          p.target(),
          p.crownJewel() == null ? "" : " [" + p.crownJewel() + "]",
          p.hops().size(),
          plural(p.hops().size()),
          p.id());
      out.println("    " + p.entry());
      for (AttackPath.Hop h : p.hops()) {
        out.println("      -" + h.relation() + "-> " + h.to());
        Finding f = findings.get(h.because());
        out.println(
            "           because "
                + (f != null ? f.title() + " (finding " + f.id() + "): " + h.fact() : h.fact()));
        if (h.fix() != null) {
          out.println("           cut by  " + h.fix());
        }
      }
      if (!p.cut().isEmpty()) {
        out.println("    fixing any one of these findings breaks it:");
        for (String id : p.cut()) {
          Finding f = findings.get(id);
          out.println(
              "      " + id + "  " + (f == null ? "" : f.title() + " (" + f.resource() + ")"));
        }
      }
    }
    if (!e.blastRadius().isEmpty()) {
      out.println();
      out.println("Widest blast radius ('tenet blast-radius RESOURCE' for any other):");
      for (Exposure.BlastRadius b : e.blastRadius()) {
        out.printf(
            "  %-48s reaches %d (%s); %d crown jewel%s%n",
            b.principal(),
            b.reachable(),
            b.byKind().entrySet().stream()
                .limit(5)
                .map(k -> k.getValue() + " " + k.getKey())
                .collect(Collectors.joining(", ")),
            b.crownJewelCount(),
            plural(b.crownJewelCount()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
