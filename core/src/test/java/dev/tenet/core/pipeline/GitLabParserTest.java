package dev.tenet.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitLabParserTest {
  @Test
  void composesIncludesExtendsDefaultsAndReferences() {
    Pipelines ps =
        Fixtures.parse(
            ".gitlab-ci.yml",
            """
            include:
              - local: /ci/base.yml
              - local: 'ci/more/*.yml'
              - remote: https://example.com/x.yml
            default:
              image: ruby:3.3
              before_script:
                - echo default
            variables:
              GLOBAL: g
            .template: &tpl
              tags: [docker]
              script:
                - make
            build:
              extends: .base
              script:
                - !reference [.template, script]
                - echo own
            deploy:
              <<: *tpl
              inherit:
                default: false
              environment: production
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
            """,
            "ci/base.yml",
            ".base:\n  variables:\n    FROM_BASE: b\n  image: node:20\n",
            "ci/more/extra.yml",
            "extra:\n  script: [echo extra]\n  only: [tags]\n",
            "unrelated.yml",
            "name: not ci\n");
    assertThat(ps.files())
        .extracting(f -> f.file().path() + "=" + f.status())
        .containsExactly(
            ".gitlab-ci.yml=ANALYSED",
            "ci/base.yml=INCLUDED",
            "ci/more/extra.yml=INCLUDED",
            "unrelated.yml=NOT_A_PIPELINE");
    Pipeline p = ps.all().get(0);
    assertThat(p.jobs()).extracting(Job::id).containsExactlyInAnyOrder("build", "deploy", "extra");
    Job build = p.job("build").get();
    assertThat(build.container().image().value()).isEqualTo("node:20");
    assertThat(build.container().image().source().path()).isEqualTo("ci/base.yml");
    assertThat(build.env().vars()).containsKeys("GLOBAL", "FROM_BASE");
    assertThat(build.steps())
        .extracting(s -> s.section() + ":" + s.run().value())
        .containsExactly("before_script:echo default", "script:make", "script:echo own");
    Job deploy = p.job("deploy").get();
    assertThat(deploy.container()).as("inherit: default: false").isNull();
    assertThat(deploy.runsOn().labelNames()).containsExactly("docker");
    assertThat(deploy.environment()).isEqualTo("production");
    assertThat(deploy.gitlab().sources()).containsExactly("merge_request_event");
    assertThat(p.job("extra").get().gitlab().sources()).containsExactly("tag");
    assertThat(p.includes()).extracting(Include::kind).containsExactly("local", "local", "remote");
    assertThat(p.blindSpots()).anyMatch(b -> b.contains("https://example.com/x.yml"));
  }

  @Test
  void specHeaderInputsAndMissingIncludesAreReported() {
    Pipelines ps =
        Fixtures.parse(
            ".gitlab-ci.yml",
            "spec:\n  inputs:\n    name:\n---\ninclude: /missing.yml\njob:\n  script: echo $[[ inputs.name ]]\n");
    Pipeline p = ps.all().get(0);
    assertThat(p.inputs()).containsKey("name");
    assertThat(p.job("job").get().steps().get(0).run().start().line()).isEqualTo(7);
    assertThat(ps.missingIncludes()).containsEntry(Fixtures.REPO, List.of("missing.yml"));
  }

  @Test
  void extendsCyclesAndUnknownParentsAreBlindSpotsNotCrashes() {
    Pipeline p =
        Fixtures.parse(
                ".gitlab-ci.yml",
                ".a:\n  extends: .b\n.b:\n  extends: .a\nj:\n  extends: [.a, .nowhere]\n  script: x\n")
            .all()
            .get(0);
    assertThat(p.job("j")).isPresent();
    assertThat(p.blindSpots()).anyMatch(b -> b.contains(".nowhere"));
  }
}
