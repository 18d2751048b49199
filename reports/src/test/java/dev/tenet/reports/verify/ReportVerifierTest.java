package dev.tenet.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Finding;
import dev.tenet.core.util.Json;
import dev.tenet.reports.ReportInput;
import dev.tenet.reports.ReportWriters;
import dev.tenet.reports.Samples;
import dev.tenet.reports.html.Html;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportVerifierTest {
  private static ReportInput input;
  private static Assessment stored;
  private static Function<String, Optional<Assessment>> store;
  private static final Map<String, byte[]> reports = new java.util.HashMap<>();

  @BeforeAll
  static void write() throws Exception {
    input = Samples.rich();
    stored = input.assessment();
    store = id -> id.equals(stored.id()) ? Optional.of(stored) : Optional.empty();
    for (String format : List.of("pdf", "html", "json", "sarif", "csv")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ReportWriters.find(format).orElseThrow().write(input, out);
      reports.put(format, out.toByteArray());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdf", "html", "json", "sarif"})
  void aReportMatchesTheAssessmentItCameFrom(String format) {
    ReportVerifier.Verdict v = ReportVerifier.verify(reports.get(format), store);
    assertThat(v.matches()).as(v.sentence()).isTrue();
    assertThat(v.assessmentId()).isEqualTo(stored.id());
    assertThat(v.sentence())
        .startsWith("The " + format.toUpperCase() + " report matches assessment " + stored.id())
        .contains(stored.findings().size() + " findings");
  }

  @ParameterizedTest
  @ValueSource(strings = {"html", "json", "sarif"})
  void onlyAPdfCanShowARequiredSigner(String format) {
    ReportVerifier.Verdict v = ReportVerifier.verify(reports.get(format), store, "ab".repeat(32));
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence())
        .isEqualTo("Only PDF reports carry a signature; this report cannot show its signer.");
    // Without a required signer, the same report matches.
    assertThat(ReportVerifier.verify(reports.get(format), store, null).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdf", "html", "json", "sarif"})
  void aStoreWithoutTheAssessmentDoesNotMatch(String format) {
    ReportVerifier.Verdict v = ReportVerifier.verify(reports.get(format), id -> Optional.empty());
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("not in this store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdf", "html", "json", "sarif"})
  void aChangedStoredAssessmentDoesNotMatch(String format) {
    Finding f = stored.findings().get(0);
    List<Finding> changed = new java.util.ArrayList<>(stored.findings());
    changed.set(
        0,
        new Finding(
            f.id(),
            f.ruleId(),
            f.weakness(),
            dev.tenet.core.model.Severity.LOW,
            f.title(),
            f.message(),
            f.resource(),
            f.location(),
            f.evidence(),
            f.remediation()));
    Assessment altered =
        new Assessment(
            stored.id(),
            stored.startedAt(),
            stored.finishedAt(),
            stored.tool(),
            stored.scope(),
            changed,
            stored.tallies(),
            stored.score(),
            stored.attackPaths(),
            stored.coverage(),
            stored.stats());
    ReportVerifier.Verdict v =
        ReportVerifier.verify(reports.get(format), id -> Optional.of(altered));
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("does not match").contains("fingerprint");
  }

  @Test
  void aJsonReportMissingAFindingDoesNotMatch() throws Exception {
    ObjectNode json = (ObjectNode) Json.mapper().readTree(reports.get("json"));
    String removed = json.path("findings").path(3).path("id").asText();
    ((ArrayNode) json.path("findings")).remove(3);
    ReportVerifier.Verdict v =
        ReportVerifier.verify(json.toString().getBytes(StandardCharsets.UTF_8), store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("missing from it (first: " + removed + ")");
  }

  @Test
  void aJsonReportWithAnotherScoreDoesNotMatch() throws Exception {
    ObjectNode json = (ObjectNode) Json.mapper().readTree(reports.get("json"));
    ((ObjectNode) json.path("score")).put("overall", 99);
    ReportVerifier.Verdict v =
        ReportVerifier.verify(json.toString().getBytes(StandardCharsets.UTF_8), store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("overall score of 99");
  }

  @Test
  void anHtmlReportWithAnInventedFindingDoesNotMatch() {
    String html = new String(reports.get("html"), StandardCharsets.UTF_8);
    String tampered =
        html.replace(
            "<main>", "<main><div class=\"finding\" data-finding=\"ffffffffffffffffffff\"></div>");
    ReportVerifier.Verdict v =
        ReportVerifier.verify(tampered.getBytes(StandardCharsets.UTF_8), store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence())
        .contains("the stored assessment does not have (first: ffffffffffffffffffff)");
  }

  @Test
  void aReportWithAnEditedFindingDoesNotMatch() throws Exception {
    Finding f = stored.findings().get(0);
    String html = new String(reports.get("html"), StandardCharsets.UTF_8);
    String escaped = Html.escape(f.message());
    assertThat(html).contains(escaped);
    String edited = html.replace(escaped, Html.escape("Nothing to see here."));
    ReportVerifier.Verdict v =
        ReportVerifier.verify(edited.getBytes(StandardCharsets.UTF_8), store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("the text of finding " + f.id() + " differs");

    ObjectNode json = (ObjectNode) Json.mapper().readTree(reports.get("json"));
    ((ObjectNode) json.path("findings").path(2)).put("message", "All good.");
    ReportVerifier.Verdict j =
        ReportVerifier.verify(json.toString().getBytes(StandardCharsets.UTF_8), store);
    assertThat(j.matches()).isFalse();
    assertThat(j.sentence()).contains("the text of finding " + stored.findings().get(2).id());
  }

  @Test
  void normalizingIgnoresLayoutAndUnprintableCharacters() {
    assertThat(ReportVerifier.normalize("a b\n c\u202Ed\u0007\uFFFD e")).isEqualTo("abcde");
  }

  @Test
  void aPdfWhoseFingerprintWasEditedDoesNotMatch() throws Exception {
    byte[] edited;
    try (PDDocument doc = Loader.loadPDF(reports.get("pdf"))) {
      doc.getDocumentInformation()
          .setCustomMetadataValue("tenet-assessment-sha256", "0".repeat(64));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      edited = out.toByteArray();
    }
    ReportVerifier.Verdict v = ReportVerifier.verify(edited, store);
    assertThat(v.matches()).isFalse();
    assertThat(v.sentence()).contains("its fingerprint 0000000000000000");
  }

  @Test
  void unverifiableInputGetsOneClearSentence() {
    assertThat(ReportVerifier.verify(reports.get("csv"), store).sentence())
        .isEqualTo(
            "This is not a report Tenet can verify: expected a PDF, HTML, JSON or SARIF report (CSV"
                + " reports carry no fingerprint).");
    ReportVerifier.Verdict broken =
        ReportVerifier.verify("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII), store);
    assertThat(broken.matches()).isFalse();
    assertThat(broken.sentence()).startsWith("This PDF cannot be read");
    ReportVerifier.Verdict json =
        ReportVerifier.verify("{\"schema\": ".getBytes(StandardCharsets.UTF_8), store);
    assertThat(json.sentence()).startsWith("This JSON report cannot be parsed");
    ReportVerifier.Verdict foreign =
        ReportVerifier.verify("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), store);
    assertThat(foreign.sentence()).contains("names no assessment");
  }
}
