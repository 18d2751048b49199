package dev.tenet.app.service;

import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.ApiResponse;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.CredentialReference;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.CredentialStore;
import dev.tenet.core.store.credentials.StoredCredential;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stored credentials as both faces manage them ({@code tenet credentials}, the console's
 * Connections screen), and the token source of every scan. Adding and removing are audited; the
 * secrets themselves never leave the credential store except to be sent to their own host.
 */
public final class CredentialService implements TokenSource, AutoCloseable {
  private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");

  /**
   * GitHub classic-token scopes that only read. Anything else lets a token change the organization,
   * which Tenet never needs.
   */
  static final Set<String> READ_ONLY_SCOPES =
      Set.of(
          "read:org",
          "read:user",
          "user:email",
          "read:packages",
          "read:discussion",
          "read:project",
          "read:audit_log",
          "read:enterprise",
          "read:public_key",
          "read:repo_hook",
          "read:gpg_key",
          "read:ssh_signing_key");

  private final CredentialStore store;
  private final AuditService audit;
  private final java.util.function.Supplier<HttpPolicy> policy;
  private final Map<String, String> environment;

  public CredentialService(
      CredentialStore store, AuditService audit, HttpPolicy policy, Map<String, String> env) {
    this(store, audit, () -> policy, env);
  }

  /**
   * @param policy the HTTP policy of the moment (the user's proxy and CA bundle), asked at each
   *     test
   */
  public CredentialService(
      CredentialStore store,
      AuditService audit,
      java.util.function.Supplier<HttpPolicy> policy,
      Map<String, String> env) {
    this.store = store;
    this.audit = audit;
    this.policy = policy;
    this.environment = env;
  }

  public List<StoredCredential> list() {
    return guarded(store::list);
  }

  public CredentialStore.Added add(
      String name,
      Secret secret,
      CredentialStore.Placement placement,
      String host,
      boolean replace) {
    CredentialStore.Added added = guarded(() -> store.add(name, secret, placement, host, replace));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("store", added.credential().store().id());
    if (added.credential().host() != null) {
      details.put("host", added.credential().host());
    }
    audit.record(AuditAction.CREDENTIAL_ADDED, name, List.of(), details);
    return added;
  }

  public StoredCredential remove(String name) {
    StoredCredential removed = guarded(() -> store.remove(name));
    audit.record(
        AuditAction.CREDENTIAL_REMOVED, name, List.of(), Map.of("store", removed.store().id()));
    return removed;
  }

  /**
   * The token a connection names. A qualified reference is used as written; a bare name is a stored
   * credential if one has that name, else an environment variable (what {@code --token-env} gives).
   */
  @Override
  public Secret token(String credential, URI target, String platformName) {
    String text = credential == null ? "" : credential.strip();
    if (text.isEmpty()) {
      throw new UserError("The " + platformName + " connection names no credential.");
    }
    return guarded(
        () -> {
          CredentialReference ref;
          if (CredentialReference.isQualified(text)
              || store.find(text).isPresent()
              || !VARIABLE.matcher(text).matches()) {
            ref = store.reference(text);
          } else {
            ref = CredentialReference.env(text);
          }
          if (ref.kind() == CredentialReference.Kind.ENV) {
            String value = environment.get(ref.name());
            if (value == null || value.isBlank()) {
              throw TokenSource.missingVariable(platformName, ref.name());
            }
          }
          return store.resolve(ref, target);
        });
  }

  /**
   * What a test of a credential against its platform found.
   *
   * @param accepted whether the platform accepted the token
   * @param login the account it belongs to, when the platform says
   * @param scopes the classic-token scopes, or null when the token has none (fine-grained, app)
   * @param broaderScopes the scopes that allow more than reading
   */
  public record TestResult(
      String host,
      boolean accepted,
      String login,
      List<String> scopes,
      List<String> broaderScopes,
      String detail) {}

  /**
   * Sends one authenticated read to the platform to check a credential: that it is accepted, whose
   * it is, and whether it can do more than read (Tenet needs read access only).
   */
  public TestResult test(String credential, String platform, String baseUrl)
      throws InterruptedException {
    if (!GitHubConnector.PLATFORM.equals(platform)) {
      throw new UserError("Testing " + platform + " credentials is not supported yet.");
    }
    URI base;
    try {
      base = ApiClient.checkBaseUrl(baseUrl, "GitHub");
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Secret token = token(credential, base, "GitHub");
    ApiClient api =
        ApiClient.builder(base, "GitHub")
            .auth(Auth.bearer(token))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .policy(policy.get())
            .build();
    // /rate_limit answers any valid token (a GitHub Enterprise Server without rate limiting
    // answers 404 after accepting it); /user names the account where the token has one.
    ApiResponse probe = null;
    String login = null;
    boolean accepted = false;
    for (String path : List.of("/rate_limit", "/user")) {
      try {
        ApiResponse r = api.get(path);
        accepted = true;
        probe = probe == null ? r : probe;
        if (path.equals("/user")) {
          login = r.json().path("login").asText(null);
        }
      } catch (ApiException e) {
        switch (e.kind()) {
          case UNAUTHORIZED -> {
            return new TestResult(
                base.getHost(), false, null, null, List.of(), "GitHub rejected the token (401).");
          }
          case NOT_FOUND, FORBIDDEN -> accepted = true; // Authenticated, just not this resource.
          default -> throw new UserError("Could not test the credential: " + e.getMessage() + ".");
        }
      }
    }
    if (!accepted) {
      throw new UserError("Could not test the credential: GitHub gave no answer.");
    }
    List<String> scopes =
        probe == null
            ? null
            : probe
                .header("x-oauth-scopes")
                .map(
                    h ->
                        Arrays.stream(h.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList())
                .orElse(null);
    List<String> broader = new ArrayList<>();
    if (scopes != null) {
      for (String s : scopes) {
        if (!READ_ONLY_SCOPES.contains(s.toLowerCase(Locale.ROOT))) {
          broader.add(s);
        }
      }
    }
    String detail =
        probe == null
            ? "GitHub accepted it but showed none of its scopes; check its permissions on GitHub"
                + " (see docs/PERMISSIONS.md)."
            : scopes == null
                ? "A fine-grained or app token: check its permissions on GitHub (see"
                    + " docs/PERMISSIONS.md)."
                : broader.isEmpty()
                    ? "Read-only scopes."
                    : "It can do more than read ("
                        + String.join(", ", broader)
                        + "); Tenet needs read access only: prefer a fine-grained read-only token"
                        + " (see docs/PERMISSIONS.md).";
    return new TestResult(base.getHost(), true, login, scopes, List.copyOf(broader), detail);
  }

  private static <T> T guarded(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (CredentialException e) {
      throw new UserError(e.getMessage());
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
