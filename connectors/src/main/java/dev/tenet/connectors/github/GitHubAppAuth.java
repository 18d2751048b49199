package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.core.credentials.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs requests as a GitHub App installation: finds the app's installation on the organization,
 * exchanges a signed JWT for an installation token, and replaces the token a few minutes before it
 * expires (or at once if GitHub rejects it). Thread-safe.
 */
final class GitHubAppAuth implements Auth {
  /** Replace the token this long before it expires, so no request goes out with a dying one. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final ApiClient appApi;
  private final String organization;
  private final Clock clock;
  private Long installationId;
  private Secret token;
  private Instant expiresAt = Instant.MIN;
  private List<String> permissions = List.of();
  private String repositorySelection;
  private int issued;

  /** The token each thread last signed with, so a 401 renews it once, not once per thread. */
  private final ThreadLocal<Secret> lastApplied = new ThreadLocal<>();

  /**
   * @param appApi a client for the same GitHub host that signs its requests with the app's JWT
   */
  GitHubAppAuth(ApiClient appApi, String organization, Clock clock) {
    this.appApi = appApi;
    this.organization = organization;
    this.clock = clock;
  }

  /** An {@link Auth} that signs with a fresh JWT of the app on every request. */
  static Auth jwt(AppJwt jwt, Clock clock) {
    return request -> request.set("Authorization", "Bearer " + jwt.sign(clock.instant()));
  }

  @Override
  public void apply(Auth.Headers request) throws ApiException, InterruptedException {
    String value;
    synchronized (this) {
      Secret current = current();
      lastApplied.set(current);
      value = current.reveal(); // Under the lock: a refresh destroys the token it replaces.
    }
    request.set("Authorization", "Bearer " + value);
  }

  @Override
  public synchronized boolean renew() throws ApiException, InterruptedException {
    if (lastApplied.get() == token) {
      expiresAt = Instant.MIN; // Rejected: replace it. (Another thread may have done so already.)
    }
    current();
    return true;
  }

  synchronized Secret current() throws ApiException, InterruptedException {
    if (token == null || clock.instant().plus(REFRESH_MARGIN).isAfter(expiresAt)) {
      refresh();
    }
    return token;
  }

  /** The permissions GitHub granted the installation token, as "name:level". */
  synchronized List<String> permissions() {
    return permissions;
  }

  synchronized String repositorySelection() {
    return repositorySelection;
  }

  /** Installation tokens issued so far (tests and diagnostics). */
  synchronized int tokensIssued() {
    return issued;
  }

  private void refresh() throws ApiException, InterruptedException {
    if (installationId == null) {
      JsonNode installation = appApi.getJson("/orgs/" + organization + "/installation");
      if (!installation.path("id").canConvertToLong()) {
        throw new ApiException(
            ApiException.Kind.INVALID_RESPONSE,
            200,
            "/orgs/" + organization + "/installation",
            "GitHub did not return the app's installation on " + organization);
      }
      installationId = installation.path("id").asLong();
    }
    String path = "/app/installations/" + installationId + "/access_tokens";
    JsonNode answer = appApi.post(path, "{}").json();
    String value = answer.path("token").asText("");
    if (value.isEmpty()) {
      throw new ApiException(
          ApiException.Kind.INVALID_RESPONSE, 201, path, "GitHub issued no installation token");
    }
    Instant expiry;
    try {
      expiry = Instant.parse(answer.path("expires_at").asText());
    } catch (DateTimeParseException e) {
      expiry = clock.instant().plus(Duration.ofMinutes(30));
    }
    if (token != null) {
      token.destroy();
    }
    token = Secret.of(value);
    expiresAt = expiry;
    List<String> granted = new ArrayList<>();
    answer
        .path("permissions")
        .properties()
        .forEach(e -> granted.add(e.getKey() + ":" + e.getValue().asText()));
    permissions = List.copyOf(granted);
    repositorySelection = answer.path("repository_selection").asText(null);
    issued++;
  }
}
