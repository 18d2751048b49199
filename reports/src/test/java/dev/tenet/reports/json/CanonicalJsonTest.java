package dev.tenet.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Finding;
import dev.tenet.core.store.AssessmentStore;
import dev.tenet.core.util.Json;
import dev.tenet.reports.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalJsonTest {

  @Test
  void numbersFollowEcmaScriptAsRfc8785Requires() {
    // Values from RFC 8785, appendix B and section 3.2.2.3.
    assertThat(CanonicalJson.number(0.0)).isEqualTo("0");
    assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
    assertThat(CanonicalJson.number(1e-7)).isEqualTo("1e-7");
    assertThat(CanonicalJson.number(1e21)).isEqualTo("1e+21");
    assertThat(CanonicalJson.number(1e20)).isEqualTo("100000000000000000000");
    assertThat(CanonicalJson.number(333333333.33333329)).isEqualTo("333333333.3333333");
    assertThat(CanonicalJson.number(4.50)).isEqualTo("4.5");
    assertThat(CanonicalJson.number(2e-3)).isEqualTo("0.002");
    assertThat(CanonicalJson.number(0.000001)).isEqualTo("0.000001");
    assertThat(CanonicalJson.number(1e30)).isEqualTo("1e+30");
    assertThat(CanonicalJson.number(9007199254740992.0)).isEqualTo("9007199254740992");
    assertThat(CanonicalJson.number(295147905179352830000.0)).isEqualTo("295147905179352830000");
    assertThat(CanonicalJson.number(-1.7976931348623157e308)).isEqualTo("-1.7976931348623157e+308");
    assertThat(CanonicalJson.number(5e-324)).isEqualTo("5e-324");
    assertThat(CanonicalJson.number(-5e-7)).isEqualTo("-5e-7");
    assertThat(CanonicalJson.number(123.456)).isEqualTo("123.456");
    assertThatThrownBy(() -> CanonicalJson.number(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serializesTheRfc8785Example() throws Exception {
    String input =
        "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
            + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            + "\"literals\":[null,true,false]}";
    JsonNode node = Json.mapper().readTree(input);
    assertThat(CanonicalJson.serialize(node))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void sortsMembersByUtf16CodeUnits() throws Exception {
    String input =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
            + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
            + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String out = CanonicalJson.serialize(Json.mapper().readTree(input));
    List<String> keys = new ArrayList<>();
    Json.mapper().readTree(out).fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly("\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33");
  }

  @Test
  void fingerprintSurvivesTheStoreRoundTrip(@TempDir Path dir) {
    Assessment a = Samples.rich().assessment();
    Assessment loaded;
    try (AssessmentStore store = AssessmentStore.open(dir.resolve("tenet.db"))) {
      store.save(a, null);
      loaded = store.load(a.id());
    }
    assertThat(new String(CanonicalJson.of(loaded), StandardCharsets.UTF_8))
        .isEqualTo(new String(CanonicalJson.of(a), StandardCharsets.UTF_8));
    assertThat(CanonicalJson.sha256(loaded)).isEqualTo(CanonicalJson.sha256(a)).hasSize(64);
  }

  @Test
  void fingerprintIgnoresFindingOrderButNotContent() {
    Assessment a = Samples.rich().assessment();
    List<Finding> reversed = new ArrayList<>(a.findings());
    Collections.reverse(reversed);
    assertThat(CanonicalJson.sha256(with(a, reversed))).isEqualTo(CanonicalJson.sha256(a));

    List<Finding> edited = new ArrayList<>(a.findings());
    Finding f = edited.get(0);
    edited.set(
        0,
        new Finding(
            f.id(),
            f.ruleId(),
            f.weakness(),
            f.severity(),
            f.title(),
            f.message() + " ",
            f.resource(),
            f.location(),
            f.evidence(),
            f.remediation()));
    assertThat(CanonicalJson.sha256(with(a, edited))).isNotEqualTo(CanonicalJson.sha256(a));
  }

  @Test
  void canonicalBytesHaveNoWhitespaceAndNameTheirVersion() {
    String json = new String(CanonicalJson.of(Samples.rich().assessment()), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"attackPaths\":[")
        .contains("\"canonical\":\"tenet-canonical/1\"");
    assertThat(json).doesNotContain("\n").doesNotContain("\": ").doesNotContain(", \"");
  }

  private static Assessment with(Assessment a, List<Finding> findings) {
    return new Assessment(
        a.id(),
        a.startedAt(),
        a.finishedAt(),
        a.tool(),
        a.scope(),
        findings,
        a.tallies(),
        a.score(),
        a.attackPaths(),
        a.coverage(),
        a.stats());
  }
}
