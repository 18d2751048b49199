package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.emulator.DemoExports;
import dev.tenet.core.scan.ExportFile;
import dev.tenet.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS IAM and Kubernetes from the command line: the demo, offline exports, bad input. */
class CloudCliTest {
  @TempDir Path home;

  private static List<String> resources(JsonNode report, String rule) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (f.path("rule").asText().equals(rule)) {
        out.add(f.path("resource").asText());
      }
    }
    return out;
  }

  @Test
  void theDemoIncludesTheAwsAccountAndTheCluster() throws Exception {
    Path out = home.resolve("demo.json");
    CliRun run = CliRun.run(home, Map.of(), "scan", "--demo", "--json", out.toString());
    assertThat(run.code).as(run.toString()).isZero();
    JsonNode report = Json.mapper().readTree(out.toFile());

    assertThat(report.path("scope").findValuesAsText("platform"))
        .containsExactly("github", "gitlab", "aws", "k8s", "oci");
    assertThat(resources(report, "AWS-OIDC-001")).contains("aws:123456789012#role/prod-deployer");
    assertThat(resources(report, "AWS-OIDC-001"))
        .doesNotContain("aws:123456789012#role/payments-api-production");
    assertThat(resources(report, "KUBE-RBAC-001"))
        .contains("k8s:acme-prod-eks#clusterrolebinding/github-actions-deployer");
    assertThat(resources(report, "KUBE-ADMISSION-001")).containsExactly("k8s:acme-prod-eks");
    assertThat(run.err).contains("Scanning aws acme-prod").contains("Scanning k8s acme-prod-eks");

    // The cross-system chain: a fork pull request runs the privileged preview workflow, whose job
    // deploys through the production environment, whose OIDC subject the AWS role admits.
    List<String> chain = new ArrayList<>();
    for (JsonNode p : report.path("attackPaths")) {
      if (p.path("entry").asText().equals("internet:anyone")
          && p.path("target").asText().equals("aws:123456789012#role/prod-deployer")) {
        p.path("hops")
            .forEach(h -> chain.add(h.path("relation").asText() + " " + h.path("to").asText()));
      }
    }
    assertThat(chain)
        .containsExactly(
            "can-trigger github:acme-corp/design-system#file/.github/workflows/preview.yml",
            "contains github:acme-corp/design-system#job/.github/workflows/preview.yml:preview",
            "deploys-to github:acme-corp/design-system#environment/production",
            "assumes-role aws:123456789012#role/prod-deployer");
  }

  @Test
  void offlineExportsFromFilesAndFolders() throws Exception {
    Path aws = Files.createDirectory(home.resolve("aws-export"));
    for (ExportFile f : DemoExports.awsAccount(Instant.now())) {
      Files.write(aws.resolve(f.name().substring(f.name().lastIndexOf('/') + 1)), f.content());
    }
    Path cluster = home.resolve("prod.json");
    Files.write(cluster, DemoExports.cluster(Instant.now()).get(0).content());
    Path out = home.resolve("out.json");

    CliRun run =
        CliRun.run(
            home,
            Map.of(),
            "scan",
            "--aws-iam-file",
            aws.toString(),
            "--k8s-file",
            cluster.toString(),
            "--json",
            out.toString(),
            "--fail-on",
            "critical");

    assertThat(run.code).as(run.toString()).isEqualTo(3);
    assertThat(run.err).contains("Gate failed");
    JsonNode report = Json.mapper().readTree(out.toFile());
    assertThat(report.path("scope").findValuesAsText("target")).contains("prod");
    assertThat(resources(report, "AWS-USER-001")).contains("aws:123456789012#user/tom.baker");
    assertThat(resources(report, "KUBE-CI-002"))
        .contains("k8s:prod/actions-runner-system#serviceaccount/arc-runner");
    // The AWS role that CI assumes is mapped into the cluster even without GitHub in the scan.
    assertThat(resources(report, "KUBE-RBAC-001"))
        .contains("k8s:prod#clusterrolebinding/github-actions-deployer");
  }

  @Test
  void aConfigFileNamesTheSameConnectionsAsFlags() throws Exception {
    Path folder = Files.createDirectory(home.resolve("tenet"));
    Path aws = Files.createDirectory(folder.resolve("aws-export"));
    for (ExportFile f : DemoExports.awsAccount(Instant.now())) {
      Files.write(aws.resolve(f.name().substring(f.name().lastIndexOf('/') + 1)), f.content());
    }
    Files.write(folder.resolve("prod.json"), DemoExports.cluster(Instant.now()).get(0).content());
    Path config =
        Files.writeString(
            folder.resolve("tenet.yaml"),
            """
            # Relative paths are relative to this file.
            connections:
              - platform: aws
                files: [aws-export]
              - platform: k8s
                files: prod.json
                cluster: prod
            """);
    Path out = home.resolve("out.json");

    CliRun run =
        CliRun.run(home, Map.of(), "scan", "--config", config.toString(), "--json", out.toString());

    assertThat(run.code).as(run.toString()).isZero();
    JsonNode report = Json.mapper().readTree(out.toFile());
    assertThat(report.path("scope").findValuesAsText("platform")).containsExactly("aws", "k8s");
    assertThat(resources(report, "AWS-USER-001")).contains("aws:123456789012#user/tom.baker");
    assertThat(resources(report, "KUBE-RBAC-001"))
        .contains("k8s:prod#clusterrolebinding/github-actions-deployer");
  }

  @Test
  void aTokenWrittenInTheConfigFileIsRefusedAndNeverShown() throws Exception {
    String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    Path config =
        Files.writeString(
            home.resolve("tenet.yaml"),
            "connections:\n  - platform: github\n    target: acme\n    token: " + token + "\n");
    CliRun run = CliRun.run(home, Map.of(), "scan", "--config", config.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains("tenet.yaml, connection 1: 'token' looks like a token value")
        .doesNotContain(token)
        .doesNotContain("\tat ");
    assertThat(run.out).doesNotContain(token);

    Files.writeString(config, "connections:\n  - platform: gitlab\n    tokn: env:X\n");
    CliRun typo = CliRun.run(home, Map.of(), "scan", "--config", config.toString());
    assertThat(typo.code).isEqualTo(1);
    assertThat(typo.err).contains("unknown key 'tokn'");

    Files.writeString(config, "connections: [\n");
    CliRun malformed = CliRun.run(home, Map.of(), "scan", "--config", config.toString());
    assertThat(malformed.code).isEqualTo(1);
    assertThat(malformed.err).contains("is not valid YAML").doesNotContain("\tat ");
  }

  @Test
  void badInputIsOneSentence() throws Exception {
    CliRun missing =
        CliRun.run(home, Map.of(), "scan", "--aws-iam-file", home.resolve("nope.json").toString());
    assertThat(missing.code).isEqualTo(1);
    assertThat(missing.err).contains("nope.json does not exist").doesNotContain("\tat ");

    Path text = Files.writeString(home.resolve("notes.txt"), "hello");
    CliRun notExport = CliRun.run(home, Map.of(), "scan", "--k8s-file", text.toString());
    assertThat(notExport.code).isEqualTo(1);
    assertThat(notExport.err).contains("No Kubernetes RBAC objects").doesNotContain("\tat ");

    CliRun kubeconfig =
        CliRun.run(home, Map.of(), "scan", "--kubeconfig", home.resolve("kc").toString());
    assertThat(kubeconfig.code).isEqualTo(1);
    assertThat(kubeconfig.err).contains("Cannot read the kubeconfig");

    CliRun http =
        CliRun.run(
            home,
            Map.of(),
            "scan",
            "--aws-profile",
            "x",
            "--aws-endpoint",
            "http://iam.example.com");
    assertThat(http.code).isEqualTo(1);
    assertThat(http.err).contains("HTTPS only");

    assertThat(CliRun.run(home, Map.of(), "scan", "--aws-endpoint", "https://x").code).isEqualTo(2);
    assertThat(CliRun.run(home, Map.of(), "scan", "--k8s-cluster", "x", "--demo").code)
        .isEqualTo(2);
  }
}
