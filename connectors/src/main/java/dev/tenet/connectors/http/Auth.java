package dev.tenet.connectors.http;

import dev.tenet.core.credentials.Secret;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How a connection authenticates its requests. Applied only to requests to its own host. */
@FunctionalInterface
public interface Auth {
  void apply(HttpRequest.Builder request);

  Auth NONE = request -> {};

  /** {@code Authorization: Bearer <token>}: GitHub tokens of every kind, GitLab OAuth tokens. */
  static Auth bearer(Secret token) {
    return request -> request.setHeader("Authorization", "Bearer " + token.reveal());
  }

  /** A token in a header of its own, e.g. GitLab's {@code PRIVATE-TOKEN}. */
  static Auth header(String name, Secret token) {
    return request -> request.setHeader(name, token.reveal());
  }

  /** HTTP Basic: a user name and a token or password, e.g. for a registry's token service. */
  static Auth basic(String username, Secret secret) {
    return request ->
        request.setHeader(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (username + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8)));
  }
}
