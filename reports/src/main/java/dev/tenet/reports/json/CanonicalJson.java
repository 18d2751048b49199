package dev.tenet.reports.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.score.Deduction;
import dev.tenet.core.score.PillarScore;
import dev.tenet.core.util.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON of an assessment, whose SHA-256 every report carries so that {@code tenet
 * verify} can tie a report to a stored assessment. Defined once, here (docs/REPORTS.md repeats it):
 *
 * <ol>
 *   <li><b>Content</b> ({@value #VERSION}): exactly what the store keeps of an assessment, nothing
 *       derived from catalogs that may change later. An object with {@code canonical} (this
 *       version), {@code id}, {@code startedAt}, {@code finishedAt} (ISO-8601 instants as stored),
 *       {@code tool}, {@code scope} (in order), {@code findings} (sorted by id; each with {@code
 *       id, rule, weakness, severity, title, message, resource, location} ({@code {file, line,
 *       column}} or null), {@code evidence}, {@code remediation}), {@code tallies} (sorted by
 *       rule), {@code score} ({@code overall, grade, model, pillars}: per pillar id {@code score,
 *       grade, checks, failed, unknown, deductions} in stored order), {@code attackPaths} (sorted
 *       by id), {@code coverage} and {@code stats}.
 *   <li><b>Serialization</b>: the JSON Canonicalization Scheme, RFC 8785: no whitespace, object
 *       members sorted by the UTF-16 code units of their names, strings with only the mandatory
 *       escapes, numbers in ECMAScript form (shortest round-trip, {@code 1e+21} style exponents).
 *   <li><b>Encoding</b>: UTF-8. The fingerprint is the lower-case hex SHA-256 of those bytes.
 * </ol>
 */
public final class CanonicalJson {
  /** Names the content rules above; a change to them gets a new version. */
  public static final String VERSION = "tenet-canonical/1";

  private CanonicalJson() {}

  /** The canonical bytes of an assessment. */
  public static byte[] of(Assessment assessment) {
    return serialize(tree(assessment)).getBytes(StandardCharsets.UTF_8);
  }

  /** The lower-case hex SHA-256 of the canonical bytes. */
  public static String sha256(Assessment assessment) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(of(assessment)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java runtime has no SHA-256", e);
    }
  }

  /** The canonical content as a JSON tree, before serialization. */
  public static ObjectNode tree(Assessment a) {
    ObjectMapper mapper = Json.mapper();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("canonical", VERSION);
    root.put("id", a.id());
    root.put("startedAt", a.startedAt().toString());
    root.put("finishedAt", a.finishedAt().toString());
    root.put("tool", a.tool());
    ArrayNode scope = root.putArray("scope");
    for (ScopeEntry s : a.scope()) {
      scope
          .addObject()
          .put("platform", s.platform())
          .put("baseUrl", s.baseUrl())
          .put("target", s.target());
    }

    ArrayNode findings = root.putArray("findings");
    List<Finding> sorted = new ArrayList<>(a.findings());
    sorted.sort(Comparator.comparing(Finding::id));
    for (Finding f : sorted) {
      ObjectNode o = findings.addObject();
      o.put("id", f.id());
      o.put("rule", f.ruleId());
      o.put("weakness", f.weakness().id());
      o.put("severity", f.severity().id());
      o.put("title", f.title());
      o.put("message", f.message());
      o.put("resource", f.resource());
      Location l = f.location();
      if (l == null) {
        o.putNull("location");
      } else {
        o.putObject("location")
            .put("file", l.file())
            .put("line", l.line())
            .put("column", l.column());
      }
      o.set("evidence", mapper.valueToTree(f.evidence()));
      ArrayNode steps = o.putArray("remediation");
      f.remediation().forEach(steps::add);
    }

    ArrayNode tallies = root.putArray("tallies");
    List<RuleTally> sortedTallies = new ArrayList<>(a.tallies());
    sortedTallies.sort(Comparator.comparing(RuleTally::ruleId));
    for (RuleTally t : sortedTallies) {
      tallies
          .addObject()
          .put("rule", t.ruleId())
          .put("weakness", t.weakness())
          .put("pillar", t.pillar().id())
          .put("severity", t.severity().id())
          .put("passed", t.passed())
          .put("failed", t.failed())
          .put("unknown", t.unknown());
    }

    ObjectNode score = root.putObject("score");
    putInteger(score, "overall", a.score().overall());
    score.put("grade", a.score().grade());
    score.put("model", a.score().model());
    ObjectNode pillars = score.putObject("pillars");
    for (Pillar p : Pillar.values()) {
      PillarScore ps = a.score().pillar(p);
      if (ps == null) {
        continue;
      }
      ObjectNode po = pillars.putObject(p.id());
      putInteger(po, "score", ps.score());
      po.put("grade", ps.grade());
      po.put("checks", ps.checks());
      po.put("failed", ps.failed());
      po.put("unknown", ps.unknown());
      ArrayNode deductions = po.putArray("deductions");
      for (Deduction d : ps.deductions()) {
        deductions
            .addObject()
            .put("rule", d.ruleId())
            .put("finding", d.findingId())
            .put("points", d.points())
            .put("reason", d.reason());
      }
    }

    ArrayNode paths = root.putArray("attackPaths");
    List<AttackPath> sortedPaths = new ArrayList<>(a.attackPaths());
    sortedPaths.sort(Comparator.comparing(AttackPath::id));
    for (AttackPath p : sortedPaths) {
      ObjectNode po = paths.addObject();
      po.put("id", p.id());
      po.put("severity", p.severity() == null ? null : p.severity().id());
      po.put("entry", p.entry());
      po.put("target", p.target());
      ArrayNode hops = po.putArray("hops");
      for (AttackPath.Hop h : p.hops()) {
        hops.addObject()
            .put("from", h.from())
            .put("relation", h.relation())
            .put("to", h.to())
            .put("because", h.because());
      }
      ArrayNode cut = po.putArray("cut");
      p.cut().forEach(cut::add);
    }

    root.putObject("coverage")
        .put("resources", a.coverage().resources())
        .put("relations", a.coverage().relations())
        .put("blindSpots", a.coverage().blindSpots());
    root.putObject("stats")
        .put("apiRequests", a.stats().apiRequests())
        .put("notModified", a.stats().notModified())
        .put("durationMs", a.stats().durationMs());
    return root;
  }

  private static void putInteger(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /** Serializes a JSON tree by RFC 8785 (JSON Canonicalization Scheme). */
  public static String serialize(JsonNode node) {
    StringBuilder out = new StringBuilder(4096);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          members.add(it.next());
        }
        // String.compareTo orders by UTF-16 code units, as RFC 8785 section 3.2.3 requires.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> m : members) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(m.getKey(), out);
          out.append(':');
          write(m.getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> out.append("null");
      default ->
          throw new IllegalArgumentException(
              "Canonical JSON cannot hold a " + node.getNodeType() + " node");
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String number(JsonNode node) {
    if (node.isFloat()) {
      // A float written and read back becomes the double of its shortest decimal form.
      return number(Double.parseDouble(Float.toString(node.floatValue())));
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long v = node.longValue();
      // Beyond 2^53 an integer has no exact IEEE-754 double; RFC 8785 serializes the double.
      if (Math.abs(v) <= (1L << 53)) {
        return Long.toString(v);
      }
    }
    return number(node.doubleValue());
  }

  /** A double in ECMAScript Number.prototype.toString form (RFC 8785 section 3.2.2.3). */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Canonical JSON has no " + value);
    }
    if (value == 0) {
      return "0";
    }
    // Double.toString gives the shortest digits that round-trip (Java 19+), as ECMAScript does.
    double magnitude = Math.abs(value);
    BigDecimal exact = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
    // Double.toString never prints fewer than two significant digits ("4.9E-324"), ECMAScript
    // prints one when one round-trips ("5e-324").
    if (exact.precision() == 2) {
      BigDecimal one = new BigDecimal(magnitude).round(new MathContext(1, RoundingMode.HALF_EVEN));
      if (one.doubleValue() == magnitude) {
        exact = one.stripTrailingZeros();
      }
    }
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = k - exact.scale(); // value = 0.digits × 10^n
    StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int e = n - 1;
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }
}
