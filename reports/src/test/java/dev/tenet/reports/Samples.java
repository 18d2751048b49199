package dev.tenet.reports;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.RiskAcceptance;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.FindingIds;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-built assessments for report tests: every kind of content a report shows (pipeline findings
 * with file and line, settings findings, a blind spot, attack paths, accepted risks, history), and
 * hostile text from "APIs": a repository named {@code <script>}, spreadsheet formulas, control and
 * bidirectional characters. Scores come from the real scorer.
 */
public final class Samples {
  public static final WeaknessCatalog WEAKNESSES = WeaknessCatalog.standard();
  public static final RuleCatalog RULES = StandardRules.catalog();
  public static final String HOSTILE_REPO = "<script>alert('pwned')</script>";
  public static final Instant STARTED = Instant.parse("2026-11-20T10:00:00Z");

  private Samples() {}

  public static ReportInput rich() {
    Assessment current = richAssessment("20261120T100000Z-a1b2c3", STARTED, true);
    Assessment previous =
        richAssessment("20261113T100000Z-d4e5f6", STARTED.minus(Duration.ofDays(7)), false);
    List<AssessmentSummary> history = new ArrayList<>();
    history.add(summary("20261023T100000Z-000001", STARTED.minus(Duration.ofDays(28)), 38));
    history.add(summary("20261030T100000Z-000002", STARTED.minus(Duration.ofDays(21)), null));
    history.add(summary("20261106T100000Z-000003", STARTED.minus(Duration.ofDays(14)), 44));
    history.add(summaryOf(previous));
    history.add(summaryOf(current));
    Finding gitlab = find(current, "GL-TOKEN-001");
    Finding unsigned = find(current, "GH-SIGN-001");
    List<RiskAcceptance> acceptances =
        List.of(
            new RiskAcceptance(
                gitlab.id(),
                "Legacy deploy job; replaced by OIDC in Q1. <b>Tracked</b> in SEC-142.",
                "Dana Whitfield",
                STARTED.plus(Duration.ofDays(60)),
                STARTED.minus(Duration.ofDays(3))),
            new RiskAcceptance(
                unsigned.id(),
                "Signing rollout pending.",
                "=HYPERLINK(\"https://evil.example\")",
                STARTED.minus(Duration.ofDays(1)),
                STARTED.minus(Duration.ofDays(40))),
            new RiskAcceptance(
                "0123456789abcdef0123",
                "Old finding on a deleted repository.",
                "ops",
                null,
                STARTED.minus(Duration.ofDays(90))));
    return new ReportInput(current, history, acceptances, RULES, WEAKNESSES, previous);
  }

  /** The rich assessment alone, as a first assessment: no history, no acceptances. */
  public static ReportInput first() {
    Assessment current = richAssessment("20261120T100000Z-a1b2c3", STARTED, true);
    return new ReportInput(current, List.of(summaryOf(current)), List.of(), RULES, WEAKNESSES);
  }

  static Finding find(Assessment a, String rule) {
    return a.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
  }

  private static Finding finding(
      String rule,
      String weakness,
      Severity severity,
      String title,
      String message,
      String resource,
      Location location,
      Map<String, Object> evidence,
      List<String> remediation) {
    String anchor = location == null ? "" : location.file() + ":" + location.line();
    return new Finding(
        FindingIds.of(rule, resource, anchor),
        rule,
        WEAKNESSES.get(weakness),
        severity,
        title,
        message,
        resource,
        location,
        evidence,
        remediation);
  }

