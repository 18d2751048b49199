package dev.tenet.core.paths;

import static dev.tenet.core.testing.PipelineGraph.fileOf;
import static dev.tenet.core.testing.PipelineGraph.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.testing.PipelineGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attack paths on hand-built graphs: found, explained, cut, and limited as the policy says. */
class AttackPathAnalyzerTest {
  private static final PathPolicy POLICY = PathPolicy.standard();

  /**
   * The demo's cross-system path: a fork pull request runs a pull_request_target workflow on a
   * public repository, whose job reads a registry token and deploys to an unprotected production.
   */
  static final class ForkToProduction {
    final PipelineGraph p = PipelineGraph.org("acme");
    final Entity repo = p.repository("web", "public");
    final Entity workflow = p.workflow(repo, "preview.yml", "pull_request_target");
    final Entity job = p.job(workflow, "build");
    final Entity token = p.secret(repo, "REGISTRY_TOKEN");
    final Entity registry = p.registry("ghcr.io", "acme");
    final Entity production = p.openEnvironment(repo, "production");
    final Entity deployKey = p.environmentSecret(production, "DEPLOY_KEY");
    final Finding trigger =
        finding("PIPE-TRIGGER-001", "dangerous-trigger", fileOf(repo, workflow), Severity.HIGH);
    final Finding unprotected =
        finding("GH-ENV-001", "environment-unprotected", production.id(), Severity.HIGH);

    ForkToProduction() {
      p.organization().set(Attr.MFA_REQUIRED, true).set(Attr.BASE_PERMISSION, "read");
      p.relate(job, RelationKind.READS_SECRET, token);
      p.relate(token, RelationKind.CAN_WRITE, registry);
      p.relate(job, RelationKind.DEPLOYS_TO, production);
    }

    List<Finding> findings() {
      return List.of(trigger, unprotected);
    }

    PathAnalysis analyze() {
      return AttackPathAnalyzer.analyze(p.graph(), POLICY, findings(), RuleHarness.NOW);
    }
  }

  private static AttackPath pathTo(PathAnalysis a, String target) {
    return a.paths().stream().filter(p -> p.target().equals(target)).findFirst().orElseThrow();
  }

  private static List<String> relations(AttackPath path) {
    return path.hops().stream().map(AttackPath.Hop::relation).toList();
  }

  @Test
  void findsTheForkPullRequestPathToProductionAndToTheRegistry() {
    ForkToProduction demo = new ForkToProduction();
    PathAnalysis a = demo.analyze();

    AttackPath toProduction = pathTo(a, demo.production.id());
    assertThat(toProduction.entry()).isEqualTo(AttackGraph.INTERNET_ID);
    assertThat(relations(toProduction)).containsExactly("can-trigger", "contains", "deploys-to");
    assertThat(toProduction.hops().get(0).to()).isEqualTo(demo.workflow.id());
    assertThat(toProduction.hops().get(2).from()).isEqualTo(demo.job.id());
    assertThat(toProduction.severity()).isEqualTo(Severity.CRITICAL);

    AttackPath toRegistry = pathTo(a, demo.registry.id());
    assertThat(relations(toRegistry))
        .containsExactly("can-trigger", "contains", "reads-secret", "can-write");
    assertThat(toRegistry.hops().get(2).to()).isEqualTo(demo.token.id());
    // The internet is critical, registry push high: the milder of the two.
    assertThat(toRegistry.severity()).isEqualTo(Severity.HIGH);

    assertThat(pathTo(a, demo.deployKey.id()).hops()).hasSize(4);
    assertThat(a.exposure().reachableJewels()).isEqualTo(3);
    assertThat(a.exposure().pathsFound()).isEqualTo(3);
  }

