package dev.tenet.reports.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriter;
import dev.tenet.reports.json.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, for code-scanning views (GitHub code scanning and others). Pipeline findings carry
 * the file and line, relative to their repository ({@code %SRCROOT%}), so they show inline;
 * settings findings carry their resource id as a logical location. Each result's partial
 * fingerprint is the stable finding id, so a finding that persists stays one alert. Accepted risks
 * are reported as externally suppressed; coverage gaps as results of kind {@code open} (Tenet could
 * not tell).
 */
public final class SarifReportWriter implements ReportWriter {
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The partial fingerprint name: the finding id, stable across assessments. */
  public static final String FINGERPRINT = "tenetFindingId/v1";

  /** Properties of the run that tie the file to its assessment (read by tenet verify). */
  public static final String RUN_PROPERTIES = "tenet";

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String extension() {
    return "sarif";
  }

  @Override
  public void write(ReportInput input, OutputStream out) throws IOException {
    ObjectMapper mapper = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(out, toSarif(input));
  }

  public static ObjectNode toSarif(ReportInput input) {
    Assessment a = input.assessment();
    ObjectMapper mapper = Json.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Tenet");
    driver.put("version", Tenet.version());
    driver.put("fullName", a.tool());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    // Every rule of the catalog, so a rule that found nothing is known to have run; then any rule
    // a stored finding names that this version no longer ships.
    if (input.rules() != null) {
      for (Rule rule : input.rules().rules()) {
        RuleMetadata m = rule.metadata();
        Weakness w = input.weaknesses().find(m.weakness()).orElse(null);
        ruleIndex.put(m.id(), ruleIndex.size());
        rules.add(rule(mapper, m, w));
      }
    }
    for (Finding f : a.findings()) {
      if (!ruleIndex.containsKey(f.ruleId())) {
        ruleIndex.put(f.ruleId(), ruleIndex.size());
        rules.add(
            rule(
                mapper,
                new RuleMetadata(
                    f.ruleId(),
                    f.weakness().id(),
                    f.severity(),
                    f.title(),
                    "",
                    f.remediation(),
                    List.of()),
                f.weakness()));
      }
    }

    run.putObject("automationDetails").put("id", "tenet/" + category(a) + "/" + a.id());
    ArrayNode invocations = run.putArray("invocations");
    invocations
        .addObject()
        .put("executionSuccessful", true)
        .put("startTimeUtc", a.startedAt().toString())
        .put("endTimeUtc", a.finishedAt().toString());
    run.putObject("originalUriBaseIds")
        .putObject("%SRCROOT%")
        .putObject("description")
        .put("text", "The root of the repository named by each result's logical location.");

    Map<String, RiskAcceptance> accepted = new LinkedHashMap<>();
    for (RiskAcceptance r : input.acceptances()) {
      if (r.activeAt(a.finishedAt())) {
        accepted.put(r.findingId(), r);
      }
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : a.findings()) {
      results.add(result(mapper, f, ruleIndex.get(f.ruleId()), accepted.get(f.id())));
    }

    ObjectNode props = run.putObject("properties").putObject(RUN_PROPERTIES);
    props.put("assessmentId", a.id());
    props.put("canonicalization", CanonicalJson.VERSION);
    props.put("sha256", CanonicalJson.sha256(a));
    if (a.score().overall() == null) {
      props.putNull("overallScore");
    } else {
      props.put("overallScore", a.score().overall());
    }
    ArrayNode scope = props.putArray("scope");
    for (ScopeEntry s : a.scope()) {
      scope
          .addObject()
          .put("platform", s.platform())
          .put("baseUrl", s.baseUrl())
          .put("target", s.target());
    }
    return root;
  }

  private static String category(Assessment a) {
    List<String> targets = new ArrayList<>();
    for (ScopeEntry s : a.scope()) {
      targets.add(s.platform() + "-" + s.target().replace('/', '-'));
    }
    return targets.isEmpty() ? "none" : String.join("+", targets);
  }