  private static Map<String, Object> evidence(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /**
   * @param later the current state: the previous one lacks the script injection, still has a
   *     since-fixed force-push finding, and has the unsigned-commits finding at medium.
   */
  static Assessment richAssessment(String id, Instant started, boolean later) {
    String org = ResourceId.of("github", "acme-corp");
    String payments = ResourceId.of("github", "acme-corp/payments");
    String hostile = ResourceId.of("github", "acme-corp/" + HOSTILE_REPO);
    String web = ResourceId.of("github", "acme-corp/web");
    List<Finding> findings = new ArrayList<>();
    findings.add(
        finding(
            "GH-ORG-001",
            "org-mfa-not-enforced",
            Severity.HIGH,
            "Organization does not require two-factor authentication",
            "Organization acme-corp does not require two-factor authentication.",
            org,
            null,
            evidence("two_factor_requirement_enabled", false),
            List.of(
                "Ask every member to enable two-factor authentication first.",
                "In Settings → Authentication security, require two-factor authentication.")));
    findings.add(
        finding(
            "GH-MEMBER-001",
            "member-mfa-disabled",
            Severity.CRITICAL,
            "Organization member without two-factor authentication",
            "Member tom-baker (owner) has two-factor authentication disabled.",
            ResourceId.part(org, "member", "tom-baker"),
            null,
            evidence("login", "tom-baker", "role", "owner"),
            List.of("Ask the member to enable two-factor authentication.")));
    findings.add(
        finding(
            "GH-MEMBER-001",
            "member-mfa-disabled",
            Severity.HIGH,
            "Organization member without two-factor authentication",
            "@evil-twin (member) has two-factor authentication disabled.",
            ResourceId.part(org, "member", "@evil-twin"),
            null,
            evidence("login", "@evil-twin", "role", "member"),
            List.of("Ask the member to enable two-factor authentication.")));
    findings.add(
        finding(
            "GH-BRANCH-001",
            "branch-unprotected",
            Severity.HIGH,
            "Default branch has no protection",
            "Default branch main of acme-corp/payments has no protection.",
            ResourceId.part(payments, "branch", "main"),
            null,
            evidence("branch", "main", "protected", false),
            List.of("Protect the default branch with a ruleset.")));
    findings.add(
        finding(
            "GH-BRANCH-001",
            "branch-unprotected",
            Severity.HIGH,
            "Default branch has no protection",
            "Default branch main of acme-corp/" + HOSTILE_REPO + " has no protection.",
            ResourceId.part(hostile, "branch", "main"),
            null,
            evidence("branch", "main", "protected", false, "repository", HOSTILE_REPO),
            List.of("Protect the default branch with a ruleset.")));
    if (!later) {
      findings.add(
          finding(
              "GH-BRANCH-003",
              "force-push-allowed",
              Severity.HIGH,
              "Force pushes are allowed on the default branch",
              "Branch main of acme-corp/payments allows force pushes.",
              ResourceId.part(payments, "branch", "main"),
              null,
              evidence("allow_force_pushes", true),
              List.of("Disallow force pushes.")));
    }
    Finding injection =
        finding(
            "GHA-INJECT-001",
            "script-injection",
            Severity.CRITICAL,
            "Untrusted input expanded into a shell script",
            "${{ github.event.pull_request.title }} is expanded into a run: step of job build.",
            ResourceId.part(web, "file", ".github/workflows/ci.yml"),
            new Location(".github/workflows/ci.yml", 14, 9),
            evidence(
                "expression",
                "${{ github.event.pull_request.title }}",
                "trigger",
                "pull_request_target",
                "job",
                "build",
                "step",
                List.of("run", "echo \"${{ github.event.pull_request.title }}\"")),
            List.of(
                "Pass the value through an environment variable: env: TITLE: ${{ github.event.pull_request.title }}.",
                "Reference it as \"$TITLE\" inside the script."));
    if (later) {
      findings.add(injection);
    }
    findings.add(
        finding(
            "GHA-PIN-001",
            "action-unpinned",
            Severity.MEDIUM,
            "Third-party action referenced by a mutable tag",
            "-uses: some-org/deploy-action@v2 is not pinned to a commit SHA.",
            ResourceId.part(web, "file", "=cmd|' /C calc'!A0.yml"),
            new Location("=cmd|' /C calc'!A0.yml", 22, 0),
            evidence(
                "uses",
                "some-org/deploy-action@v2",
                "token",
                "ghs_" + "A".repeat(600),
                "note",
                null),
            List.of("Pin the action to a full commit SHA and let a bot update it.")));
    findings.add(
        finding(
            "GH-SIGN-001",
            "unsigned-commits-allowed",
            later ? Severity.LOW : Severity.MEDIUM,
            "Protected branch accepts unsigned commits",
            "Branch main of acme-corp/payments accepts unsigned commits \u202Egnp.exe\u202C\u0007.",
            ResourceId.part(payments, "branch", "main"),
            null,
            evidence("required_signatures", false),
            List.of("Require signed commits on protected branches.")));
    findings.add(
        finding(
            "GL-TOKEN-001",
            "ci-job-token-unscoped",
            Severity.MEDIUM,
            "CI job token can reach every project",
            "\tThe CI/CD job token of acme/platform/api is not limited to an allowlist.",
            ResourceId.of("gitlab", "acme/platform/api"),
            null,
            evidence("ci_job_token_scope_enabled", false, "projects", List.of("acme/a", "acme/b")),
            List.of("Limit the job token to an allowlist of projects.")));
    findings.add(
        finding(
            "TENET-COVERAGE-001",
            "coverage-gap",
            Severity.INFO,
            "Tenet could not assess part of this resource",
            "Could not read branch protection of main: 403 Forbidden.",
            ResourceId.of("github", "acme-corp/secret-repo"),
            null,
            evidence(
                "what",
                "branch protection of main",
                "reason",
                "403 Forbidden",
                "remedy",
                "Give the token the Administration: read permission."),
            List.of("Give the token the permission named in the finding.")));

    List<RuleTally> tallies = new ArrayList<>();
    tallies.add(tally("GH-ORG-001", "org-mfa-not-enforced", Severity.HIGH, 0, 1, 0));
    tallies.add(tally("GH-MEMBER-001", "member-mfa-disabled", Severity.HIGH, 9, 2, 1));
    tallies.add(tally("GH-BRANCH-001", "branch-unprotected", Severity.HIGH, 10, 2, 1));
    tallies.add(
        tally(
            "GH-BRANCH-003", "force-push-allowed", Severity.HIGH, later ? 4 : 3, later ? 0 : 1, 0));
    tallies.add(
        tally(
            "GHA-INJECT-001",
            "script-injection",
            Severity.CRITICAL,
            later ? 6 : 7,
            later ? 1 : 0,
            0));
    tallies.add(tally("GHA-PIN-001", "action-unpinned", Severity.MEDIUM, 12, 1, 0));
    tallies.add(tally("GH-SIGN-001", "unsigned-commits-allowed", Severity.LOW, 3, 1, 0));
    tallies.add(tally("GL-TOKEN-001", "ci-job-token-unscoped", Severity.MEDIUM, 0, 1, 0));
    tallies.add(tally("TENET-COVERAGE-001", "coverage-gap", Severity.INFO, 13, 1, 0));

    Set<String> exempt = later ? Set.of(find(findings, "GL-TOKEN-001").id()) : Set.of();
    var score =
        new Scorer(ScoringModel.standard()).score(new Evaluation(findings, tallies), exempt);

    List<AttackPath> paths = new ArrayList<>();
    if (later) {
      String trigger = ResourceId.part(web, "trigger", "pull_request_target");
      String workflow = ResourceId.part(web, "workflow", "ci.yml");
      String secret = ResourceId.part(web, "secret", "AWS_DEPLOY_KEY");
      String role = ResourceId.of("aws", "123456789012", "role", "prod-deployer");
      paths.add(
          new AttackPath(
              "path-7f3a9c",
              Severity.CRITICAL,
              trigger,
              role,
              List.of(
                  new AttackPath.Hop(trigger, "can-trigger", workflow, injection.id()),
                  new AttackPath.Hop(
                      workflow, "can-read", secret, "fact: secrets.AWS_DEPLOY_KEY in job build"),
                  new AttackPath.Hop(secret, "can-assume", role, null)),
              List.of(injection.id())));
      String member = ResourceId.part(org, "member", "@evil-twin");
      paths.add(
          new AttackPath(
              "path-12bb07",
              Severity.HIGH,
              member,
              ResourceId.part(payments, "branch", "main"),
              List.of(
                  new AttackPath.Hop(
                      member,
                      "can-write",
                      ResourceId.part(payments, "branch", "main"),
                      find(findings, "GH-BRANCH-001").id())),
              List.of(find(findings, "GH-BRANCH-001").id(), find(findings, "GH-MEMBER-001").id())));
    }
    return new Assessment(
        id,
        started,
        started.plusSeconds(9),
        "tenet 0.1.0",
        List.of(
            new ScopeEntry("github", "https://api.github.com", "acme-corp"),
            new ScopeEntry("gitlab", "https://gitlab.com", "acme/platform")),
        findings,
        tallies,
        score,
        paths,
        new Coverage(128, 342, 1),
        new ScanStats(812, 640, 9321));
  }

  private static Finding find(List<Finding> findings, String rule) {
    return findings.stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
  }

  private static RuleTally tally(
      String rule, String weakness, Severity severity, int passed, int failed, int unknown) {
    Pillar pillar = WEAKNESSES.get(weakness).pillar();
    return new RuleTally(rule, weakness, pillar, severity, passed, failed, unknown);
  }

  static AssessmentSummary summaryOf(Assessment a) {
    Map<Pillar, Integer> pillars = new EnumMap<>(Pillar.class);
    a.score().pillars().forEach((p, s) -> pillars.put(p, s.score()));
    return new AssessmentSummary(
        a.id(),
        a.startedAt(),
        a.finishedAt(),
        a.scope(),
        a.score().overall(),
        a.score().grade(),
        pillars,
        a.findings().size(),
        a.coverage().blindSpots());
  }

  private static AssessmentSummary summary(String id, Instant started, Integer overall) {
    return new AssessmentSummary(
        id,
        started,
        started.plusSeconds(9),
        List.of(new ScopeEntry("github", "https://api.github.com", "acme-corp")),
        overall,
        overall == null ? null : ScoringModel.standard().grade(overall),
        Map.of(),
        10,
        0);
  }
}
