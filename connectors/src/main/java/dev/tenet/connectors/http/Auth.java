package dev.tenet.connectors.http;

import dev.tenet.core.credentials.Secret;
import java.net.http.HttpRequest;

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
}
