package dev.tenet.app.cli;

import dev.tenet.core.model.Weakness;
import dev.tenet.core.paths.AttackPathAnalyzer;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.StandardRules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenet rules}: the rule catalog. Needs no store. */
@Command(
    name = "rules",
    description = "Lists the rule catalog: id, weakness, pillar, severity, frameworks, title.")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RuleCatalog catalog = StandardRules.catalog();
    // The rules of the catalog, then the attack path analysis, which judges after them.
    List<RuleMetadata> all = new ArrayList<>();
    catalog.rules().forEach(r -> all.add(r.metadata()));
    all.add(AttackPathAnalyzer.RULE);
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (RuleMetadata m : all) {
        Weakness w = catalog.weaknesses().get(m.weakness());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("weakness", m.weakness());
        row.put("pillar", w.pillar().id());
        row.put("severity", m.severity().id());
        row.put("title", m.title());
        row.put("rationale", m.rationale());
        row.put("remediation", m.remediation());
        row.put("references", m.references());
        row.put("frameworks", Map.of("owasp", w.owasp(), "cis_ssc", w.cisSsc(), "nist", w.nist()));
        rows.add(row);
      }
      out.println(
          dev.tenet.core.util.Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(rows));
      out.flush();
      return ExitCodes.OK;
    }
    out.printf(
        "%-20s %-32s %-16s %-9s %-28s %s%n",
        "RULE", "WEAKNESS", "PILLAR", "SEVERITY", "FRAMEWORKS", "TITLE");
    for (RuleMetadata m : all) {
      Weakness w = catalog.weaknesses().get(m.weakness());
      List<String> fw = new ArrayList<>(w.owasp());
      w.cisSsc().forEach(c -> fw.add("CIS " + c));
      w.nist().forEach(n -> fw.add("NIST " + n));
      out.printf(
          "%-20s %-32s %-16s %-9s %-28s %s%n",
          m.id(),
          m.weakness(),
          w.pillar().id(),
          m.severity().id(),
          String.join(" ", fw),
          m.title());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
