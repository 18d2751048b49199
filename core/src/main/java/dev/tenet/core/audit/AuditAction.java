package dev.tenet.core.audit;

import java.util.Arrays;
import java.util.Optional;

/** What Tenet records about its own use. */
public enum AuditAction {
  SCAN_STARTED("scan.started"),
  SCAN_FINISHED("scan.finished"),
  SCAN_FAILED("scan.failed"),
  REPORT_EXPORTED("report.exported"),
  RISK_ACCEPTED("risk.accepted"),
  RISK_REVOKED("risk.revoked"),
  CREDENTIAL_ADDED("credential.added"),
  CREDENTIAL_REMOVED("credential.removed"),
  ORGANIZATION_FORGOTTEN("organization.forgotten");

  private final String id;

  AuditAction(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<AuditAction> fromId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
