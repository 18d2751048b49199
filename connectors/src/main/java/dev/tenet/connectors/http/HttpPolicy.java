package dev.tenet.connectors.http;

import java.net.InetSocketAddress;
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
 * @param proxy the HTTP(S) proxy every platform request goes through (loopback addresses excepted),
 *     or empty for direct connections
 */
public record HttpPolicy(
    int maxConcurrency,
    int maxAttempts,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration backoff,
    Duration maxRateLimitWait,
    Optional<Path> caBundle,
    Optional<InetSocketAddress> proxy) {

  /** A policy without a proxy. */
  public HttpPolicy(
      int maxConcurrency,
      int maxAttempts,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration backoff,
      Duration maxRateLimitWait,
      Optional<Path> caBundle) {
    this(
        maxConcurrency,
        maxAttempts,
        connectTimeout,
        requestTimeout,
        backoff,
        maxRateLimitWait,
        caBundle,
        Optional.empty());
  }

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
        caBundle,
        proxy);
  }

  public HttpPolicy withRequestTimeout(Duration timeout) {
    return new HttpPolicy(
        maxConcurrency,
        maxAttempts,
        connectTimeout,
        timeout,
        backoff,
        maxRateLimitWait,
        caBundle,
        proxy);
  }

  public HttpPolicy withMaxRateLimitWait(Duration wait) {
    return new HttpPolicy(
        maxConcurrency,
        maxAttempts,
        connectTimeout,
        requestTimeout,
        backoff,
        wait,
        caBundle,
        proxy);
  }

  /** The same policy trusting the certificates of a PEM bundle besides the JDK's roots. */
  public HttpPolicy withCaBundle(Optional<Path> bundle) {
    return new HttpPolicy(
        maxConcurrency,
        maxAttempts,
        connectTimeout,
        requestTimeout,
        backoff,
        maxRateLimitWait,
        bundle,
        proxy);
  }

  /** The same policy sending requests through an HTTP(S) proxy. */
  public HttpPolicy withProxy(Optional<InetSocketAddress> address) {
    return new HttpPolicy(
        maxConcurrency,
        maxAttempts,
        connectTimeout,
        requestTimeout,
        backoff,
        maxRateLimitWait,
        caBundle,
        address);
  }
}
