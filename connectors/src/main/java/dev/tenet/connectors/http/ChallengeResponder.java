package dev.tenet.connectors.http;

import java.util.Optional;

/**
 * Answers the authentication challenges of one origin: a 401 response whose {@code
 * WWW-Authenticate} header says how to authenticate (HTTP Basic, or a bearer token to fetch from a
 * token service, as container registries do). {@link ApiClient} sends the answer to that origin
 * only, and answers each request's challenge at most once.
 */
public interface ChallengeResponder {
  /**
   * The {@code Authorization} value to send up front for this path, when an earlier challenge
   * already told what it takes (a token still valid for the same scope): saves a 401 round trip.
   */
  Optional<String> knownAuthorization(String path);

  /**
   * The {@code Authorization} value that answers this challenge; empty when it cannot be answered
   * (no credential for it), and the 401 then stands.
   *
   * @param path the request path below the base URL
   * @param challenge the {@code WWW-Authenticate} header, untrusted
   */
  Optional<String> answer(String path, String challenge) throws ApiException, InterruptedException;
}
