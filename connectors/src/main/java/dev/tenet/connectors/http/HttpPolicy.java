package dev.tenet.connectors.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How Tenet talks to every platform API: a few requests in flight at most, bounded retries,
 * timeouts, and how long it may wait for a rate limit before giving up on a resource.
 *
 * @param maxConcurrency requests in flight at once per connection
 * @param maxAttempts attempts per request for transient faults (502/503/504, timeouts)
 * @param backoff first retry delay; doubles at each attempt
 * @param maxRateLimitWait longest single wait for a rate limit to reset (GitHub's core limit resets
 *     hourly: a large scan waits it out, saying so, rather than giving up the rest)
 * @param caBundle extra trusted certificates (PEM) for self-hosted instances; TLS verification is
 *     never turned off
 */
public record HttpPolicy(
    int maxConcurrency,
    int maxAttempts,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration backoff,
    Duration maxRateLimitWait,
    Optional<Path> caBundle) {

  public static HttpPolicy defaults() {
    return new HttpPolicy(
        4,
        4,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMillis(500),
        Duration.ofMinutes(61),
        Optional.empty());
  }

  public HttpPolicy withBackoff(Duration backoff) {
    return new HttpPolicy(
        maxConcurrency,
        maxAttempts,
        connectTimeout,
        requestTimeout,
        backoff,
        maxRateLimitWait,
        caBundle);
  }

  public HttpPolicy withRequestTimeout(Duration timeout) {
    return new HttpPolicy(
        maxConcurrency, maxAttempts, connectTimeout, timeout, backoff, maxRateLimitWait, caBundle);
  }

  public HttpPolicy withMaxRateLimitWait(Duration wait) {
    return new HttpPolicy(
        maxConcurrency, maxAttempts, connectTimeout, requestTimeout, backoff, wait, caBundle);
  }
}
