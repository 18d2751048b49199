package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.audit.AuditEvent;
import dev.tenet.core.audit.AuditQuery;
import dev.tenet.core.credentials.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path temp;

  @Test
  void recordsAndReadsBackEventsInOrder() {
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      AuditLog log = store.auditLog();
      AuditEvent first =
          log.record(
              AuditEvent.of(
                  T0,
                  "alice",
                  AuditAction.SCAN_STARTED,
                  "github:acme",
                  List.of("github:acme"),
                  Map.of("baseUrl", "https://api.github.com")));
      log.record(
          AuditEvent.of(
              T0.plusSeconds(60),
              "alice",
              AuditAction.SCAN_FINISHED,
              "github:acme",
              List.of("github:acme"),
              Map.of("assessment", "20261126-100000-abcd", "overall", 61)));
      log.record(
          AuditEvent.of(
              T0.plusSeconds(120),
              "bob",
              AuditAction.REPORT_EXPORTED,
              "/tmp/r.json",
              List.of(),
              Map.of("format", "json")));

      assertThat(first.id()).isPositive();
      List<AuditEvent> all = log.events(AuditQuery.all());
      assertThat(all)
          .extracting(AuditEvent::action)
          .containsExactly("scan.started", "scan.finished", "report.exported");
      assertThat(all.get(1).details()).containsEntry("overall", 61);
      assertThat(all.get(0).scopes()).containsExactly("github:acme");

      assertThat(log.events(new AuditQuery(T0.plusSeconds(60), null, 0))).hasSize(2);
      assertThat(log.events(new AuditQuery(null, "report.exported", 0)))
          .singleElement()
          .extracting(AuditEvent::actor)
          .isEqualTo("bob");
      assertThat(log.events(new AuditQuery(null, null, 2)))
          .extracting(AuditEvent::action)
          .containsExactly("scan.finished", "report.exported");
    }
  }

  @Test
  void neverStoresASecretEvenWhenACallerPassesOne() throws Exception {
    Secret token = Secret.of("ghp_AuditCanary0123456789abcdefABCDEFGH");
    Path db = temp.resolve("tenet.db");
    try (AssessmentStore store = AssessmentStore.open(db)) {
      store
          .auditLog()
          .record(
              AuditEvent.of(
                  T0,
                  "alice",
                  AuditAction.SCAN_FAILED,
                  "github:acme",
                  List.of("github:acme"),
                  Map.of(
                      "reason", "401 for token " + token.reveal(), "password", "hunter2hunter2")));
      AuditEvent back = store.auditLog().events(AuditQuery.all()).get(0);
      assertThat(back.details())
          .containsEntry("reason", "401 for token [redacted]")
          .containsEntry("password", "[redacted]");
    }
    assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1))
        .doesNotContain(token.reveal())
        .doesNotContain("hunter2");
  }
}
