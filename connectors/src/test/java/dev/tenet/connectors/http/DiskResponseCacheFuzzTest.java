package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzzes the ETag cache reader: any file in the cache folder reads as an entry or as a miss, never
 * as an exception or an outsized allocation. Seeds in {@code DiskResponseCacheFuzzTestInputs/}; see
 * docs/SECURITY.md#fuzzing to fuzz for longer.
 */
class DiskResponseCacheFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void readsAnyFile(byte[] file) {
    DiskResponseCache.read(file)
        .ifPresent(s -> assertThat(s.entry().body().length).isLessThanOrEqualTo(64 << 20));
  }

  /** The same, behind a valid gzip layer, so mutations reach the entry format itself. */
  @FuzzTest(maxDuration = "2m")
  void readsAnyDecompressedEntry(byte[] entry) {
    readsAnyFile(gzip(entry));
  }

  @FuzzTest(maxDuration = "2m")
  void whatIsWrittenReadsBack(FuzzedDataProvider data) throws IOException {
    String url = "https://api.github.com/" + data.consumeString(200);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = data.consumeInt(0, 4); i > 0; i--) {
      headers.put(data.consumeString(30), data.consumeString(100));
    }
    String etag = data.consumeBoolean() ? data.consumeString(60) : null;
    ResponseCache.Entry entry =
        new ResponseCache.Entry(
            etag == null || etag.isEmpty() ? null : etag,
            null,
            headers,
            data.consumeRemainingAsBytes(),
            Instant.ofEpochMilli(1_790_000_000_000L));
    Path dir = Files.createTempDirectory("tenet-fuzz-cache");
    try {
      DiskResponseCache cache = new DiskResponseCache(dir);
      cache.put(url, entry);
      ResponseCache.Entry back = cache.get(url).orElseThrow();
      assertThat(back.body()).isEqualTo(entry.body());
      assertThat(back.headers()).isEqualTo(entry.headers());
      assertThat(back.etag()).isEqualTo(entry.etag());
    } catch (IllegalArgumentException | UncheckedIOException tooLongForWriteUtf) {
      // Strings over 64 KiB cannot be cached; put() skips them, and the test gives up too.
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static byte[] gzip(byte[] raw) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(raw);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