  @Test
  void everyHopNamesTheFindingOrFactThatEnablesItAndTheFixThatCutsIt() {
    ForkToProduction demo = new ForkToProduction();
    AttackPath path = pathTo(demo.analyze(), demo.production.id());

    AttackPath.Hop trigger = path.hops().get(0);
    assertThat(trigger.because()).isEqualTo(demo.trigger.id());
    assertThat(trigger.fact()).contains("anyone can run", "pull_request_target", "public");
    assertThat(trigger.fix()).isEqualTo(demo.trigger.remediation().get(0));

    AttackPath.Hop structure = path.hops().get(1);
    assertThat(structure.because()).isEqualTo(structure.fact()).contains("part of");
    assertThat(structure.fix()).isNull();

    AttackPath.Hop deploy = path.hops().get(2);
    assertThat(deploy.because()).isEqualTo(demo.unprotected.id());
    assertThat(deploy.fact()).contains("requires no reviewer");

    assertThat(path.cut()).containsExactlyInAnyOrder(demo.trigger.id(), demo.unprotected.id());
  }

  @Test
  void theCutIsTheOneFixSharedByEveryPath() {
    ForkToProduction demo = new ForkToProduction();
    Exposure e = demo.analyze().exposure();
    assertThat(e.cut()).hasSize(1);
    Exposure.Fix fix = e.cut().get(0);
    assertThat(fix.finding()).isTrue();
    assertThat(fix.id()).isEqualTo(demo.trigger.id());
    assertThat(fix.closes()).isEqualTo(3);
    assertThat(e.cutClosesAll()).isTrue();
    assertThat(e.findingPaths())
        .containsEntry(demo.trigger.id(), 3)
        .containsEntry(demo.unprotected.id(), 2);
  }

  @Test
  void withoutAnyFindingTheCutIsAFact() {
    ForkToProduction demo = new ForkToProduction();
    PathAnalysis a = AttackPathAnalyzer.analyze(demo.p.graph(), POLICY, List.of(), RuleHarness.NOW);
    assertThat(a.exposure().cut()).hasSize(1);
    Exposure.Fix fix = a.exposure().cut().get(0);
    assertThat(fix.finding()).isFalse();
    assertThat(fix.id()).startsWith("fact:trigger:").endsWith(demo.workflow.id());
    assertThat(fix.action()).contains("pull_request_target");
    assertThat(a.exposure().cutClosesAll()).isTrue();
  }

