package dev.tenet.core.rules.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAndSecretRulesTest {
  @Test
  void missingPermissionsAreReportedPerJobAndAtTheTopWhenSeveralJobsInheritThem() {
    List<Finding> f =
        Rules.workflow(
            new ExcessivePermissions(),
            "on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps: []\n"
                + "  b:\n    runs-on: x\n    permissions:\n      contents: read\n    steps: []\n"
                + "  c:\n    runs-on: x\n    steps: []\n");
    assertThat(Rules.where(f)).containsExactly("1:1", "3:3", "11:3");
    assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    assertThat(f.get(1).message()).contains("default token");
  }

  @Test
  void workflowLevelWriteScopesAndWriteAll() {
    List<Finding> f =
        Rules.workflow(
            new ExcessivePermissions(),
            "on: push\npermissions:\n  contents: read\n  id-token: write\njobs:\n  a:\n    runs-on: x\n"
                + "    steps: []\n  b:\n    runs-on: x\n    steps: []\n");
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().line()).isEqualTo(4);
              assertThat(x.message()).contains("id-token: write").contains("mint OIDC");
            });
    assertThat(
            Rules.workflow(
                new ExcessivePermissions(),
                "on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: x\n    steps: []\n"
                    + "  b:\n    runs-on: x\n    steps: []\n"))
        .singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
    assertThat(
            Rules.workflow(
                new ExcessivePermissions(),
                "on: push\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: x\n    steps: []\n"))
        .as("with one job the workflow block is the job's")
        .isEmpty();
  }

  @Test
  void aReadOnlyRepositoryDefaultClearsMissingPermissions() {
    TrustGraph g = new TrustGraph();
    g.entity(Rules.REPO, EntityKind.REPOSITORY, "acme/web", "github")
        .set(Attr.WORKFLOW_TOKEN_DEFAULT, "read");
    String yaml = "on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n";
    assertThat(
            Rules.run(
                new ExcessivePermissions(),
                g,
                RuleSettings.defaults(),
                ".github/workflows/ci.yml",
                yaml))
        .isEmpty();
    assertThat(Rules.workflow(new ExcessivePermissions(), yaml)).hasSize(1);
  }

  @Test
  void reusableOnlyWorkflowsLeavePermissionsToCallersButCallJobsAreJudged() {
    List<Finding> f =
        Rules.workflow(
            new ExcessivePermissions(),
            "on: workflow_call\njobs:\n  a:\n    runs-on: x\n    steps: []\n"
                + "  b:\n    uses: acme/x/.github/workflows/y.yml@v1\n");
    assertThat(Rules.where(f)).containsExactly("6:3");
  }

  @Test
  void secretsInheritedOrSerialised() {
    List<Finding> f =
        Rules.workflow(
            new SecretsInherited(),
            """
            on: push
            env:
              ALL: ${{ toJSON(secrets) }}
            jobs:
              call:
                uses: acme/shared/.github/workflows/x.yml@v1
                secrets: inherit
              pick:
                runs-on: x
                steps:
                  - run: echo ${{ secrets[format('K_{0}', matrix.e)] }} ${{ secrets['FIXED'] }}
            """);
    assertThat(Rules.where(f)).containsExactly("3:8", "6:11", "11:19");
  }

  @Test
  void hardcodedCredentials() {
    List<Finding> f =
        Rules.workflow(
            new HardcodedSecret(),
            """
            on: push
            env:
              DEPLOY_TOKEN: 9f8a7c6b5e4d3c2b1a0f9e8d7c6b5a49
              DB_PASSWORD: postgres
              SAFE_TOKEN: ${{ secrets.T }}
            jobs:
              a:
                runs-on: x
                container:
                  image: ghcr.io/acme/builder:1
                  credentials:
                    username: bot
                    password: hunter2-but-longer
                services:
                  db:
                    image: postgres:16
                    env:
                      POSTGRES_PASSWORD: example
                steps:
                  - run: git clone https://bot:s3cr3tpassw0rd@example.com/x.git
                  - run: echo ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d
            """);
    assertThat(Rules.where(f)).containsExactly("12:9", "3:17", "20:24", "21:19");
    assertThat(f).extracting(Finding::message).noneMatch(m -> m.contains("hunter2-but-longer"));
    assertThat(f).extracting(Finding::message).noneMatch(m -> m.contains("s3cr3tpassw0rd"));
    assertThat(f.get(3).message()).contains("GitHub token");
  }

  @Test
  void checkoutCredentialsPersisted() {
    List<Finding> f =
        Rules.workflow(
            new CredentialPersisted(),
            """
            on: push
            jobs:
              a:
                runs-on: x
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/checkout@v4
                    with:
                      persist-credentials: false
                  - uses: actions/checkout@v4
                    with:
                      persist-credentials: true
                  - uses: actions/upload-artifact@v4
                    with:
                      path: .
            """);
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.location().line()).isEqualTo(6);
              assertThat(x.severity()).isEqualTo(Severity.HIGH);
              assertThat(x.message()).contains("uploads the working tree");
            });
  }

  @Test
  void staticCredentialsWhereOidcWorks() {
    List<Finding> f =
        Rules.workflow(
            new StaticCredentials(),
            """
            on: push
            jobs:
              publish:
                runs-on: x
                steps:
                  - uses: pypa/gh-action-pypi-publish@release/v1
                    with:
                      password: ${{ secrets.PYPI }}
                  - uses: aws-actions/configure-aws-credentials@v4
                    with:
                      aws-access-key-id: ${{ secrets.K }}
                  - run: |
                      python -m build
                      python3 -m twine upload dist/*
                      npm publish --dry-run
                      bundle exec gem push x.gem
              trusted:
                runs-on: x
                permissions:
                  id-token: write
                steps:
                  - run: cargo publish
                  - uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: arn:aws:iam::123456789012:role/deploy
            """);
    assertThat(Rules.where(f)).containsExactly("6:15", "9:15", "14:11", "16:11");
    assertThat(f.get(2).message()).contains("PyPI");
    assertThat(f.get(3).message()).contains("RubyGems");
  }
}
