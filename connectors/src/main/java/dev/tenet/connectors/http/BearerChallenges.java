package dev.tenet.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers the challenges of a container registry as the Docker/OCI token specification prescribes:
 * a 401 with {@code WWW-Authenticate: Bearer realm="…",service="…",scope="…"} sends Tenet to the
 * token service named by {@code realm} for a short-lived token of that scope, which then goes to
 * the registry as {@code Authorization: Bearer}. A {@code Basic} challenge is answered with the
 * credential directly.
 *
 * <p>Where the credential may go: the registry names its token service, which may be another host
 * (Docker Hub's is auth.docker.io, GitLab's is the GitLab instance). Tenet follows a realm only
 * over HTTPS (plain HTTP only on loopback, and never when the registry itself is HTTPS), sends the
 * credential there as HTTP Basic and nowhere else (not to redirects, not into any cache), and sends
 * the tokens it gets back only to the registry's own origin. Tokens live in memory until they
 * expire. Without a credential the same flow fetches anonymous tokens, which is how Tenet tells
 * whether a registry serves images to anyone.
 */
public final class BearerChallenges implements ChallengeResponder {
  /** How long a token without {@code expires_in} is used: the specification's default. */
  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  /** Tokens are renewed this long before they expire. */
  private static final Duration MARGIN = Duration.ofSeconds(10);

  /** A user name and its token or password; the user name is not secret. */
  public record Credentials(String username, Secret secret) {}

  /** A parsed challenge: its scheme (lower case) and parameters. */
  public record Challenge(String scheme, Map<String, String> parameters) {
    public Optional<String> parameter(String name) {
      return Optional.ofNullable(parameters.get(name));
    }
  }

  private record Token(Secret value, Instant expires) {}

  private final URI registry;
  private final Credentials credentials;
  private final HttpPolicy policy;
  private final ApiClient.Observer observer;
  private final Clock clock;
  private final Function<String, String> scopeOfPath;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, ApiClient> realmClients = new ConcurrentHashMap<>();
  private volatile Challenge lastBearer;
  private volatile boolean basic;

  /**
   * @param registry the registry's base URL (its origin decides whether a realm may be plain HTTP)
   * @param credentials the credential to exchange for tokens, or null for anonymous tokens
   * @param scopeOfPath the token scope a request path needs, e.g. {@code repository:acme/api:pull}
   *     for {@code /v2/acme/api/tags/list}; null when the path names none
   */
  public BearerChallenges(
      URI registry,
      Credentials credentials,
      HttpPolicy policy,
      ApiClient.Observer observer,
      Clock clock,
      Function<String, String> scopeOfPath) {
    this.registry = registry;
    this.credentials = credentials;
    this.policy = policy;
    this.observer = observer;
    this.clock = clock;
    this.scopeOfPath = scopeOfPath;
  }

  public boolean anonymous() {
    return credentials == null;
  }

  @Override
  public Optional<String> knownAuthorization(String path) {
    if (basic && credentials != null) {
      return Optional.of(basicValue()); // The registry asked for Basic once: it always will.
    }
    Challenge bearer = lastBearer;
    if (bearer == null) {
      return Optional.empty();
    }
    String scope = scopeOfPath.apply(path);
    if (scope == null) {
      return Optional.empty();
    }
    Token token = tokens.get(key(bearer, scope));
    if (token == null || !clock.instant().isBefore(token.expires())) {
      return Optional.empty();
    }
    return Optional.of("Bearer " + token.value().reveal());
  }

