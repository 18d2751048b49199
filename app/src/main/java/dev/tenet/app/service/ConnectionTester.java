package dev.tenet.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.gitlab.GitLabConnector;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.ApiResponse;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a connection before it is scanned, with a few authenticated reads: whose token it is, its
 * scopes, what Tenet will not see with it (each a future blind spot), and the rate-limit budget.
 * Only reads; the token goes only to the connection's own host.
 */
public final class ConnectionTester {
  /**
   * What is left of the platform's request budget.
   *
   * @param resetsAt when the budget refills, or null when the platform does not say
   */
  public record RateBudget(long remaining, long limit, Instant resetsAt) {}

  /**
   * What a test found.
   *
   * @param accepted whether the platform accepted the token at all
   * @param identity the account the token acts as, or null when the platform names none
   * @param role the account's standing in the organization or group (owner, Maintainer…), or null
   * @param scopes the token's scopes, or null when the platform does not list them
   * @param broaderScopes the scopes that allow more than reading (Tenet needs none of them)
   * @param cannotSee what Tenet will not see with this token, each with what would reveal it
   * @param rate the request budget left, or null when the platform reports no rate limit
   * @param summary one sentence: the verdict
   */
  public record Report(
      boolean accepted,
      String identity,
      String role,
      List<String> scopes,
      List<String> broaderScopes,
      List<String> cannotSee,
      RateBudget rate,
      String summary) {

    public Report {
      scopes = scopes == null ? null : List.copyOf(scopes);
      broaderScopes = List.copyOf(broaderScopes);
      cannotSee = List.copyOf(cannotSee);
    }

    static Report rejected(String platformName) {
      return new Report(
          false,
          null,
          null,
          null,
          List.of(),
          List.of(),
          null,
          platformName
              + " rejected the token (401): it is mistyped, expired or revoked; paste a new one.");
    }
  }

  private final TokenSource tokens;
  private final Supplier<HttpPolicy> policy;

  public ConnectionTester(TokenSource tokens, Supplier<HttpPolicy> policy) {
    this.tokens = tokens;
    this.policy = policy;
  }

  /**
   * Tests a connection.
   *
   * @throws UserError when there is no token or the platform cannot be reached
   */
  public Report test(ConnectionSpec spec) throws InterruptedException {
    return switch (spec.platform()) {
      case GitHubConnector.PLATFORM -> github(spec);
      case GitLabConnector.PLATFORM -> gitlab(spec);
      default ->
          throw new UserError("Tenet cannot test '" + spec.platform() + "' connections yet.");
    };
  }

  private Report github(ConnectionSpec spec) throws InterruptedException {
    URI base = checked(spec.baseUrl(), "GitHub");
    Secret token = tokens.token(spec.credential(), base, "GitHub");
    ApiClient api =
        ApiClient.builder(base, "GitHub")
            .auth(Auth.bearer(token))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .policy(policy.get())
            .build();
    Probe rateLimit = probe(api, "/rate_limit", "GitHub");
    if (rateLimit.rejected()) {
      return Report.rejected("GitHub");
    }
    Probe user = probe(api, "/user", "GitHub");
    if (user.rejected()) {
      return Report.rejected("GitHub");
    }
    String org = spec.target().strip();
    Probe organization = probe(api, "/orgs/" + encode(org), "GitHub");
    if (organization.rejected()) {
      return Report.rejected("GitHub");
    }
    String login = user.json().map(j -> j.path("login").asText(null)).orElse(null);

    List<String> scopes =
        firstHeader("x-oauth-scopes", rateLimit, user, organization)
            .map(ConnectionTester::commaList)
            .orElse(null);
    List<String> broader = new ArrayList<>();
    if (scopes != null) {
      scopes.stream()
          .filter(s -> !CredentialService.READ_ONLY_SCOPES.contains(s.toLowerCase(Locale.ROOT)))
          .forEach(broader::add);
    }

    List<String> cannotSee = new ArrayList<>();
    String role = null;
    if (organization.json().isEmpty()) {
      cannotSee.add(
          "the organization "
              + org
              + " itself: GitHub shows it to no one this token speaks for (check the name, that"
              + " the account is a member, and, with SAML single sign-on, that the token is"
              + " authorized for it)");
    } else {
      JsonNode o = organization.json().get();
      boolean owner = o.has("two_factor_requirement_enabled");
      role = owner ? "organization owner" : "member (not an owner)";
      if (!owner) {
        cannotSee.add(
            "the two-factor requirement, the base repository permission and which members have"
                + " two-factor authentication: GitHub shows them to organization owners only");
      }
    }
    if (scopes != null) {
      if (!hasAny(scopes, "read:org", "admin:org", "write:org")) {
        cannotSee.add("members, teams and their roles: the token lacks the read:org scope");
      }
      if (!hasAny(scopes, "repo")) {
        cannotSee.add(
            "private repositories and their branch protection: a classic token needs the repo"
                + " scope for them (a fine-grained read-only token does not)");
      }
    }

    RateBudget rate =
        rateLimit
            .json()
            .map(j -> j.path("resources").path("core"))
            .filter(core -> core.has("remaining"))
            .map(
                core ->
                    new RateBudget(
                        core.path("remaining").asLong(),
                        core.path("limit").asLong(),
                        core.has("reset")
                            ? Instant.ofEpochSecond(core.path("reset").asLong())
                            : null))
            .or(() -> headerBudget("x-ratelimit-", rateLimit, user, organization))
            .orElse(null);

    String summary;
    if (!broader.isEmpty()) {
      summary =
          "The token can do more than read ("
              + String.join(", ", broader)
              + "); Tenet needs read access only: prefer a fine-grained read-only token.";
    } else if (scopes == null) {
      summary =
          "GitHub accepted the token; it lists no scopes (a fine-grained or app token), so what"
              + " it cannot read will show as blind spots in the scan.";
    } else {
      summary = "GitHub accepted the token, and its scopes only read.";
    }
    return new Report(true, login, role, scopes, broader, cannotSee, rate, summary);
  }

