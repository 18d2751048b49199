package dev.tenet.connectors.http;

import dev.tenet.core.credentials.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a connection authenticates its requests. Applied only to requests to its own host. A
 * credential that expires (an app installation token, an OAuth token) refreshes itself in {@link
 * #apply} before it runs out, and once more in {@link #renew} if the server rejects it anyway.
 */
@FunctionalInterface
public interface Auth {
  /** Where a credential writes its headers; the HTTP layer keeps the request to itself. */
  @FunctionalInterface
  interface Headers {
    void set(String name, String value);
  }

  void apply(Headers request) throws ApiException, InterruptedException;

  /**
   * Called after the server answered 401 to a request this credential signed: returns true when a
   * fresh credential is now in place and the request is worth one more try.
   */
  default boolean renew() throws ApiException, InterruptedException {
    return false;
  }

  Auth NONE = request -> {};

  /** {@code Authorization: Bearer <token>}: GitHub tokens of every kind, GitLab OAuth tokens. */
  static Auth bearer(Secret token) {
    return request -> request.set("Authorization", "Bearer " + token.reveal());
  }

  /** A token in a header of its own, e.g. GitLab's {@code PRIVATE-TOKEN}. */
  static Auth header(String name, Secret token) {
    return request -> request.set(name, token.reveal());
  }

  /** HTTP Basic: a user name and a token or password, e.g. for a registry's token service. */
  static Auth basic(String username, Secret secret) {
    return request ->
        request.set(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (username + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8)));
  }
}
