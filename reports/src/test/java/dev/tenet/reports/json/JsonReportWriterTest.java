package dev.tenet.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import dev.tenet.reports.Golden;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

  private static String write(ReportInput input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReportWriter().write(input, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches("rich.json", write(Samples.rich()));
  }

  @Test
  void followsTheSpecSchemaWithAttackPathsFrameworksAndIntegrity() throws Exception {
    ReportInput input = Samples.rich();
    JsonNode root = Json.mapper().readTree(write(input));
    assertThat(root.path("schema").asText()).isEqualTo("tenet.assessment/v1");
    assertThat(root.path("findings")).hasSize(input.assessment().findings().size());
    JsonNode pipeline = root.path("findings").findParents("location").get(0);
    assertThat(pipeline.path("location").path("file").asText())
        .isEqualTo(".github/workflows/ci.yml");
    assertThat(pipeline.path("location").path("line").asInt()).isEqualTo(14);
    assertThat(root.path("attackPaths")).hasSize(2);
    assertThat(root.path("attackPaths").path(0).path("hops")).hasSize(3);
    assertThat(root.path("frameworks").path("owasp").path("CICD-SEC-4").path("status").asText())
        .isEqualTo("fail");
    assertThat(root.path("integrity").path("sha256").asText())
        .isEqualTo(CanonicalJson.sha256(input.assessment()));
    assertThat(root.path("acceptedRisks")).hasSize(3);
    assertThat(root.path("acceptedRisks").path(1).path("active").asBoolean()).isFalse();
  }

  @Test
  void keepsHostileTextAsData() throws Exception {
    JsonNode root = Json.mapper().readTree(write(Samples.rich()));
    assertThat(root.path("findings").toString())
        .contains("acme-corp/<script>alert('pwned')</script>");
  }
}