  @Test
  void eachReachableCrownJewelIsAFindingAndTheOthersPass() {
    ForkToProduction demo = new ForkToProduction();
    PathAnalysis a = demo.analyze();
    assertThat(a.findings())
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(demo.production.id(), demo.deployKey.id(), demo.registry.id());
    Finding production =
        a.findings().stream()
            .filter(f -> f.resource().equals(demo.production.id()))
            .findFirst()
            .orElseThrow();
    assertThat(production.ruleId()).isEqualTo("TENET-PATH-001");
    assertThat(production.weakness().id()).isEqualTo("attack-path");
    assertThat(production.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(production.message())
        .contains("production-environment", "anyone on the internet", "3 steps");
    assertThat(production.evidence()).containsEntry("entryPoint", "internet");
    assertThat((List<?>) production.evidence().get("steps")).hasSize(3);
    assertThat(production.remediation().get(0)).contains(demo.trigger.id());
    // Jewels: the organization, production, its secret, the registry; only the first is safe.
    assertThat(a.tally().passed()).isEqualTo(1);
    assertThat(a.tally().failed()).isEqualTo(3);
  }

  @Test
  void aPrivateRepositoryIsNotOpenToTheInternet() {
    PipelineGraph p = PipelineGraph.org("acme");
    Entity repo = p.repository("web", "private");
    Entity job = p.job(p.workflow(repo, "preview.yml", "pull_request_target"), "build");
    p.relate(job, RelationKind.DEPLOYS_TO, p.openEnvironment(repo, "production"));
    PathAnalysis a = AttackPathAnalyzer.analyze(p.graph(), POLICY, List.of(), RuleHarness.NOW);
    assertThat(a.paths()).isEmpty();
    assertThat(a.exposure().entryPoints()).isZero();
    assertThat(a.tally().failed()).isZero();
  }

  @Test
  void anExplicitInternetTriggerIsFollowedAndNotDoubled() {
    PipelineGraph p = PipelineGraph.org("acme");
    Entity repo = p.repository("web", "public");
    Entity wf = p.workflow(repo, "triage.yml", "issue_comment");
    p.relate(p.internet(), RelationKind.CAN_TRIGGER, wf).set("trigger", "issue_comment");
    Entity job = p.job(wf, "triage");
    p.relate(job, RelationKind.DEPLOYS_TO, p.openEnvironment(repo, "production"));
    AttackGraph graph = AttackGraph.of(p.graph(), POLICY);
    long triggers =
        java.util.stream.IntStream.range(0, graph.edgeCount())
            .filter(e -> graph.type(e) == HopType.TRIGGER)
            .count();
    assertThat(triggers).isEqualTo(1);
    PathAnalysis a = new AttackPathAnalyzer(graph, List.of(), RuleHarness.NOW).analyze();
    AttackPath path = a.paths().get(0);
    assertThat(path.entry()).isEqualTo("internet:anyone");
    assertThat(path.hops().get(0).fact()).contains("can trigger", "issue_comment");
  }

  @Test
  void requiredReviewersCloseTheWayToProductionButNotToTheRegistry() {
    ForkToProduction demo = new ForkToProduction();
    demo.production.set("requiredReviewers", List.of("team:sre"));
    PathAnalysis a = demo.analyze();
    assertThat(a.paths()).extracting(AttackPath::target).containsExactly(demo.registry.id());
  }

  @Test
  void anUnverifiedGateIsAssumedOpenButSaysSoAndWeighsLess() {
    ForkToProduction demo = new ForkToProduction();
    Entity staging = demo.p.environment(demo.repo, "production-eu"); // reviewers unknown
    demo.p.relate(demo.job, RelationKind.DEPLOYS_TO, staging);
    AttackPath path = pathTo(demo.analyze(), staging.id());
    assertThat(path.severity()).isEqualTo(Severity.HIGH);
    assertThat(path.hops().get(2).fact()).contains("could not be read");
  }

  /** An organization with base permission write and members without 2FA. */
  static final class WeakMembers {
    final PipelineGraph p = PipelineGraph.org("acme");
    final Entity tom;
    final Entity omar;
    final Entity ana;
    final Entity payments = p.repository("payments", "private");
    final Entity ledger = p.repository("ledger", "private");
    final Entity paymentsMain = p.github().defaultBranch(payments).set(Attr.PROTECTED, false);
    final Entity ledgerMain = p.github().protectedBranch(ledger);
    final List<Finding> findings = new ArrayList<>();

    WeakMembers() {
      this(true);
    }

    /** With or without tom, an owner without 2FA. */
    WeakMembers(boolean withOwner) {
      p.organization().set(Attr.MFA_REQUIRED, false).set(Attr.BASE_PERMISSION, "write");
      tom = withOwner ? p.github().member("tom", "owner", false) : null;
      omar = p.github().member("omar", "member", false);
      ana = p.github().member("ana", "member", true);
    }

    Finding add(String weakness, String resource) {
      Finding f = finding("X-" + weakness, weakness, resource, Severity.HIGH);
      findings.add(f);
      return f;
    }

    PathAnalysis analyze() {
      return AttackPathAnalyzer.analyze(p.graph(), POLICY, findings, RuleHarness.NOW);
    }
  }

  @Test
  void aMemberWithoutTwoFactorWritesThroughTheBasePermissionToAnUnprotectedBranch() {
    WeakMembers org = new WeakMembers(false);
    Finding base = org.add("base-permission-broad", org.p.organization().id());
    Finding branch = org.add("branch-unprotected", org.paymentsMain.id());
    Finding omarMfa = org.add("member-mfa-disabled", org.omar.id());
    PathAnalysis a = org.analyze();

    AttackPath viaBase =
        a.paths().stream()
            .filter(p -> p.entry().equals(org.omar.id()))
            .filter(p -> p.target().equals(org.paymentsMain.id()))
            .findFirst()
            .orElseThrow();
    assertThat(relations(viaBase)).containsExactly("member-of", "can-write", "contains");
    assertThat(viaBase.hops().get(1).because()).isEqualTo(base.id());
    assertThat(viaBase.hops().get(1).fact()).contains("every member of acme", "'write'");
    assertThat(viaBase.hops().get(2).because()).isEqualTo(branch.id());
    assertThat(viaBase.cut()).contains(base.id(), branch.id(), omarMfa.id());
    // Write access does not get past the protection of ledger's main.
    assertThat(a.paths())
        .filteredOn(p -> p.entry().equals(org.omar.id()))
        .extracting(AttackPath::target)
        .doesNotContain(org.ledgerMain.id());
  }

  @Test
  void anOwnerWithoutTwoFactorOwnsTheOrganizationAndEveryProtectedBranch() {
    WeakMembers org = new WeakMembers();
    PathAnalysis a = org.analyze();
    AttackPath ownership = pathTo(a, org.p.organization().id());
    assertThat(ownership.entry()).isEqualTo(org.tom.id());
    assertThat(relations(ownership)).containsExactly("member-of");
    assertThat(ownership.severity()).isEqualTo(Severity.HIGH);
    AttackPath protectedMain = pathTo(a, org.ledgerMain.id());
    assertThat(relations(protectedMain)).containsExactly("member-of", "contains", "contains");
    // Ana has two-factor authentication: not an entry point.
    assertThat(a.paths()).noneMatch(p -> p.entry().equals(org.ana.id()));
    assertThat(a.exposure().entryPoints()).isEqualTo(2);
  }

  @Test
  void enforcingTwoFactorForTheOrganizationIsTheOneFixThatClosesEveryPath() {
    WeakMembers org = new WeakMembers();
    Finding orgMfa = org.add("org-mfa-not-enforced", org.p.organization().id());
    org.add("member-mfa-disabled", org.tom.id());
    org.add("member-mfa-disabled", org.omar.id());
    org.add("base-permission-broad", org.p.organization().id());
    Exposure e = org.analyze().exposure();
    assertThat(e.cut()).extracting(Exposure.Fix::id).containsExactly(orgMfa.id());
    assertThat(e.cut().get(0).closes()).isEqualTo(e.pathsFound());
    assertThat(e.cutClosesAll()).isTrue();
  }

  @Test
  void theCutLooksAgainForPathsItMissedAndEndsOnTheSharedChokePoint() {
    // Three members without 2FA (no organization-wide finding): fixing the one whose paths were
    // found first leaves the two others; only the base permission closes them all.
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.BASE_PERMISSION, "write");
    List<Finding> findings = new ArrayList<>();
    for (String login : List.of("u1", "u2", "u3")) {
      Entity u = p.github().member(login, "member", false);
      findings.add(finding("X-MFA", "member-mfa-disabled", u.id(), Severity.HIGH));
    }
    Finding base = finding("X-BASE", "base-permission-broad", p.organization().id(), Severity.HIGH);
    findings.add(base);
    for (String name : List.of("a", "b")) {
      p.github().defaultBranch(p.repository(name, "private")).set(Attr.PROTECTED, false);
    }
    PathAnalysis a = AttackPathAnalyzer.analyze(p.graph(), POLICY, findings, RuleHarness.NOW);
    Exposure e = a.exposure();
    assertThat(e.cut()).extracting(Exposure.Fix::id).containsExactly(base.id());
    assertThat(e.cutClosesAll()).isTrue();
    // Paths from more than one member were found along the way, all closed by the one fix.
    assertThat(a.paths().stream().map(AttackPath::entry).distinct().count())
        .isGreaterThanOrEqualTo(2);
    assertThat(e.cut().get(0).closes()).isEqualTo(e.pathsFound());
  }

