package dev.tenet.core.bench;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large, believable GitHub organization built straight into a trust graph, for the benchmark: per
 * repository a default branch, workflows and jobs, secrets, staging and production environments, a
 * deploy key, an image, team and collaborator access; across the organization members (some without
 * 2FA), outside collaborators, teams, runners (some persistent), actions (many third-party), cloud
 * roles and registries. About 20 entities and 100 relations per repository. Deterministic for a
 * given seed.
 */
public final class SyntheticOrganization {
  private static final String SOURCE = "synthetic";

  private SyntheticOrganization() {}

  /** Builds an organization of {@code repositories} repositories. */
  public static TrustGraph build(int repositories, long seed) {
    Random random = new Random(seed);
    TrustGraph g = new TrustGraph();
    String login = "megacorp";
    Entity org =
        g.entity(ResourceId.of("github", login), EntityKind.ORGANIZATION, login, SOURCE)
            .set(Attr.MFA_REQUIRED, false)
            .set(Attr.BASE_PERMISSION, "read")
            .set(Attr.MEMBERS_LISTED, true);

    int memberCount = Math.max(10, repositories * 3 / 10);
    List<Entity> members = new ArrayList<>(memberCount);
    for (int i = 0; i < memberCount; i++) {
      String name = "dev" + i;
      Entity u =
          g.entity(ResourceId.part(org.id(), "member", name), EntityKind.USER, name, SOURCE)
              .set(Attr.MFA_ENABLED, random.nextInt(100) >= 5);
      g.relate(u, RelationKind.MEMBER_OF, org, SOURCE).set(Attr.ROLE, i < 8 ? "owner" : "member");
      members.add(u);
    }
    List<Entity> outside = new ArrayList<>();
    for (int i = 0; i < Math.max(2, memberCount / 10); i++) {
      String name = "contractor" + i;
      outside.add(
          g.entity(ResourceId.part(org.id(), "collaborator", name), EntityKind.USER, name, SOURCE)
              .set(Attr.OUTSIDE_COLLABORATOR, true)
              .set(Attr.MFA_ENABLED, random.nextBoolean()));
    }
    List<Entity> teams = new ArrayList<>();
    for (int i = 0; i < Math.max(3, memberCount / 10); i++) {
      String name = "team" + i;
      teams.add(g.entity(ResourceId.part(org.id(), "team", name), EntityKind.TEAM, name, SOURCE));
    }
    for (Entity u : members) {
      for (int k = 0; k < 2; k++) {
        g.relate(u, RelationKind.MEMBER_OF, teams.get(random.nextInt(teams.size())), SOURCE)
            .set(Attr.ROLE, "member");
      }
    }
    List<Entity> runners = new ArrayList<>();
    for (int i = 0; i < Math.max(4, repositories / 50); i++) {
      runners.add(
          g.entity(
                  ResourceId.part(org.id(), "runner", String.valueOf(i)),
                  EntityKind.RUNNER,
                  "runner-" + i,
                  SOURCE)
              .set("ephemeral", random.nextInt(10) != 0));
    }
    List<Entity> actions = new ArrayList<>();
    for (int i = 0; i < Math.max(10, repositories / 20); i++) {
      boolean thirdParty = random.nextInt(10) < 6;
      String owner = thirdParty ? "vendor" + (i % 97) : login;
      String name = owner + "/action-" + i;
      actions.add(
          g.entity("github:" + name, EntityKind.ACTION, name + "@v1", SOURCE)
              .set(Attr.THIRD_PARTY, thirdParty));
    }
    List<Entity> roles = new ArrayList<>();
    for (int i = 0; i < Math.max(5, repositories / 20); i++) {
      roles.add(
          g.entity(
              "aws:123456789012#role/deployer-" + i,
              EntityKind.CLOUD_ROLE,
              "deployer-" + i,
              SOURCE));
    }
    List<Entity> registries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      registries.add(
          g.entity(
              "oci:registry" + i + ".megacorp.example/apps",
              EntityKind.REGISTRY,
              "registry" + i,
              SOURCE));
    }

