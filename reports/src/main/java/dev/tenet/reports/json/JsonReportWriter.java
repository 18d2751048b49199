package dev.tenet.reports.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.FrameworkStatus;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.score.PillarScore;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The JSON report in the spec's schema ({@code tenet.assessment/v1}, see spec/cli.md), plus the
 * accepted risks and an {@code integrity} block: the SHA-256 of the assessment's canonical JSON
 * ({@link CanonicalJson}), which {@code tenet verify} checks.
 */
public final class JsonReportWriter implements ReportWriter {

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public void write(ReportInput input, OutputStream out) throws IOException {
    ObjectMapper mapper = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(out, toJson(input));
  }

  /** The report as a JSON tree; other formats and the integrity hash reuse it. */
  public static ObjectNode toJson(ReportInput input) {
    Assessment a = input.assessment();
    ObjectMapper mapper = Json.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", Tenet.JSON_SCHEMA);

    ObjectNode meta = root.putObject("assessment");
    meta.put("id", a.id());
    meta.put("startedAt", a.startedAt().toString());
    meta.put("finishedAt", a.finishedAt().toString());
    meta.put("tool", a.tool());

    ArrayNode scope = root.putArray("scope");
    for (ScopeEntry s : a.scope()) {
      scope
          .addObject()
          .put("platform", s.platform())
          .put("baseUrl", s.baseUrl())
          .put("target", s.target());
    }

    ObjectNode score = root.putObject("score");
    putNullable(score, "overall", a.score().overall());
    score.put("grade", a.score().grade());
    score.put("model", a.score().model());
    ObjectNode pillars = score.putObject("pillars");
    for (Pillar p : Pillar.values()) {
      PillarScore ps = a.score().pillar(p);
      putNullable(pillars, p.id(), ps == null ? null : ps.score());
    }

    ArrayNode findings = root.putArray("findings");
    for (Finding f : a.findings()) {
      findings.add(finding(mapper, f));
    }

    root.set("attackPaths", PathsJson.attackPaths(a.attackPaths()));
    root.set("exposure", PathsJson.exposure(a.exposure()));

    ObjectNode frameworks = root.putObject("frameworks");
    for (Map.Entry<String, List<FrameworkStatus.Item>> fw :
        FrameworkStatus.of(a, input.weaknesses()).entrySet()) {
      ObjectNode items = frameworks.putObject(fw.getKey());
      for (FrameworkStatus.Item item : fw.getValue()) {
        items
            .putObject(item.id())
            .put("status", item.status().id())
            .put("findings", item.findings().size());
      }
    }

    root.putObject("coverage")
        .put("resources", a.coverage().resources())
        .put("blindSpots", a.coverage().blindSpots());
    root.putObject("graph")
        .put("nodes", a.coverage().resources())
        .put("edges", a.coverage().relations());
    root.putObject("stats")
        .put("apiRequests", a.stats().apiRequests())
        .put("notModified", a.stats().notModified())
        .put("durationMs", a.stats().durationMs());

    ArrayNode accepted = root.putArray("acceptedRisks");
    for (RiskAcceptance r : input.acceptances()) {
      ObjectNode o = accepted.addObject();
      o.put("finding", r.findingId());
      o.put("reason", r.reason());
      o.put("owner", r.owner());
      o.put("acceptedAt", r.acceptedAt() == null ? null : r.acceptedAt().toString());
      o.put("expiresAt", r.expiresAt() == null ? null : r.expiresAt().toString());
      o.put("active", r.activeAt(a.finishedAt()));
    }
    root.putObject("integrity")
        .put("canonicalization", CanonicalJson.VERSION)
        .put("sha256", CanonicalJson.sha256(a));
    return root;
  }

  static ObjectNode finding(ObjectMapper mapper, Finding f) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", f.id());
    o.put("rule", f.ruleId());
    o.put("weakness", f.weakness().id());
    o.put("pillar", f.pillar().id());
    o.put("severity", f.severity().id());
    o.put("title", f.title());
    o.put("message", f.message());
    o.put("resource", f.resource());
    Location l = f.location();
    if (l != null) {
      ObjectNode loc = o.putObject("location").put("file", l.file()).put("line", l.line());
      if (l.column() > 0) {
        loc.put("column", l.column());
      }
    }
    o.set("evidence", mapper.valueToTree(f.evidence()));
    o.put("remediation", String.join("\n", f.remediation()));
    ObjectNode fw = o.putObject("frameworks");
    ArrayNode owasp = fw.putArray("owasp");
    f.weakness().owasp().forEach(owasp::add);
    ArrayNode cis = fw.putArray("cis_ssc");
    f.weakness().cisSsc().forEach(cis::add);
    ArrayNode nist = fw.putArray("nist");
    f.weakness().nist().forEach(nist::add);
    return o;
  }

  private static void putNullable(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