  @Test
  void theOwnerRoleItselfIsTheFixWhenNoFindingNamesOne() {
    String policy =
        """
        entryPoints:
          - name: everyone
            kind: user
            severity: high
        crownJewels:
          - name: org
            kind: organization
        """;
    PipelineGraph p = PipelineGraph.org("acme");
    p.github().member("boss", "owner", true);
    PathAnalysis a =
        AttackPathAnalyzer.analyze(p.graph(), PathPolicy.parse(policy), List.of(), RuleHarness.NOW);
    assertThat(a.paths()).hasSize(1);
    assertThat(a.exposure().cut()).hasSize(1);
    assertThat(a.exposure().cut().get(0).action()).contains("Remove the owner role from boss");
    assertThat(a.exposure().cutClosesAll()).isTrue();
  }

  @Test
  void aPathWithNothingToCutIsReportedAsStillOpen() {
    // Control of a repository reaches its environments: structure, nothing to fix on the way.
    String policy =
        """
        entryPoints:
          - name: repositories
            kind: repository
        crownJewels:
          - name: environments
            kind: environment
        """;
    PipelineGraph p = PipelineGraph.org("acme");
    Entity repo = p.repository("web", "private");
    p.environment(repo, "production");
    PathAnalysis a =
        AttackPathAnalyzer.analyze(p.graph(), PathPolicy.parse(policy), List.of(), RuleHarness.NOW);
    assertThat(a.paths()).hasSize(1);
    assertThat(a.paths().get(0).cut()).isEmpty();
    assertThat(a.exposure().cut()).isEmpty();
    assertThat(a.exposure().cutClosesAll()).isFalse();
  }