  @Override
  public Optional<String> answer(String path, String header)
      throws ApiException, InterruptedException {
    Challenge challenge = parse(header);
    switch (challenge.scheme()) {
      case "basic" -> {
        if (credentials == null) {
          return Optional.empty();
        }
        basic = true;
        return Optional.of(basicValue());
      }
      case "bearer" -> {
        String scope = challenge.parameter("scope").orElseGet(() -> scopeOfPath.apply(path));
        return Optional.of("Bearer " + token(challenge, scope).reveal());
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private String basicValue() {
    String pair = credentials.username() + ":" + credentials.secret().reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The actions the token service grants for a scope (e.g. {@code repository:acme/api:pull,push}),
   * read from the token's {@code access} claim, after the registry has challenged once. Empty when
   * no bearer challenge was seen yet or the token does not say (an opaque token): then it is not
   * known. Asking for a token changes nothing on the registry.
   */
  public Optional<Set<String>> grantedActions(String scope)
      throws ApiException, InterruptedException {
    Challenge bearer = lastBearer;
    if (bearer == null) {
      return Optional.empty();
    }
    Secret token = token(bearer, scope);
    String[] parts = scope.split(":");
    if (parts.length < 3) {
      return Optional.empty();
    }
    String name = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
    return accessClaim(token.reveal(), parts[0], name);
  }

  /** The actions a JWT's {@code access} claim grants on one resource; empty if not a JWT. */
  static Optional<Set<String>> accessClaim(String jwt, String type, String name) {
    String[] segments = jwt.split("\\.");
    if (segments.length != 3) {
      return Optional.empty();
    }
    JsonNode claims;
    try {
      claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(segments[1]));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!claims.path("access").isArray()) {
      return Optional.empty();
    }
    Set<String> actions = new LinkedHashSet<>();
    for (JsonNode entry : claims.path("access")) {
      if (entry.path("type").asText().equals(type) && entry.path("name").asText().equals(name)) {
        entry.path("actions").forEach(a -> actions.add(a.asText()));
      }
    }
    return Optional.of(actions);
  }

  private Secret token(Challenge challenge, String scope)
      throws ApiException, InterruptedException {
    String realm = challenge.parameter("realm").orElse(null);
    if (realm == null || realm.isBlank()) {
      throw refused("the registry's challenge names no token service (realm)");
    }
    lastBearer = challenge;
    String key = key(challenge, scope);
    Token cached = tokens.get(key);
    if (cached != null && clock.instant().isBefore(cached.expires())) {
      return cached.value();
    }
    URI realmUri = checkedRealm(realm);
    StringBuilder url = new StringBuilder(realmUri.toString());
    String separator = realmUri.getRawQuery() == null ? "?" : "&";
    Optional<String> service = challenge.parameter("service");
    if (service.isPresent()) {
      url.append(separator).append("service=").append(encode(service.get()));
      separator = "&";
    }
    if (scope != null && !scope.isBlank()) {
      url.append(separator).append("scope=").append(encode(scope));
    }
    ApiResponse response = realmClient(realmUri).get(url.toString());
    JsonNode json = response.json();
    String value = json.path("token").asText(json.path("access_token").asText(""));
    if (value.isBlank()) {
      throw new ApiException(
          ApiException.Kind.INVALID_RESPONSE,
          response.status(),
          realmUri.getHost(),
          "the token service " + realmUri.getHost() + " answered without a token");
    }
    long seconds = json.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    Instant expires = clock.instant().plus(lifetime).minus(MARGIN);
    Secret secret = Secret.of(value);
    tokens.put(key, new Token(secret, expires));
    return secret;
  }

  private ApiClient realmClient(URI realm) {
    String origin =
        realm.getScheme()
            + "://"
            + realm.getHost()
            + (realm.getPort() >= 0 ? ":" + realm.getPort() : "");
    return realmClients.computeIfAbsent(
        origin,
        o -> {
          ApiClient.Builder b =
              ApiClient.builder(URI.create(o), "registry token service")
                  .policy(policy)
                  .observer(observer)
                  .clock(clock)
                  .header("Accept", "application/json");
          if (credentials != null) {
            b.auth(Auth.basic(credentials.username(), credentials.secret()));
          }
          // Token responses are never cached: the response cache only ever holds what is not
          // secret.
          return b.cache(ResponseCache.NONE).build();
        });
  }

  /** The realm as a URL the credential may go to, or a refusal that says why not. */
  URI checkedRealm(String realm) throws ApiException {
    URI uri;
    try {
      uri = URI.create(realm.strip());
    } catch (IllegalArgumentException e) {
      throw refused(
          "the registry's token service '" + ApiClient.clean(realm, 80) + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw refused(
          "the registry's token service '" + ApiClient.clean(realm, 80) + "' is not a URL");
    }
    if (uri.getUserInfo() != null || uri.getFragment() != null) {
      throw refused("the registry's token service URL carries credentials or a fragment");
    }
    boolean registryHttps = "https".equalsIgnoreCase(registry.getScheme());
    if (scheme.equals("http") && (registryHttps || !ApiClient.isLoopback(uri.getHost()))) {
      throw refused(
          "refused to send the registry credential to "
              + uri.getHost()
              + " over plain HTTP (the registry's token service must use HTTPS)");
    }
    return uri;
  }

  /** Parses a {@code WWW-Authenticate} header (the first challenge it holds). */
  public static Challenge parse(String header) {
    String h = header == null ? "" : header.strip();
    int space = h.indexOf(' ');
    String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = space < 0 ? h.length() : space + 1;
    while (i < h.length()) {
      while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
        i++;
      }
      int eq = h.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < h.length() && h.charAt(i) == '"') {
        i++;
        while (i < h.length() && h.charAt(i) != '"') {
          if (h.charAt(i) == '\\' && i + 1 < h.length()) {
            i++;
          }
          value.append(h.charAt(i++));
        }
        i++;
      } else {
        while (i < h.length() && h.charAt(i) != ',') {
          value.append(h.charAt(i++));
        }
      }
      if (!name.isEmpty()) {
        parameters.putIfAbsent(name, value.toString().strip());
      }
    }
    return new Challenge(scheme, parameters);
  }

  private static String key(Challenge challenge, String scope) {
    return challenge.parameter("realm").orElse("")
        + "\n"
        + challenge.parameter("service").orElse("")
        + "\n"
        + (scope == null ? "" : scope);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ApiException refused(String message) {
    return new ApiException(ApiException.Kind.REFUSED, 0, "", message);
  }
}
