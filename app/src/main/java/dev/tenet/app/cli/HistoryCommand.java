package dev.tenet.app.cli;

import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.model.Pillar;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet history}: stored assessments with their scores, oldest first. */
@Command(name = "history", description = "Lists stored assessments with their scores.")
final class HistoryCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<AssessmentSummary> history = root.context(common).workspace().history();
    if (json) {
      out.println(
          dev.tenet.core.util.Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(history.stream().map(HistoryCommand::toMap).toList()));
      out.flush();
      return ExitCodes.OK;
    }
    if (history.isEmpty()) {
      out.println(
          "No assessments yet. Run 'tenet scan --github ORG', 'tenet scan --gitlab GROUP' or 'tenet scan --demo'.");
      out.flush();
      return ExitCodes.OK;
    }
    out.printf(
        "%-24s %-20s %-28s %7s %5s %s%n",
        "ASSESSMENT",
        "STARTED (UTC)",
        "SCOPE",
        "OVERALL",
        "GRADE",
        "IDENT SECRT LEAST SEGMT INTEG MONIT  FINDINGS  BLIND");
    for (AssessmentSummary s : history) {
      String scope =
          s.scope().stream()
              .map(e -> e.platform() + ":" + e.target())
              .collect(Collectors.joining(","));
      StringBuilder pillars = new StringBuilder();
      for (Pillar p : Pillar.values()) {
        Integer v = s.pillars().get(p);
        pillars.append(String.format("%5s ", v == null ? "-" : v));
      }
      out.printf(
          "%-24s %-20s %-28s %7s %5s %s %8d %6d%n",
          s.id(),
          s.startedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""),
          truncate(scope, 28),
          s.overall() == null ? "n/a" : s.overall(),
          s.grade() == null ? "-" : s.grade(),
          pillars.toString().stripTrailing(),
          s.findings(),
          s.blindSpots());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static java.util.Map<String, Object> toMap(AssessmentSummary s) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", s.id());
    m.put("startedAt", s.startedAt().toString());
    m.put("finishedAt", s.finishedAt().toString());
    m.put("scope", s.scope());
    m.put("overall", s.overall());
    m.put("grade", s.grade());
    java.util.Map<String, Integer> pillars = new java.util.LinkedHashMap<>();
    for (Pillar p : Pillar.values()) {
      pillars.put(p.id(), s.pillars().get(p));
    }
    m.put("pillars", pillars);
    m.put("findings", s.findings());
    m.put("blindSpots", s.blindSpots());
    return m;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