  private Report gitlab(ConnectionSpec spec) throws InterruptedException {
    URI web = checked(stripApi(spec.baseUrl()), "GitLab");
    URI apiBase = URI.create(web.toString().replaceAll("/+$", "") + "/api/v4");
    Secret token = tokens.token(spec.credential(), web, "GitLab");
    ApiClient api =
        ApiClient.builder(apiBase, "GitLab")
            .auth(Auth.header("PRIVATE-TOKEN", token))
            .header("Accept", "application/json")
            .policy(policy.get())
            .build();
    Probe user = probe(api, "/user", "GitLab");
    if (user.rejected()) {
      return Report.rejected("GitLab");
    }
    Probe self = probe(api, "/personal_access_tokens/self", "GitLab");
    String group = spec.target().strip();
    Probe groupProbe = probe(api, "/groups/" + encode(group), "GitLab");
    String username = user.json().map(j -> j.path("username").asText(null)).orElse(null);
    boolean admin = user.json().map(j -> j.path("is_admin").asBoolean(false)).orElse(false);
    long userId = user.json().map(j -> j.path("id").asLong(-1)).orElse(-1L);

    List<String> scopes =
        self.json()
            .filter(j -> j.path("scopes").isArray())
            .map(
                j -> {
                  List<String> list = new ArrayList<>();
                  j.path("scopes").forEach(s -> list.add(s.asText()));
                  return list;
                })
            .orElse(null);
    List<String> broader =
        scopes == null ? List.of() : scopes.stream().filter(s -> !s.startsWith("read_")).toList();

    List<String> cannotSee = new ArrayList<>();
    if (scopes != null && !hasAny(scopes, "read_api", "api")) {
      cannotSee.add("groups and projects: the token needs the read_api scope to read the API");
    }
    if (scopes != null && !hasAny(scopes, "read_repository", "api")) {
      cannotSee.add(
          "pipeline files (.gitlab-ci.yml and their includes): the token lacks read_repository");
    }
    String role = null;
    if (groupProbe.json().isEmpty()) {
      cannotSee.add(
          "the group "
              + group
              + " itself: GitLab shows it to no one this token speaks for (check the full path and"
              + " that the account is a member)");
    } else if (userId >= 0) {
      Probe membership =
          probe(api, "/groups/" + encode(group) + "/members/all/" + userId, "GitLab");
      Optional<Integer> level =
          membership.json().map(j -> j.path("access_level").asInt(0)).filter(l -> l > 0);
      role = level.map(ConnectionTester::gitlabRole).orElse(admin ? "administrator" : null);
      int l = level.orElse(admin ? 50 : 0);
      if (l == 0 && !admin) {
        cannotSee.add(
            "anything that needs a role in the group: GitLab did not say this account's role");
      } else {
        if (l < 30) {
          cannotSee.add("protected branches and environments: they need the Developer role");
        }
        if (l < 40) {
          cannotSee.add(
              "project CI/CD variables, webhooks, deploy keys and tokens, access tokens, runners"
                  + " and job token scopes: they need the Maintainer role");
        }
        if (l < 50) {
          cannotSee.add(
              "group CI/CD variables, group access and deploy tokens, group runners and webhooks,"
                  + " SAML links and members' last activity: they need the Owner role");
        }
      }
    }
    if (!admin) {
      cannotSee.add(
          "which members have two-factor authentication: GitLab shows it to instance"
              + " administrators only");
    }
    RateBudget rate = headerBudget("ratelimit-", user, self, groupProbe).orElse(null);
    String summary =
        broader.isEmpty()
            ? "GitLab accepted the token"
                + (scopes == null ? "; it did not list its scopes." : ", and its scopes only read.")
            : "The token can do more than read ("
                + String.join(", ", broader)
                + "); Tenet needs read_api and read_repository only.";
    return new Report(true, username, role, scopes, broader, cannotSee, rate, summary);
  }

