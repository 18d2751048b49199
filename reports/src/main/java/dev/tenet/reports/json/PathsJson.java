package dev.tenet.reports.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.util.Json;
import java.util.List;
import java.util.Map;

/**
 * Attack paths, their cut and blast radii in the JSON report's shape ({@code attackPaths} as in
 * spec/cli.md, plus {@code exposure}); {@code tenet paths --json} prints the same.
 */
public final class PathsJson {
  private PathsJson() {}

  public static ArrayNode attackPaths(List<AttackPath> paths) {
    ObjectMapper mapper = Json.mapper();
    ArrayNode out = mapper.createArrayNode();
    for (AttackPath p : paths) {
      ObjectNode o = out.addObject();
      o.put("id", p.id());
      o.put("severity", p.severity().id());
      o.put("entry", p.entry());
      o.put("target", p.target());
      if (p.entryPoint() != null) {
        o.put("entryPoint", p.entryPoint());
      }
      if (p.crownJewel() != null) {
        o.put("crownJewel", p.crownJewel());
      }
      ArrayNode hops = o.putArray("hops");
      for (AttackPath.Hop h : p.hops()) {
        ObjectNode hop =
            hops.addObject()
                .put("from", h.from())
                .put("relation", h.relation())
                .put("to", h.to())
                .put("because", h.because())
                .put("fact", h.fact());
        if (h.fix() != null) {
          hop.put("fix", h.fix());
        }
      }
      ArrayNode cut = o.putArray("cut");
      p.cut().forEach(cut::add);
    }
    return out;
  }

  public static ObjectNode exposure(Exposure e) {
    ObjectMapper mapper = Json.mapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("entryPoints", e.entryPoints());
    o.put("crownJewels", e.crownJewels());
    o.put("reachableCrownJewels", e.reachableJewels());
    o.put("pathsFound", e.pathsFound());
    ObjectNode cut = o.putObject("cut");
    cut.put("closesAll", e.cutClosesAll());
    ArrayNode fixes = cut.putArray("fixes");
    for (Exposure.Fix f : e.cut()) {
      fixes
          .addObject()
          .put("id", f.id())
          .put("kind", f.finding() ? "finding" : "fact")
          .put("resource", f.resource())
          .put("title", f.title())
          .put("action", f.action())
          .put("closes", f.closes());
    }
    ArrayNode radii = o.putArray("blastRadius");
    for (Exposure.BlastRadius b : e.blastRadius()) {
      ObjectNode r =
          radii
              .addObject()
              .put("principal", b.principal())
              .put("kind", b.kind())
              .put("reachable", b.reachable())
              .put("crownJewelCount", b.crownJewelCount());
      ObjectNode byKind = r.putObject("byKind");
      for (Map.Entry<String, Integer> k : b.byKind().entrySet()) {
        byKind.put(k.getKey(), k.getValue());
      }
      ArrayNode jewels = r.putArray("crownJewels");
      b.crownJewels().forEach(jewels::add);
    }
    return o;
  }
}
