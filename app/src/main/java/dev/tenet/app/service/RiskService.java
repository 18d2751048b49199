package dev.tenet.app.service;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.assessment.RiskAcceptanceEvent;
import dev.tenet.core.assessment.RiskAcceptances;
import dev.tenet.core.model.Finding;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.score.Scorer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Risk acceptance: a finding accepted with a reason, an owner and an expiry stays visible as
 * accepted and stops lowering the score of the assessments that start before it expires. Every
 * acceptance and revocation is appended to the store's log with who recorded it and when.
 */
public final class RiskService {
  /** Zero trust: an accepted risk is looked at again within a year. */
  public static final Duration LONGEST = Duration.ofDays(366);

  private static final int MAX_TEXT = 2000;
  private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");

  private final Workspace workspace;
  private final Scorer scorer;
  private final Clock clock;
  private final String actor;
  private final AuditService audit;

  /**
   * @param actor who records acceptances (the account running Tenet)
   * @param audit where acceptances and revocations are also recorded, or null
   */
  public RiskService(
      Workspace workspace, Scorer scorer, Clock clock, String actor, AuditService audit) {
    this.workspace = workspace;
    this.scorer = scorer;
    this.clock = clock;
    this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
    this.audit = audit;
  }

  /** A risk service without an audit trail (tests that exercise acceptance alone). */
  public RiskService(Workspace workspace, Scorer scorer, Clock clock, String actor) {
    this(workspace, scorer, clock, actor, null);
  }

  /**
   * An acceptance as recorded, and what it would do to the assessment it was taken from.
   *
   * @param scoreBefore that assessment's overall score with the acceptances in force now
   * @param scoreAfter the same with this one too
   */
  public record Accepted(
      RiskAcceptanceEvent event, Finding finding, Integer scoreBefore, Integer scoreAfter) {}

  /**
   * Accepts a finding of an assessment (by id or a unique prefix of it).
   *
   * @param expires a date (2027-03-31: accepted through that day, UTC), an instant, or days from
   *     now (90d)
   */
  public Accepted accept(
      String findingRef, String reason, String owner, String expires, String assessmentRef) {
    String why = required(reason, "--reason", "why the risk is accepted");
    String who = required(owner, "--owner", "who answers for the accepted risk");
    Instant now = clock.instant();
    Instant until = expiry(expires, now);
    Assessment a = workspace.load(assessmentRef);
    Finding f = finding(a, findingRef);
    RiskAcceptances log = workspace.store().riskAcceptances().replay();
    Set<String> before = log.exemptAt(now);
    before.remove(f.id());
    Set<String> after = new HashSet<>(before);
    after.add(f.id());
    RiskAcceptanceEvent event =
        workspace
            .store()
            .riskAcceptances()
            .append(
                new RiskAcceptanceEvent(
                    0,
                    f.id(),
                    RiskAcceptanceEvent.Action.ACCEPT,
                    why,
                    who,
                    until,
                    actor,
                    now,
                    f.ruleId(),
                    f.resource(),
                    f.title(),
                    a.id()));
    if (audit != null) {
      audit.riskAccepted(f.id(), f.resource(), why, until);
    }
    return new Accepted(event, f, overall(a, before), overall(a, after));
  }

  /** Revokes the acceptance in force of a finding (by id or a unique prefix of it). */
  public RiskAcceptanceEvent revoke(String findingRef, String reason) {
    String why = required(reason, "--reason", "why the acceptance ends");
    Instant now = clock.instant();
    Map<String, RiskAcceptances.Standing> standing =
        workspace.store().riskAcceptances().replay().standingAt(now);
    List<String> active =
        standing.entrySet().stream()
            .filter(e -> e.getValue().state() == RiskAcceptances.State.ACTIVE)
            .map(Map.Entry::getKey)
            .filter(id -> id.startsWith(findingRef))
            .toList();
    if (active.isEmpty()) {
      throw new UserError(
          "No acceptance in force matches '"
              + findingRef
              + "': see 'tenet accept list' (expired and revoked ones need no revoking).");
    }
    if (active.size() > 1) {
      throw new UserError(
          "'"
              + findingRef
              + "' matches "
              + active.size()
              + " accepted findings: give more of the id.");
    }
    RiskAcceptanceEvent accepted = standing.get(active.get(0)).acceptance();
    if (audit != null) {
      audit.riskRevoked(accepted.findingId(), accepted.resource(), why);
    }
    return workspace
        .store()
        .riskAcceptances()
        .append(
            new RiskAcceptanceEvent(
                0,
                accepted.findingId(),
                RiskAcceptanceEvent.Action.REVOKE,
                why,
                null,
                null,
                actor,
                now,
                accepted.ruleId(),
                accepted.resource(),
                accepted.title(),
                null));
  }

