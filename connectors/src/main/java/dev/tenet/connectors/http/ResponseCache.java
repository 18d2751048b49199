package dev.tenet.connectors.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Earlier responses kept for conditional requests: a rescan sends {@code If-None-Match} and, on a
 * 304, reuses the stored body. Holds response bodies and validators only, never request headers, so
 * no credential ever reaches it.
 *
 * <p>It also remembers whether the last scan of its connection finished: a scan that was
 * interrupted can be resumed, reusing what it already fetched instead of asking again.
 */
public interface ResponseCache {
  Optional<Entry> get(String url);

  void put(String url, Entry entry);

  /**
   * Marks the start of a scan of this connection.
   *
   * @return when an earlier scan that did not finish started, if it started less than {@code
   *     maxAge} ago: the responses stored since then may be reused without a request
   */
  default Optional<Instant> beginScan(Instant now, Duration maxAge) {
    return Optional.empty();
  }

  /** Marks the scan finished: the next one starts afresh. */
  default void finishScan() {}

  /**
   * @param status the HTTP status: 200 for a body, or a final client error (403, 404, 410) kept so
   *     that a resumed scan does not ask again
   * @param headers the response headers a later reader needs (pagination links and totals)
   */
  record Entry(
      int status,
      String etag,
      String lastModified,
      Map<String, String> headers,
      byte[] body,
      Instant storedAt) {

    /** A successful response. */
    public Entry(
        String etag,
        String lastModified,
        Map<String, String> headers,
        byte[] body,
        Instant storedAt) {
      this(200, etag, lastModified, headers, body, storedAt);
    }

    /** Whether a conditional request can revalidate this entry. */
    public boolean revalidatable() {
      return status == 200 && (etag != null || lastModified != null);
    }
  }

  ResponseCache NONE =
      new ResponseCache() {
        @Override
        public Optional<Entry> get(String url) {
          return Optional.empty();
        }

        @Override
        public void put(String url, Entry entry) {}
      };
}
