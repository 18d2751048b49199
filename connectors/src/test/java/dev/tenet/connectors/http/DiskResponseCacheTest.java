package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskResponseCacheTest {
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;

  static ResponseCache.Entry entry(String body) {
    return new ResponseCache.Entry(
        "\"etag-1\"",
        null,
        Map.of("link", "<x>; rel=\"next\""),
        body.getBytes(StandardCharsets.UTF_8),
        T0);
  }

  @Test
  void storesAndReadsBackInPrivateFiles() throws Exception {
    DiskResponseCache cache = new DiskResponseCache(dir.resolve("cache"));
    cache.put("https://api.github.com/orgs/acme", entry("{\"login\":\"acme\"}"));

    ResponseCache.Entry back = cache.get("https://api.github.com/orgs/acme").orElseThrow();
    assertThat(new String(back.body(), StandardCharsets.UTF_8)).isEqualTo("{\"login\":\"acme\"}");
    assertThat(back.etag()).isEqualTo("\"etag-1\"");
    assertThat(back.headers()).containsEntry("link", "<x>; rel=\"next\"");
    assertThat(cache.get("https://api.github.com/orgs/other")).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cache"))))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      files.forEach(
          f -> {
            try {
              assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                  .isEqualTo("rw-------");
            } catch (java.io.IOException e) {
              throw new AssertionError(e);
            }
          });
    }
  }

  @Test
  void aLengthFieldClaimingGigabytesIsAMissNotAnAllocation() throws Exception {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeUTF("https://api.github.com/x");
      out.writeUTF("");
      out.writeUTF("");
      out.writeLong(0);
      out.writeInt(0);
      out.writeInt(Integer.MAX_VALUE); // body length, with 3 bytes behind it
      out.write(new byte[] {1, 2, 3});
    }
    assertThat(DiskResponseCache.read(raw.toByteArray())).isEmpty();

    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(headers))) {
      out.writeUTF("https://api.github.com/x");
      out.writeUTF("");
      out.writeUTF("");
      out.writeLong(0);
      out.writeInt(Integer.MAX_VALUE); // header count
    }
    assertThat(DiskResponseCache.read(headers.toByteArray())).isEmpty();
    assertThat(DiskResponseCache.read(new byte[] {31, (byte) 139, 8, 0})).isEmpty();
    assertThat(DiskResponseCache.read(new byte[0])).isEmpty();
  }

  @Test
  void removeIfDeletesMatchingAndUnreadableEntriesOnly() throws Exception {
    Path folder = dir.resolve("cache");
    DiskResponseCache cache = new DiskResponseCache(folder);
    cache.put("https://api.github.com/orgs/acme", entry("{}"));
    cache.put("https://api.github.com/repos/acme/web", entry("{}"));
    cache.put("https://api.github.com/orgs/globex", entry("{}"));
    Files.write(folder.resolve("0000garbage.gz"), new byte[] {1, 2, 3});

    int removed = cache.removeIf((url, e) -> url.contains("/acme"));

    assertThat(removed).isEqualTo(3);
    assertThat(cache.get("https://api.github.com/orgs/globex")).isPresent();
    assertThat(cache.get("https://api.github.com/orgs/acme")).isEmpty();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }
}