  private static ObjectNode rule(ObjectMapper mapper, RuleMetadata m, Weakness w) {
    ObjectNode r = mapper.createObjectNode();
    r.put("id", m.id());
    if (w != null) {
      r.put("name", pascal(w.id()));
    }
    r.putObject("shortDescription").put("text", m.title());
    r.putObject("fullDescription").put("text", m.rationale().isEmpty() ? m.title() : m.rationale());
    StringBuilder text = new StringBuilder();
    StringBuilder markdown = new StringBuilder();
    if (!m.rationale().isEmpty()) {
      text.append(m.rationale()).append("\n\n");
      markdown.append(markdownText(m.rationale())).append("\n\n");
    }
    if (!m.remediation().isEmpty()) {
      text.append("Remediation:\n");
      markdown.append("**Remediation**\n\n");
      for (int i = 0; i < m.remediation().size(); i++) {
        text.append(i + 1).append(". ").append(m.remediation().get(i)).append('\n');
        markdown
            .append(i + 1)
            .append(". ")
            .append(markdownText(m.remediation().get(i)))
            .append('\n');
      }
    }
    if (!m.references().isEmpty()) {
      text.append("\nReferences: ").append(String.join(", ", m.references()));
      markdown.append("\n**References**: ").append(markdownText(String.join(", ", m.references())));
    }
    r.putObject("help")
        .put("text", text.toString().strip())
        .put("markdown", markdown.toString().strip());
    m.references().stream()
        .filter(ref -> ref.startsWith("https://"))
        .findFirst()
        .ifPresent(uri -> r.put("helpUri", uri));
    r.putObject("defaultConfiguration").put("level", level(m.severity()));
    ObjectNode props = r.putObject("properties");
    ArrayNode tags = props.putArray("tags");
    tags.add("security");
    if (w != null) {
      tags.add(w.pillar().id());
      tags.add(w.id());
      w.owasp().forEach(tags::add);
      w.cisSsc().forEach(id -> tags.add("CIS-SSC-" + id));
      w.nist().forEach(n -> tags.add("NIST-800-207-tenet-" + n));
    }
    props.put("precision", "high");
    props.put("problem.severity", problemSeverity(m.severity()));
    props.put("security-severity", securitySeverity(m.severity()));
    return r;
  }

  private static ObjectNode result(
      ObjectMapper mapper, Finding f, int ruleIndex, RiskAcceptance acceptance) {
    ObjectNode r = mapper.createObjectNode();
    r.put("ruleId", f.ruleId());
    r.put("ruleIndex", ruleIndex);
    boolean gap = f.weakness().id().equals(Weakness.COVERAGE_GAP);
    // SARIF: a result that is not of kind "fail" has level "none".
    r.put("kind", gap ? "open" : "fail");
    r.put("level", gap ? "none" : level(f.severity()));
    r.putObject("message").put("text", f.message());
    ObjectNode location = r.putArray("locations").addObject();
    Location l = f.location();
    if (l != null) {
      ObjectNode physical = location.putObject("physicalLocation");
      physical
          .putObject("artifactLocation")
          .put("uri", uri(l.file()))
          .put("uriBaseId", "%SRCROOT%");
      if (l.line() > 0) {
        ObjectNode region = physical.putObject("region").put("startLine", l.line());
        if (l.column() > 0) {
          region.put("startColumn", l.column());
        }
      }
    }
    ArrayNode logical = location.putArray("logicalLocations");
    logical.addObject().put("fullyQualifiedName", f.resource()).put("kind", "resource");
    r.putObject("partialFingerprints").put(FINGERPRINT, f.id());
    if (acceptance != null) {
      ObjectNode suppression = r.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("status", "accepted");
      suppression.put(
          "justification",
          (acceptance.reason() == null ? "" : acceptance.reason())
              + (acceptance.owner() == null ? "" : " (accepted by " + acceptance.owner() + ")"));
    }
    ObjectNode props = r.putObject("properties");
    props.put("findingId", f.id());
    props.put("severity", f.severity().id());
    props.put("security-severity", securitySeverity(f.severity()));
    props.put("weakness", f.weakness().id());
    props.put("pillar", f.pillar().id());
    props.put("resource", f.resource());
    props.put("repository", ResourceId.scopeOf(f.resource()));
    props.set("evidence", mapper.valueToTree(f.evidence()));
    return r;
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  private static String problemSeverity(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "recommendation";
    };
  }

  /** GitHub's scale: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  /** A repository-relative path as a relative URI reference: forward slashes, escaped bytes. */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  private static String pascal(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("[-_]")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** Plain text inside Markdown: characters Markdown would interpret are escaped. */
  private static String markdownText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ("\\`*_{}[]<>()#+!|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