  @Test
  void aPersistentRunnerCarriesAForkJobIntoTheDeployJob() {
    PipelineGraph p = PipelineGraph.org("acme");
    Entity repo = p.repository("web", "public");
    Entity lint = p.job(p.workflow(repo, "pr.yml", "pull_request_target"), "lint");
    Entity deploy = p.job(p.workflow(repo, "deploy.yml", "push"), "deploy");
    Entity runner =
        p.entity("github:acme#runner/7", EntityKind.RUNNER, "build-box").set("ephemeral", false);
    p.relate(lint, RelationKind.RUNS_ON, runner);
    p.relate(deploy, RelationKind.RUNS_ON, runner);
    Entity prod = p.openEnvironment(repo, "production");
    p.relate(deploy, RelationKind.DEPLOYS_TO, prod);
    Finding persistent = finding("X-RUN", "runner-persistent", runner.id(), Severity.LOW);
    PathAnalysis a =
        AttackPathAnalyzer.analyze(p.graph(), POLICY, List.of(persistent), RuleHarness.NOW);
    AttackPath path = pathTo(a, prod.id());
    assertThat(relations(path))
        .containsExactly("can-trigger", "contains", "runs-on", "hosts", "deploys-to");
    assertThat(path.hops().get(3).because()).isEqualTo(persistent.id());
    runner.set("ephemeral", true);
    assertThat(AttackPathAnalyzer.analyze(p.graph(), POLICY, List.of(), RuleHarness.NOW).paths())
        .isEmpty();
  }

