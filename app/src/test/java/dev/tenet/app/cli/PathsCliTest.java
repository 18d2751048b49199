package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.scan.ScanService;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.store.AssessmentStore;
import dev.tenet.core.testing.GraphConnector;
import dev.tenet.core.testing.PipelineGraph;
import dev.tenet.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attack paths, blast radius, risk acceptance and graph export through the command line. */
class PathsCliTest {
  @TempDir Path home;

  /**
   * The demo's cross-system path, hand-built (the demo's pipelines arrive with their connector).
   */
  private static TrustGraph forkToProduction() {
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.MFA_REQUIRED, true).set(Attr.BASE_PERMISSION, "read");
    p.github().member("owner", "owner", true);
    Entity repo = p.repository("web", "public");
    p.github().protectedBranch(repo);
    Entity job = p.job(p.workflow(repo, "preview.yml", "pull_request_target"), "deploy");
    Entity token = p.secret(repo, "REGISTRY_TOKEN");
    p.relate(job, RelationKind.READS_SECRET, token);
    p.relate(token, RelationKind.CAN_WRITE, p.registry("ghcr.io", "acme"));
    p.relate(job, RelationKind.DEPLOYS_TO, p.openEnvironment(repo, "production"));
    return p.graph();
  }

  private void scanHandBuilt() throws Exception {
    try (AssessmentStore store = AssessmentStore.open(home.resolve("tenet.db"))) {
      new ScanService(
              StandardRules.catalog(),
              RuleSettings.defaults(),
              new Scorer(ScoringModel.standard()),
              PathPolicy.standard(),
              store,
              Clock.systemUTC())
          .run(
              List.of(new GraphConnector("acme", PathsCliTest::forkToProduction)),
              ScanListener.NONE,
              new Cancellation());
    }
  }

  @Test
  void theForkPullRequestPathShowsInPathsAndInTheJsonReport() throws Exception {
    scanHandBuilt();
    CliRun paths = CliRun.run(home, Map.of(), "paths");
    assertThat(paths.code).as(paths.toString()).isZero();
    assertThat(paths.out)
        .contains("One fix closes all 2 paths")
        .contains("internet:anyone [internet] -> github:acme/web#environment/production")
        .contains("-can-trigger-> github:acme/web#workflow/.github/workflows/preview.yml")
        .contains("anyone can run workflow preview.yml of web through pull_request_target")
        .contains("-reads-secret-> github:acme/web#secret/REGISTRY_TOKEN")
        .contains("Widest blast radius");

    CliRun report = CliRun.run(home, Map.of(), "report", "--format", "json");
    assertThat(report.code).as(report.toString()).isZero();
    JsonNode json = Json.mapper().readTree(report.out);
    JsonNode first = json.path("attackPaths").get(0);
    assertThat(first.path("severity").asText()).isEqualTo("critical");
    assertThat(first.path("entry").asText()).isEqualTo("internet:anyone");
    assertThat(first.path("crownJewel").asText()).isEqualTo("production-environment");
    List<String> relations = new ArrayList<>();
    first.path("hops").forEach(h -> relations.add(h.path("relation").asText()));
    assertThat(relations).containsExactly("can-trigger", "contains", "deploys-to");
    assertThat(first.path("hops").get(0).path("fix").asText()).contains("pull_request_target");
    JsonNode exposure = json.path("exposure");
    assertThat(exposure.path("pathsFound").asInt()).isEqualTo(2);
    assertThat(exposure.path("cut").path("closesAll").asBoolean()).isTrue();
    assertThat(exposure.path("cut").path("fixes").get(0).path("closes").asInt()).isEqualTo(2);
    assertThat(exposure.path("blastRadius").get(0).path("principal").asText())
        .isEqualTo("internet:anyone");
    assertThat(json.path("findings"))
        .anySatisfy(f -> assertThat(f.path("rule").asText()).isEqualTo("TENET-PATH-001"));

    CliRun asJson = CliRun.run(home, Map.of(), "paths", "--json");
    assertThat(Json.mapper().readTree(asJson.out).path("attackPaths"))
        .isEqualTo(json.path("attackPaths"));
  }

  @Test
  void theDemoHasAttackPathsAndBlastRadiiFromItsMembersWithoutTwoFactor() throws Exception {
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo").code).isZero();
    CliRun paths = CliRun.run(home, Map.of(), "paths", "--limit", "400");
    assertThat(paths.code).as(paths.toString()).isZero();
    assertThat(paths.out)
        // Most severe first: anyone on the internet, through the fork-PR preview workflow.
        .containsSubsequence(
            "CRITICAL internet:anyone [internet]", "HIGH     github:acme-corp#member/tom-baker")
        .contains("github:acme-corp#member/tom-baker [member-without-2fa]")
        .contains("[organization-ownership]")
        .contains("Organization does not require two-factor authentication");

    CliRun omar = CliRun.run(home, Map.of(), "blast-radius", "github:acme-corp#member/omar-haddad");
    assertThat(omar.code).as(omar.toString()).isZero();
    assertThat(omar.out)
        .contains("Blast radius of github:acme-corp#member/omar-haddad (user)")
        .contains("[default-branch, 3 steps]")
        .contains("every member of acme-corp has 'write' permission");
    CliRun all =
        CliRun.run(
            home,
            Map.of(),
            "blast-radius",
            "github:acme-corp#member/omar-haddad",
            "--all",
            "--json");
    JsonNode reached = Json.mapper().readTree(all.out).path("reached");
    assertThat(reached.size()).isGreaterThan(14);

    CliRun unknown = CliRun.run(home, Map.of(), "blast-radius", "nobody-here");
    assertThat(unknown.code).isEqualTo(1);
    assertThat(unknown.err).contains("Nothing named 'nobody-here'").doesNotContain("Exception");
    CliRun ambiguous = CliRun.run(home, Map.of(), "blast-radius", "main");
    assertThat(ambiguous.code).isEqualTo(1);
    assertThat(ambiguous.err).contains("matches").contains("full resource id");
  }

  @Test
  void acceptingAFindingIsLoggedAppliesToTheNextScanAndCanBeRevoked() throws Exception {
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo").code).isZero();
    JsonNode report =
        Json.mapper().readTree(CliRun.run(home, Map.of(), "report", "--format", "json").out);
    int before = report.path("score").path("overall").asInt();
    String finding = null;
    for (JsonNode f : report.path("findings")) {
      // A single-subject rule on an attack path: accepting it visibly moves its pillar.
      if (f.path("rule").asText().equals("GH-ORG-001")) {
        finding = f.path("id").asText();
      }
    }
    assertThat(finding).isNotNull();

    CliRun noExpiry =
        CliRun.run(home, Map.of(), "accept", finding, "--reason", "r", "--owner", "o");
    assertThat(noExpiry.code).isEqualTo(1);
    assertThat(noExpiry.err).contains("needs an expiry");
    CliRun tooLong =
        CliRun.run(
            home,
            Map.of(),
            "accept",
            finding,
            "--reason",
            "r",
            "--owner",
            "o",
            "--expires",
            "500d");
    assertThat(tooLong.err).contains("at most a year");
    CliRun noSuch =
        CliRun.run(
            home,
            Map.of(),
            "accept",
            "ffffffff",
            "--reason",
            "r",
            "--owner",
            "o",
            "--expires",
            "9d");
    assertThat(noSuch.code).isEqualTo(1);
    assertThat(noSuch.err).contains("No finding 'ffffffff'");

    CliRun accept =
        CliRun.run(
            home,
            Map.of(),
            "accept",
            finding.substring(0, 8),
            "--reason",
            "the owners are known and monitored",
            "--owner",
            "platform-team",
            "--expires",
            "30d");
    assertThat(accept.code).as(accept.toString()).isZero();
    assertThat(accept.out)
        .contains("Accepted " + finding)
        .contains("owner     platform-team")
        .contains("recorded  by ");

    CliRun list = CliRun.run(home, Map.of(), "accept", "list", "--json");
    JsonNode rows = Json.mapper().readTree(list.out);
    assertThat(rows.size()).isEqualTo(1);
    assertThat(rows.get(0).path("state").asText()).isEqualTo("active");
    assertThat(rows.get(0).path("owner").asText()).isEqualTo("platform-team");
    assertThat(rows.get(0).path("recordedBy").asText()).isNotBlank();

    CliRun rescan = CliRun.run(home, Map.of(), "scan", "--demo");
    assertThat(rescan.out).contains("accepted  1 finding");
    JsonNode after =
        Json.mapper().readTree(CliRun.run(home, Map.of(), "report", "--format", "json").out);
    assertThat(after.path("score").path("overall").asInt()).isGreaterThanOrEqualTo(before);
    assertThat(after.path("score").path("pillars").path("identity").asInt())
        .isGreaterThan(report.path("score").path("pillars").path("identity").asInt());
    String accepted = finding;
    assertThat(after.path("findings"))
        .anySatisfy(f -> assertThat(f.path("id").asText()).isEqualTo(accepted));

    CliRun revoke =
        CliRun.run(home, Map.of(), "accept", "revoke", finding, "--reason", "fixed it instead");
    assertThat(revoke.code).as(revoke.toString()).isZero();
    assertThat(CliRun.run(home, Map.of(), "accept", "list").out)
        .contains("No acceptance is in force");
    CliRun all = CliRun.run(home, Map.of(), "accept", "list", "--all");
    assertThat(all.out).contains("revoked").contains("fixed it instead");
    CliRun history = CliRun.run(home, Map.of(), "accept", "history");
    assertThat(history.out.lines().filter(l -> l.contains(accepted))).hasSize(2);
    assertThat(CliRun.run(home, Map.of(), "accept", "revoke", finding, "--reason", "x").err)
        .contains("No acceptance in force");
  }

  @Test
  void theGraphExportsAsGraphMlAndBloodHound() throws Exception {
    scanHandBuilt();
    Path file = home.resolve("graph.graphml");
    CliRun graphml =
        CliRun.run(home, Map.of(), "export-graph", "--format", "graphml", "-o", file.toString());
    assertThat(graphml.code).as(graphml.toString()).isZero();
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    assertThat(doc.getElementsByTagName("node").getLength()).isGreaterThan(8);
    assertThat(Files.list(home).filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();

    CliRun bloodhound = CliRun.run(home, Map.of(), "export-graph", "--format", "bloodhound");
    assertThat(bloodhound.code).isZero();
    JsonNode og = Json.mapper().readTree(bloodhound.out);
    assertThat(og.path("metadata").path("source_kind").asText()).isEqualTo("Tenet");
    assertThat(og.path("graph").path("edges").size()).isGreaterThan(5);

    CliRun wrong = CliRun.run(home, Map.of(), "export-graph", "--format", "dot");
    assertThat(wrong.code).isEqualTo(1);
    assertThat(wrong.err).contains("Unknown graph format 'dot'").contains("graphml, bloodhound");
  }

  @Test
  void aBrokenPathPolicyStopsTheScanWithOneSentence() throws Exception {
    Files.writeString(
        home.resolve("paths.yaml"), "crownJewels:\n  - name: x\n    kind: enviroment\n");
    CliRun scan = CliRun.run(home, Map.of(), "scan", "--demo");
    assertThat(scan.code).isEqualTo(1);
    assertThat(scan.err)
        .contains("unknown entity kind 'enviroment'")
        .contains(home.resolve("paths.yaml").toString())
        .doesNotContain("Exception");
    assertThat(CliRun.run(home, Map.of(), "rules").code).isZero();
  }

  @Test
  void aUserPolicyAddsCrownJewels() throws Exception {
    Files.writeString(
        home.resolve("paths.yaml"),
        "addCrownJewels:\n  - name: every-repository\n    kind: repository\n    severity: medium\n");
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo").code).isZero();
    int withPolicy =
        Json.mapper()
            .readTree(CliRun.run(home, Map.of(), "paths", "--json").out)
            .path("exposure")
            .path("crownJewels")
            .asInt();
    Files.delete(home.resolve("paths.yaml"));
    assertThat(CliRun.run(home, Map.of(), "-q", "scan", "--demo").code).isZero();
    int standard =
        Json.mapper()
            .readTree(CliRun.run(home, Map.of(), "paths", "--json").out)
            .path("exposure")
            .path("crownJewels")
            .asInt();
    // Every repository of the demo (31 on GitHub alone) became a crown jewel.
    assertThat(withPolicy - standard).isGreaterThanOrEqualTo(31);
  }

  @Test
  void theRuleCatalogListsTheAttackPathRule() throws Exception {
    CliRun rules = CliRun.run(home, Map.of(), "rules", "--json");
    JsonNode path = null;
    for (JsonNode r : Json.mapper().readTree(rules.out)) {
      if (r.path("id").asText().equals("TENET-PATH-001")) {
        path = r;
      }
    }
    assertThat(path).isNotNull();
    assertThat(path.path("weakness").asText()).isEqualTo("attack-path");
    assertThat(path.path("pillar").asText()).isEqualTo("segmentation");
  }

  @Test
  void theBenchmarkPrintsTimeAndHeapAgainstTheBudget() {
    CliRun bench = CliRun.run(home, Map.of(), "bench", "--repositories", "100");
    assertThat(bench.code).as(bench.toString()).isZero();
    assertThat(bench.out)
        .contains("100 repositories")
        .contains("Rules")
        .contains("Paths")
        .contains("Scores")
        .containsPattern("Total +[0-9.]+ s +wall")
        .containsPattern("Peak heap +[0-9.]+ GB");
    assertThat(CliRun.run(home, Map.of(), "bench", "--repositories", "0").code).isEqualTo(2);
  }
}
