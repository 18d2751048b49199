package dev.tenet.connectors.http;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Earlier responses kept for conditional requests: a rescan sends {@code If-None-Match} and, on a
 * 304, reuses the stored body. Holds response bodies and validators only, never request headers, so
 * no credential ever reaches it.
 */
public interface ResponseCache {
  Optional<Entry> get(String url);

  void put(String url, Entry entry);

  /**
   * @param headers the response headers a later reader needs (pagination links and totals)
   */
  record Entry(
      String etag,
      String lastModified,
      Map<String, String> headers,
      byte[] body,
      Instant storedAt) {}

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
