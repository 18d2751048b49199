package dev.tenet.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.assessment.RiskAcceptanceEvent.Action;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state of acceptances replayed from the log: active until expiry or revocation. */
class RiskAcceptancesTest {
  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

  private static RiskAcceptanceEvent accept(long seq, String id, Instant at, Instant expires) {
    return new RiskAcceptanceEvent(
        seq,
        id,
        Action.ACCEPT,
        "compensating control",
        "sre-team",
        expires,
        "lena",
        at,
        "R",
        "r",
        "t",
        "a1");
  }

  private static RiskAcceptanceEvent revoke(long seq, String id, Instant at) {
    return new RiskAcceptanceEvent(
        seq, id, Action.REVOKE, "control removed", null, null, "maya", at, null, null, null, null);
  }

  @Test
  void anAcceptanceHoldsFromItsRecordingUntilItsExpiry() {
    RiskAcceptances log = RiskAcceptances.of(List.of(accept(1, "f1", T0, T0.plusSeconds(3600))));
    assertThat(log.exemptAt(T0.minusSeconds(1))).isEmpty();
    assertThat(log.exemptAt(T0)).containsExactly("f1");
    assertThat(log.exemptAt(T0.plusSeconds(3599))).containsExactly("f1");
    assertThat(log.exemptAt(T0.plusSeconds(3600))).isEmpty();
    assertThat(log.standingAt(T0.plusSeconds(3600)).get("f1").state())
        .isEqualTo(RiskAcceptances.State.EXPIRED);
  }

  @Test
  void aRevocationEndsItAndALaterAcceptanceRenewsIt() {
    RiskAcceptances log =
        RiskAcceptances.of(
            List.of(
                accept(1, "f1", T0, T0.plusSeconds(86_400)),
                revoke(2, "f1", T0.plusSeconds(60)),
                accept(3, "f1", T0.plusSeconds(120), T0.plusSeconds(7200))));
    assertThat(log.exemptAt(T0.plusSeconds(30))).containsExactly("f1");
    RiskAcceptances.Standing revoked = log.standingAt(T0.plusSeconds(90)).get("f1");
    assertThat(revoked.state()).isEqualTo(RiskAcceptances.State.REVOKED);
    assertThat(revoked.revocation().actor()).isEqualTo("maya");
    assertThat(log.exemptAt(T0.plusSeconds(90))).isEmpty();
    RiskAcceptance renewed = log.activeFor("f1", T0.plusSeconds(200)).orElseThrow();
    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(7200));
    assertThat(renewed.acceptedAt()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void eventsAreReplayedInLogOrderWhateverOrderTheyCameIn() {
    RiskAcceptances log =
        RiskAcceptances.of(
            List.of(revoke(2, "f1", T0.plusSeconds(10)), accept(1, "f1", T0, T0.plusSeconds(100))));
    assertThat(log.exemptAt(T0.plusSeconds(20))).isEmpty();
    assertThat(log.events()).extracting(RiskAcceptanceEvent::seq).containsExactly(1L, 2L);
  }
}
