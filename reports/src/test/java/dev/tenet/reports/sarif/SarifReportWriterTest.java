package dev.tenet.reports.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tenet.core.model.Finding;
import dev.tenet.core.util.Json;
import dev.tenet.reports.Golden;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.Samples;
import dev.tenet.reports.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

  private static String write(ReportInput input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifReportWriter().write(input, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Set<ValidationMessage> validate(String sarif) throws Exception {
    try (InputStream schemaText =
        SarifReportWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaText, config);
      return schema.validate(Json.mapper().readTree(sarif));
    }
  }

  @Test
  void isValidAgainstTheOfficialSchema() throws Exception {
    assertThat(validate(write(Samples.rich()))).isEmpty();
    assertThat(validate(write(Samples.first()))).isEmpty();
  }

  @Test
  void theValidatorCatchesAnInvalidDocument() throws Exception {
    JsonNode sarif = Json.mapper().readTree(write(Samples.rich()));
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            sarif.path("runs").path(0).path("results").path(0))
        .put("level", "catastrophic");
    assertThat(validate(sarif.toString())).isNotEmpty();
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    String sarif =
        write(Samples.rich())
            .replaceFirst(
                "\"version\" : \"[^\"]*\",(\\s*)\"fullName\"",
                "\"version\" : \"<tool version>\",$1\"fullName\"");
    Golden.assertMatches("rich.sarif", sarif);
  }

  @Test
  void pipelineFindingsPointAtFileAndLineAndSettingsAtTheirResource() throws Exception {
    ReportInput input = Samples.rich();
    JsonNode run = Json.mapper().readTree(write(input)).path("runs").path(0);
    JsonNode results = run.path("results");
    assertThat(results).hasSize(input.assessment().findings().size());
    JsonNode injection = result(results, "GHA-INJECT-001");
    JsonNode physical = injection.path("locations").path(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText())
        .isEqualTo(".github/workflows/ci.yml");
    assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(14);
    assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(9);
    assertThat(injection.path("level").asText()).isEqualTo("error");

    JsonNode org = result(results, "GH-ORG-001");
    assertThat(org.path("locations").path(0).has("physicalLocation")).isFalse();
    assertThat(
            org.path("locations")
                .path(0)
                .path("logicalLocations")
                .path(0)
                .path("fullyQualifiedName")
                .asText())
        .isEqualTo("github:acme-corp");

    // A hostile file name becomes a strictly escaped relative URI.
    assertThat(
            result(results, "GHA-PIN-001")
                .path("locations")
                .path(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("%3Dcmd%7C%27%20/C%20calc%27%21A0.yml");
  }

  @Test
  void fingerprintsAreTheStableFindingIds() throws Exception {
    ReportInput input = Samples.rich();
    JsonNode results = Json.mapper().readTree(write(input)).path("runs").path(0).path("results");
    List<String> fingerprints = new ArrayList<>();
    results.forEach(
        r ->
            fingerprints.add(
                r.path("partialFingerprints").path(SarifReportWriter.FINGERPRINT).asText()));
    assertThat(fingerprints)
        .containsExactlyElementsOf(
            input.assessment().findings().stream().map(Finding::id).toList());
    // The same findings in a later assessment keep their fingerprints.
    JsonNode again =
        Json.mapper().readTree(write(Samples.first())).path("runs").path(0).path("results");
    assertThat(again.path(0).path("partialFingerprints"))
        .isEqualTo(results.path(0).path("partialFingerprints"));
  }

  @Test
  void rulesCarryHelpAndSeverity() throws Exception {
    JsonNode rules =
        Json.mapper()
            .readTree(write(Samples.rich()))
            .path("runs")
            .path(0)
            .path("tool")
            .path("driver")
            .path("rules");
    JsonNode branch = null;
    for (JsonNode r : rules) {
      if (r.path("id").asText().equals("GH-BRANCH-001")) {
        branch = r;
      }
    }
    assertThat(branch).isNotNull();
    assertThat(branch.path("help").path("text").asText()).contains("Remediation:").contains("1. ");
    assertThat(branch.path("help").path("markdown").asText()).contains("**Remediation**");
    assertThat(branch.path("properties").path("security-severity").asText()).isEqualTo("8.0");
    assertThat(branch.path("properties").path("tags").toString()).contains("CICD-SEC-1");
    // Rules only stored findings name (not in this version's catalog) are still described.
    assertThat(rules.toString()).contains("\"GHA-INJECT-001\"");
  }

  @Test
  void blindSpotsAreOpenAndAcceptedRisksSuppressed() throws Exception {
    ReportInput input = Samples.rich();
    JsonNode run = Json.mapper().readTree(write(input)).path("runs").path(0);
    JsonNode gap = result(run.path("results"), "TENET-COVERAGE-001");
    assertThat(gap.path("kind").asText()).isEqualTo("open");
    assertThat(gap.path("level").asText()).isEqualTo("none");
    JsonNode accepted = result(run.path("results"), "GL-TOKEN-001");
    assertThat(accepted.path("suppressions").path(0).path("status").asText()).isEqualTo("accepted");
    // The expired acceptance suppresses nothing.
    assertThat(result(run.path("results"), "GH-SIGN-001").has("suppressions")).isFalse();
    assertThat(run.path("properties").path("tenet").path("sha256").asText())
        .isEqualTo(CanonicalJson.sha256(input.assessment()));
  }

  private static JsonNode result(JsonNode results, String rule) {
    for (JsonNode r : results) {
      if (r.path("ruleId").asText().equals(rule)) {
        return r;
      }
    }
    throw new AssertionError("No result of rule " + rule);
  }
}
