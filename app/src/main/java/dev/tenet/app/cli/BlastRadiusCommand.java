package dev.tenet.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.app.service.PathService;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.paths.Reach;
import dev.tenet.core.util.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
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

/** {@code tenet blast-radius RESOURCE}: everything an identity, token or secret can reach. */
@Command(
    name = "blast-radius",
    description =
        "Everything an identity, token or secret can reach in the graph of an assessment, with"
            + " the shortest chain to each crown jewel.")
final class BlastRadiusCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "RESOURCE",
      description =
          "A resource id (github:acme#member/alice, github:acme/web#secret/NPM_TOKEN) or a unique"
              + " end of one (alice).")
  String resource;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ASSESSMENT",
      defaultValue = "latest",
      description =
          "Assessment id, a unique prefix, latest or latest~N (default ${DEFAULT-VALUE}).")
  String assessment;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--all", description = "List every resource reached, not only crown jewels.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PathService.BlastRadius result =
        root.context(common).attackPaths().blastRadius(resource, assessment);
    Reach reach = result.reach();
    if (json) {
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("assessment", result.assessment().id());
      o.put("principal", reach.principal());
      o.put("kind", reach.kind());
      ArrayNode reached = o.putArray("reached");
      for (Reach.Reached r : reach.reached()) {
        ObjectNode item =
            reached.addObject().put("id", r.id()).put("kind", r.kind()).put("level", r.level());
        if (r.crownJewel() != null) {
          item.put("crownJewel", r.crownJewel());
        }
        item.set("steps", Json.mapper().valueToTree(r.steps()));
      }
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
      out.flush();
      return ExitCodes.OK;
    }
    Map<String, Long> byKind = new LinkedHashMap<>();
    reach.reached().forEach(r -> byKind.merge(r.kind(), 1L, Long::sum));
    out.println(
        "Blast radius of "
            + reach.principal()
            + " ("
            + reach.kind()
            + ") in assessment "
            + result.assessment().id());
    out.println(
        "  reaches "
            + reach.reached().size()
            + (byKind.isEmpty()
                ? ""
                : " ("
                    + byKind.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                    + ")")
            + "; "
            + reach.crownJewels()
            + " crown jewel"
            + PathsCommand.plural(reach.crownJewels()));
    List<Reach.Reached> jewels =
        reach.reached().stream().filter(r -> r.crownJewel() != null).toList();
    if (!jewels.isEmpty()) {
      out.println();
      out.println("Crown jewels, closest first:");
      for (Reach.Reached r : jewels) {
        out.printf(
            "  %s  [%s, %d step%s]%n",
            r.id(), r.crownJewel(), r.steps().size(), PathsCommand.plural(r.steps().size()));
        for (AttackPath.Hop h : r.steps()) {
          out.println("      -" + h.relation() + "-> " + h.to() + ": " + h.fact());
        }
      }
    }
    if (all) {
      out.println();
      out.println("Everything reached, closest first:");
      for (Reach.Reached r : reach.reached()) {
        out.printf(
            "  %-7s %-14s %s  (%d step%s)%n",
            r.level(), r.kind(), r.id(), r.steps().size(), PathsCommand.plural(r.steps().size()));
      }
    } else if (reach.reached().size() > jewels.size()) {
      out.println();
      out.println("(--all lists the other " + (reach.reached().size() - jewels.size()) + ".)");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
