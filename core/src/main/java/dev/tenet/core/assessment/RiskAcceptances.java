package dev.tenet.core.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of every risk acceptance at a given time, replayed from the append-only log: a finding
 * is accepted at time T when its latest event up to T is an acceptance that has not expired by T.
 * Replaying (rather than storing a current state) answers "what was accepted when this assessment
 * ran" as well as "what is accepted now".
 */
public final class RiskAcceptances {
  /** Where an acceptance stands. */
  public enum State {
    ACTIVE,
    EXPIRED,
    REVOKED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The standing of one finding's acceptance.
   *
   * @param acceptance the latest acceptance of the finding
   * @param revocation the revocation after it, when state is REVOKED
   */
  public record Standing(
      State state, RiskAcceptanceEvent acceptance, RiskAcceptanceEvent revocation) {}

  private final List<RiskAcceptanceEvent> events;

  private RiskAcceptances(List<RiskAcceptanceEvent> events) {
    this.events = events;
  }

  public static RiskAcceptances of(List<RiskAcceptanceEvent> events) {
    List<RiskAcceptanceEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(RiskAcceptanceEvent::seq));
    return new RiskAcceptances(List.copyOf(sorted));
  }

  public static RiskAcceptances none() {
    return new RiskAcceptances(List.of());
  }

  public List<RiskAcceptanceEvent> events() {
    return events;
  }

  /** Each finding ever accepted up to {@code when}, with where its acceptance stands then. */
  public Map<String, Standing> standingAt(Instant when) {
    Map<String, Standing> out = new LinkedHashMap<>();
    for (RiskAcceptanceEvent e : events) {
      if (e.recordedAt().isAfter(when)) {
        continue;
      }
      if (e.action() == RiskAcceptanceEvent.Action.ACCEPT) {
        out.put(e.findingId(), new Standing(State.ACTIVE, e, null));
      } else {
        Standing before = out.get(e.findingId());
        if (before != null) {
          out.put(e.findingId(), new Standing(State.REVOKED, before.acceptance(), e));
        }
      }
    }
    out.replaceAll(
        (id, s) ->
            s.state() == State.ACTIVE && !s.acceptance().acceptance().activeAt(when)
                ? new Standing(State.EXPIRED, s.acceptance(), null)
                : s);
    return out;
  }

  /** The acceptances in force at {@code when}. */
  public List<RiskAcceptance> activeAt(Instant when) {
    return standingAt(when).values().stream()
        .filter(s -> s.state() == State.ACTIVE)
        .map(s -> s.acceptance().acceptance())
        .toList();
  }

  /** Ids of the findings accepted at {@code when}: they do not lower the score then. */
  public Set<String> exemptAt(Instant when) {
    Set<String> ids = new TreeSet<>();
    activeAt(when).forEach(a -> ids.add(a.findingId()));
    return ids;
  }

  /** The acceptance of one finding in force at {@code when}. */
  public Optional<RiskAcceptance> activeFor(String findingId, Instant when) {
    Standing s = standingAt(when).get(findingId);
    return s == null || s.state() != State.ACTIVE
        ? Optional.empty()
        : Optional.of(s.acceptance().acceptance());
  }
}