  /** One authenticated read: its JSON when it answered, nothing when refused or absent. */
  private record Probe(Optional<JsonNode> json, HttpHeaders headers, boolean rejected) {}

  private static Probe probe(ApiClient api, String path, String platformName)
      throws InterruptedException {
    try {
      ApiResponse r = api.get(path);
      JsonNode json;
      try {
        json = r.json();
      } catch (ApiException notJson) {
        json = null;
      }
      return new Probe(Optional.ofNullable(json), r.headers(), false);
    } catch (ApiException e) {
      return switch (e.kind()) {
        case UNAUTHORIZED -> new Probe(Optional.empty(), null, true);
        case NOT_FOUND, FORBIDDEN -> new Probe(Optional.empty(), null, false);
        default ->
            throw new UserError(
                "Could not test the connection: "
                    + e.getMessage()
                    + " (is "
                    + platformName
                    + " reachable from here? A proxy or CA bundle can be set in Settings).");
      };
    }
  }

  private static Optional<String> firstHeader(String name, Probe... probes) {
    for (Probe p : probes) {
      if (p.headers() != null) {
        Optional<String> v = p.headers().firstValue(name);
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  /** The budget from X-RateLimit-* (GitHub) or RateLimit-* (GitLab) headers. */
  private static Optional<RateBudget> headerBudget(String prefix, Probe... probes) {
    for (int i = probes.length - 1; i >= 0; i--) {
      HttpHeaders h = probes[i].headers();
      if (h == null) {
        continue;
      }
      Optional<String> remaining = h.firstValue(prefix + "remaining");
      Optional<String> limit = h.firstValue(prefix + "limit");
      if (remaining.isPresent() && limit.isPresent()) {
        try {
          Instant reset =
              h.firstValue(prefix + "reset")
                  .map(r -> Instant.ofEpochSecond(Long.parseLong(r.strip())))
                  .orElse(null);
          return Optional.of(
              new RateBudget(
                  Long.parseLong(remaining.get().strip()),
                  Long.parseLong(limit.get().strip()),
                  reset));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static String gitlabRole(int level) {
    return switch (level) {
      case 5 -> "Minimal access";
      case 10 -> "Guest";
      case 15 -> "Planner";
      case 20 -> "Reporter";
      case 30 -> "Developer";
      case 40 -> "Maintainer";
      case 50 -> "Owner";
      default -> "access level " + level;
    };
  }

  private static List<String> commaList(String header) {
    return Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean hasAny(List<String> scopes, String... wanted) {
    for (String w : wanted) {
      if (scopes.stream().anyMatch(s -> s.equalsIgnoreCase(w))) {
        return true;
      }
    }
    return false;
  }

  private static String stripApi(String url) {
    String u = url == null ? "" : url.strip().replaceAll("/+$", "");
    return u.endsWith("/api/v4") ? u.substring(0, u.length() - "/api/v4".length()) : u;
  }

  private static String encode(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  private static URI checked(String url, String platformName) {
    try {
      return ApiClient.checkBaseUrl(url, platformName);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
