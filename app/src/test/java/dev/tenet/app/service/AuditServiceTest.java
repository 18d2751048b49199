package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.audit.AuditEvent;
import dev.tenet.core.audit.AuditQuery;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditServiceTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void recordsRiskAcceptancesUnderTheirOrganizationAndExportsJson() throws Exception {
    try (Workspace workspace = new Workspace(dir.resolve("tenet.db"))) {
      AuditService audit = new AuditService(workspace, CLOCK, "alice");
      audit.riskAccepted(
          "f-123",
          "github:acme/payments#branch/main",
          "compensating control",
          Instant.parse("2027-01-01T00:00:00Z"));

      List<AuditEvent> events = audit.events(AuditQuery.all());
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.action()).isEqualTo("risk.accepted");
                assertThat(e.actor()).isEqualTo("alice");
                assertThat(e.scopes()).containsExactly("github:acme");
                assertThat(e.details())
                    .containsEntry("finding", "f-123")
                    .containsEntry("expiresAt", "2027-01-01T00:00:00Z");
              });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      audit.export(events, out);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("\"schema\" : \"tenet.audit/v1\"", "\"at\" : \"2026-11-26T10:00:00Z\"");
    }
  }

  @Test
  void aStoreThatCannotRecordDoesNotStopTheAction() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    try (Workspace workspace = new Workspace(notAFolder.resolve("tenet.db"))) {
      AuditService audit = new AuditService(workspace, CLOCK, "alice");
      assertThat(audit.record(AuditAction.REPORT_EXPORTED, "r.json", List.of(), Map.of())).isNull();
    }
  }

  @Test
  void organizationsOfResourceIds() {
    assertThat(AuditService.organizationOf("github:acme/web#file/.github/workflows/ci.yml"))
        .isEqualTo("github:acme");
    assertThat(AuditService.organizationOf("github:acme")).isEqualTo("github:acme");
    assertThat(AuditService.organizationOf("gitlab:acme/platform/api")).isEqualTo("gitlab:acme");
  }
}