    List<Entity> images = new ArrayList<>(repositories);
    List<Entity> deployJobs = new ArrayList<>(repositories);
    for (int r = 0; r < repositories; r++) {
      String name = "service-" + r;
      boolean isPublic = random.nextInt(10) == 0;
      Entity repo =
          g.entity(ResourceId.of("github", login + "/" + name), EntityKind.REPOSITORY, name, SOURCE)
              .set(Attr.VISIBILITY, isPublic ? "public" : "private")
              .set(Attr.DEFAULT_BRANCH, "main")
              .set(Attr.ARCHIVED, false);
      g.relate(org, RelationKind.CONTAINS, repo, SOURCE);
      Entity main =
          g.entity(ResourceId.part(repo.id(), "branch", "main"), EntityKind.BRANCH, "main", SOURCE);
      g.relate(repo, RelationKind.CONTAINS, main, SOURCE);
      boolean protectedMain = random.nextInt(5) != 0;
      main.set(Attr.PROTECTED, protectedMain);
      if (protectedMain) {
        main.set(Attr.REQUIRED_APPROVALS, (long) random.nextInt(3))
            .set(Attr.FORCE_PUSH_ALLOWED, false)
            .set(Attr.DELETION_ALLOWED, false);
      }

      List<Entity> secrets = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        Entity secret =
            g.entity(
                ResourceId.part(repo.id(), "secret", "SECRET_" + s),
                EntityKind.SECRET,
                "SECRET_" + s,
                SOURCE);
        g.relate(repo, RelationKind.CONTAINS, secret, SOURCE);
        secrets.add(secret);
      }
      Entity variable =
          g.entity(
              ResourceId.part(repo.id(), "variable", "REGION"),
              EntityKind.VARIABLE,
              "REGION",
              SOURCE);
      g.relate(repo, RelationKind.CONTAINS, variable, SOURCE);
      Entity staging =
          g.entity(
                  ResourceId.part(repo.id(), "environment", "staging"),
                  EntityKind.ENVIRONMENT,
                  "staging",
                  SOURCE)
              .set("requiredReviewers", List.of())
              .set("deploymentBranches", "any");
      Entity production =
          g.entity(
                  ResourceId.part(repo.id(), "environment", "production"),
                  EntityKind.ENVIRONMENT,
                  "production",
                  SOURCE)
              .set("requiredReviewers", random.nextInt(10) < 7 ? List.of("team:sre") : List.of())
              .set("deploymentBranches", "protected");
      g.relate(repo, RelationKind.CONTAINS, staging, SOURCE);
      g.relate(repo, RelationKind.CONTAINS, production, SOURCE);
      Entity prodSecret =
          g.entity(
              ResourceId.part(repo.id(), "secret", "production/DEPLOY_TOKEN"),
              EntityKind.SECRET,
              "DEPLOY_TOKEN",
              SOURCE);
      g.relate(production, RelationKind.CONTAINS, prodSecret, SOURCE);
      Entity stagingSecret =
          g.entity(
              ResourceId.part(repo.id(), "secret", "staging/DEPLOY_TOKEN"),
              EntityKind.SECRET,
              "DEPLOY_TOKEN",
              SOURCE);
      g.relate(staging, RelationKind.CONTAINS, stagingSecret, SOURCE);
      Entity key =
          g.entity(
                  ResourceId.part(repo.id(), "deploy-key", String.valueOf(r)),
                  EntityKind.DEPLOY_KEY,
                  "deploy-" + r,
                  SOURCE)
              .set("hasExpiry", false);
      g.relate(repo, RelationKind.CONTAINS, key, SOURCE);
      g.relate(
          key, random.nextBoolean() ? RelationKind.CAN_WRITE : RelationKind.CAN_READ, repo, SOURCE);
      Entity image =
          g.entity(
              "oci:registry" + (r % 5) + ".megacorp.example/apps/" + name,
              EntityKind.IMAGE,
              name,
              SOURCE);
      g.relate(registries.get(r % 5), RelationKind.CONTAINS, image, SOURCE);
      images.add(image);

      String[][] workflows = {
        {"ci.yml", isPublic && random.nextInt(5) == 0 ? "pull_request_target" : "pull_request"},
        {"deploy.yml", "push"}
      };
      for (String[] w : workflows) {
        String path = ".github/workflows/" + w[0];
        Entity wf =
            g.entity(
                    ResourceId.part(repo.id(), "workflow", path), EntityKind.WORKFLOW, w[0], SOURCE)
                .set("path", path)
                .set(Attr.TRIGGERS, List.of(w[1]));
        g.relate(repo, RelationKind.CONTAINS, wf, SOURCE);
        for (int j = 0; j < 2; j++) {
          String jobName = j == 0 ? "build" : w[0].equals("deploy.yml") ? "deploy" : "test";
          Entity job =
              g.entity(
                  ResourceId.part(repo.id(), "job", w[0] + ":" + jobName),
                  EntityKind.JOB,
                  jobName,
                  SOURCE);
          g.relate(wf, RelationKind.CONTAINS, job, SOURCE);
          g.relate(job, RelationKind.RUNS_ON, runners.get(random.nextInt(runners.size())), SOURCE);
          for (int a = 0; a < 2; a++) {
            g.relate(job, RelationKind.USES, actions.get(random.nextInt(actions.size())), SOURCE);
          }
          for (int s = 0; s < 2; s++) {
            g.relate(
                job,
                RelationKind.READS_SECRET,
                secrets.get(random.nextInt(secrets.size())),
                SOURCE);
          }
          if (jobName.equals("deploy")) {
            g.relate(job, RelationKind.DEPLOYS_TO, production, SOURCE);
            g.relate(job, RelationKind.READS_SECRET, prodSecret, SOURCE);
            g.relate(
                job, RelationKind.CAN_MINT_OIDC, roles.get(random.nextInt(roles.size())), SOURCE);
            deployJobs.add(job);
          } else if (jobName.equals("build")) {
            g.relate(job, RelationKind.DEPLOYS_TO, staging, SOURCE);
            g.relate(job, RelationKind.PUBLISHES, image, SOURCE);
          }
        }
      }

      // Access: a few teams, an admin team, direct collaborators, now and then an outsider.
      for (int t = 0; t < 3; t++) {
        g.relate(teams.get(random.nextInt(teams.size())), RelationKind.CAN_WRITE, repo, SOURCE)
            .set("permission", "write")
            .set("via", "team");
      }
      g.relate(teams.get(random.nextInt(teams.size())), RelationKind.CAN_ADMIN, repo, SOURCE)
          .set("permission", "admin")
          .set("via", "team");
      for (int c = 0; c < 40; c++) {
        Entity u = members.get(random.nextInt(members.size()));
        g.relate(u, c % 4 == 0 ? RelationKind.CAN_WRITE : RelationKind.CAN_READ, repo, SOURCE)
            .set("via", "direct");
      }
      if (random.nextInt(4) == 0) {
        g.relate(outside.get(random.nextInt(outside.size())), RelationKind.CAN_WRITE, repo, SOURCE)
            .set("permission", "write")
            .set("via", "direct");
      }
    }
    // Deploy jobs pull images built elsewhere.
    for (Entity job : deployJobs) {
      for (int k = 0; k < 3; k++) {
        g.relate(job, RelationKind.PULLS, images.get(random.nextInt(images.size())), SOURCE);
      }
    }
    return g;
  }
}