  @Test
  void aThirdPartyActionRunsInsideTheJobsThatUseIt() {
    PipelineGraph p = PipelineGraph.org("acme");
    Entity repo = p.repository("api", "private");
    Entity job = p.job(p.workflow(repo, "release.yml", "push"), "release");
    Entity action =
        p.entity("github:someone/setup-tool", EntityKind.ACTION, "someone/setup-tool@v1")
            .set(Attr.THIRD_PARTY, true);
    p.relate(job, RelationKind.USES, action);
    Entity role = p.entity("aws:123456789012#role/prod-deployer", EntityKind.CLOUD_ROLE, "prod");
    p.relate(job, RelationKind.CAN_MINT_OIDC, role);
    PathAnalysis a = AttackPathAnalyzer.analyze(p.graph(), POLICY, List.of(), RuleHarness.NOW);
    AttackPath path = pathTo(a, role.id());
    assertThat(path.entry()).isEqualTo(action.id());
    assertThat(relations(path)).containsExactly("used-by", "can-mint-oidc");
    assertThat(path.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void blastRadiusListsWhatAPrincipalReachesWithTheWayThere() {
    WeakMembers org = new WeakMembers();
    AttackPathAnalyzer analyzer =
        new AttackPathAnalyzer(AttackGraph.of(org.p.graph(), POLICY), List.of(), RuleHarness.NOW);
    Reach omar = analyzer.reach(org.omar.id()).orElseThrow();
    assertThat(omar.reached())
        .extracting(Reach.Reached::id)
        .contains(org.payments.id(), org.ledger.id(), org.paymentsMain.id())
        .doesNotContain(org.ledgerMain.id(), org.p.organization().id());
    Reach.Reached main =
        omar.reached().stream()
            .filter(r -> r.id().equals(org.paymentsMain.id()))
            .findFirst()
            .orElseThrow();
    assertThat(main.crownJewel()).isEqualTo("default-branch");
    assertThat(main.steps()).hasSize(3);
    assertThat(omar.reached())
        .filteredOn(r -> r.id().equals(org.payments.id()))
        .extracting(Reach.Reached::level)
        .containsExactly("write");

    Reach tom = analyzer.reach(org.tom.id()).orElseThrow();
    assertThat(tom.reached())
        .filteredOn(r -> r.id().equals(org.payments.id()))
        .extracting(Reach.Reached::level)
        .containsExactly("control");
    assertThat(tom.crownJewels()).isEqualTo(3); // the organization and both default branches
    assertThat(analyzer.reach("github:nobody")).isEmpty();

    List<Exposure.BlastRadius> radii = org.analyze().exposure().blastRadius();
    assertThat(radii.get(0).principal()).isEqualTo(org.tom.id());
    assertThat(radii.get(0).crownJewelCount()).isEqualTo(3);
    assertThat(radii.get(0).byKind()).containsEntry("repository", 2).containsEntry("branch", 2);
  }

  @Test
  void limitsBoundTheListButNotTheCount() {
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.BASE_PERMISSION, "write");
    p.github().member("u", "member", false);
    for (int i = 0; i < 12; i++) {
      p.github().defaultBranch(p.repository("r" + i, "private")).set(Attr.PROTECTED, false);
    }
    PathPolicy policy = PathPolicy.parse("limits: { maxPaths: 5 }");
    PathAnalysis a = AttackPathAnalyzer.analyze(p.graph(), policy, List.of(), RuleHarness.NOW);
    assertThat(a.paths()).hasSize(5);
    assertThat(a.exposure().pathsFound()).isEqualTo(12);
    assertThat(a.findings()).hasSize(12);

    PathPolicy shortSearch = PathPolicy.parse("limits: { maxHops: 2 }");
    assertThat(
            AttackPathAnalyzer.analyze(p.graph(), shortSearch, List.of(), RuleHarness.NOW).paths())
        .isEmpty();
  }

  @Test
  void theAttackPathRuleHasCompleteMetadataAndAKnownWeakness() {
    var m = AttackPathAnalyzer.RULE;
    assertThat(m.id()).matches("[A-Z]+(-[A-Z0-9]+)+");
    assertThat(dev.tenet.core.model.WeaknessCatalog.standard().find(m.weakness())).isPresent();
    assertThat(m.title()).isNotBlank();
    assertThat(m.rationale()).isNotBlank();
    assertThat(m.remediation()).isNotEmpty();
    assertThat(m.references()).isNotEmpty();
    assertThat(dev.tenet.core.rules.StandardRules.catalog().find(m.id()))
        .as("not also a catalog rule")
        .isEmpty();
  }

  @Test
  void pathIdsAndOrderAreStableFromOneRunToTheNext() {
    ForkToProduction demo = new ForkToProduction();
    PathAnalysis first = demo.analyze();
    PathAnalysis second = demo.analyze();
    assertThat(second.paths()).isEqualTo(first.paths());
    assertThat(first.paths().stream().map(AttackPath::id).distinct()).hasSize(3);
    assertThat(first.paths().get(0).severity()).isEqualTo(Severity.CRITICAL);
  }
}