  /** Where each acceptance stands now: in force only, or all (expired and revoked too). */
  public List<RiskAcceptances.Standing> list(boolean all) {
    return workspace
        .store()
        .riskAcceptances()
        .replay()
        .standingAt(clock.instant())
        .values()
        .stream()
        .filter(s -> all || s.state() == RiskAcceptances.State.ACTIVE)
        .toList();
  }

  /** The log, oldest first; only one finding's entries when a reference is given. */
  public List<RiskAcceptanceEvent> history(String findingRef) {
    return workspace.store().riskAcceptances().events().stream()
        .filter(e -> findingRef == null || e.findingId().startsWith(findingRef))
        .toList();
  }

  /** The acceptances that applied when an assessment ran, to its findings. */
  public List<RiskAcceptance> appliedTo(Assessment a) {
    Set<String> ids = new HashSet<>();
    a.findings().forEach(f -> ids.add(f.id()));
    return workspace.store().riskAcceptances().replay().activeAt(a.startedAt()).stream()
        .filter(r -> ids.contains(r.findingId()))
        .toList();
  }

  private Integer overall(Assessment a, Set<String> exempt) {
    return scorer
        .score(new Evaluation(a.findings(), a.tallies()), exempt, a.exposure().findingPaths())
        .overall();
  }

  private static Finding finding(Assessment a, String ref) {
    List<Finding> matches = new ArrayList<>();
    for (Finding f : a.findings()) {
      if (f.id().equals(ref)) {
        return f;
      }
      if (f.id().startsWith(ref)) {
        matches.add(f);
      }
    }
    if (ref.length() < 4 || matches.isEmpty()) {
      throw new UserError(
          "No finding '"
              + ref
              + "' in assessment "
              + a.id()
              + ": give a finding id (or at least its first 4 characters) from 'tenet report'.");
    }
    if (matches.size() > 1) {
      throw new UserError(
          "'"
              + ref
              + "' matches "
              + matches.size()
              + " findings of "
              + a.id()
              + ": give more of the id.");
    }
    return matches.get(0);
  }

  static Instant expiry(String text, Instant now) {
    if (text == null || text.isBlank()) {
      throw new UserError(
          "An acceptance needs an expiry: --expires 2027-03-31 (through that day, UTC) or --expires"
              + " 90d.");
    }
    String t = text.trim();
    Instant until;
    Matcher days = DAYS.matcher(t);
    if (days.matches()) {
      until = now.plus(Duration.ofDays(Long.parseLong(days.group(1))));
    } else {
      try {
        until =
            t.contains("T")
                ? Instant.parse(t)
                : LocalDate.parse(t).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new UserError(
            "'" + t + "' is not an expiry: give a date (2027-03-31), an instant or days (90d).");
      }
    }
    if (!until.isAfter(now)) {
      throw new UserError("The expiry " + t + " is already past: give a date in the future.");
    }
    if (until.isAfter(now.plus(LONGEST))) {
      throw new UserError(
          "An acceptance lasts at most a year ("
              + t
              + " is further): accept again when it expires.");
    }
    return until;
  }

  private static String required(String value, String flag, String what) {
    if (value == null || value.isBlank()) {
      throw new UserError("Say " + what + " with " + flag + ".");
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw new UserError(flag + " is longer than " + MAX_TEXT + " characters.");
    }
    return v;
  }
}
