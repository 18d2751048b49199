package dev.tenet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.score.ScoreCard;
import dev.tenet.reports.verify.ReportVerifier;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportWritersTest {

  @Test
  void listsEveryFormatOnce() {
    assertThat(ReportWriters.formats()).containsExactly("json", "sarif", "csv", "html", "pdf");
    assertThat(ReportWriters.find("PDF")).isPresent();
    assertThat(ReportWriters.find("docx")).isEmpty();
  }

  /** An assessment that could judge nothing: no scope, no finding, no score. */
  static Assessment empty() {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    return new Assessment(
        "20261120T100000Z-000000",
        t,
        t,
        "tenet 0.1.0",
        List.of(),
        List.of(),
        List.of(),
        new ScoreCard(null, null, new EnumMap<>(Pillar.class), "tenet-score/1"),
        List.of(),
        new Coverage(0, 0, 0),
        ScanStats.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "sarif", "csv", "html", "pdf"})
  void writesAnAssessmentThatFoundAndScoredNothing(String format) throws Exception {
    Assessment a = empty();
    ReportInput input = new ReportInput(a, List.of(), List.of(), Samples.RULES, Samples.WEAKNESSES);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriters.find(format).orElseThrow().write(input, out);
    assertThat(out.size()).isPositive();
    if (!format.equals("csv")) {
      ReportVerifier.Verdict v = ReportVerifier.verify(out.toByteArray(), id -> Optional.of(a));
      assertThat(v.matches()).as(v.sentence()).isTrue();
      assertThat(v.sentence()).contains("the same 0 findings and overall score n/a");
    }
  }
}
