package dev.tenet.connectors.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tenet.core.store.PrivateFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A response cache in a private folder, one gzip file per URL. Writes are atomic (temporary file,
 * then rename), so a killed scan leaves either the old entry or the new one. An unreadable entry is
 * a miss, never an error. A journal file marks a scan in progress, so the next scan can resume it.
 */
public final class DiskResponseCache implements ResponseCache {
  private static final String FORMAT = "tenet-http-cache/2";
  private static final String JOURNAL = "scan-in-progress";
  private static final int MAX_HEADERS = 64;
  private static final long MAX_FILE_BYTES = ApiClient.DEFAULT_MAX_RESPONSE_BYTES + 1024 * 1024;

  private final Path folder;

  public DiskResponseCache(Path folder) {
    this.folder = PrivateFiles.folder(folder);
  }

  @Override
  public Optional<Entry> get(String url) {
    Path file = fileFor(url);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return read(Files.readAllBytes(file)).filter(e -> e.url().equals(url)).map(Stored::entry);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** An entry with the URL it answers. */
  record Stored(String url, Entry entry) {}

  /**
   * Reads one cache file. The file is only as trustworthy as the folder (a damaged disk, another
   * program), so every length is bounded before it is used and anything odd is a miss.
   */
  static Optional<Stored> read(byte[] file) {
    if (file.length > MAX_FILE_BYTES) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(file)))) {
      if (!in.readUTF().equals(FORMAT)) {
        return Optional.empty();
      }
      String url = in.readUTF();
      int status = in.readInt();
      String etag = emptyToNull(in.readUTF());
      String lastModified = emptyToNull(in.readUTF());
      Instant storedAt = Instant.ofEpochMilli(in.readLong());
      int headerCount = in.readInt();
      if (headerCount < 0 || headerCount > MAX_HEADERS) {
        return Optional.empty();
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < headerCount; i++) {
        headers.put(in.readUTF(), in.readUTF());
      }
      int length = in.readInt();
      if (length < 0 || length > ApiClient.DEFAULT_MAX_RESPONSE_BYTES) {
        return Optional.empty();
      }
      // Read as much as is really there: a length field alone never allocates a large buffer.
      byte[] body = in.readNBytes(length);
      if (body.length != length || in.read() != -1) {
        return Optional.empty();
      }
      return Optional.of(
          new Stored(url, new Entry(status, etag, lastModified, headers, body, storedAt)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes every entry for which {@code condition} holds (e.g. all responses about an organization
   * being forgotten); unreadable entries are deleted too, since nobody can tell what they hold.
   *
   * @return how many files were deleted
   */
  public int removeIf(java.util.function.BiPredicate<String, Entry> condition) {
    int removed = 0;
    try (var files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || !(name.endsWith(".gz") || name.endsWith(".tmp"))) {
          continue;
        }
        Optional<Stored> stored =
            name.endsWith(".gz") ? read(Files.readAllBytes(file)) : Optional.empty();
        if (stored.isEmpty() || condition.test(stored.get().url(), stored.get().entry())) {
          Files.deleteIfExists(file);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot clear the response cache in " + folder + " (" + e.getMessage() + ")", e);
    }
    return removed;
  }

  @Override
  public void put(String url, Entry entry) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(entry.body().length / 4 + 256);
      try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
        out.writeUTF(FORMAT);
        out.writeUTF(url);
        out.writeInt(entry.status());
        out.writeUTF(entry.etag() == null ? "" : entry.etag());
        out.writeUTF(entry.lastModified() == null ? "" : entry.lastModified());
        out.writeLong(entry.storedAt().toEpochMilli());
        out.writeInt(entry.headers().size());
        for (Map.Entry<String, String> h : entry.headers().entrySet()) {
          out.writeUTF(h.getKey());
          out.writeUTF(h.getValue());
        }
        out.writeInt(entry.body().length);
        out.write(entry.body());
      }
      Path file = fileFor(url);
      Path temp = PrivateFiles.createTempFile(folder, ".entry", ".tmp");
      Files.write(temp, bytes.toByteArray());
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // A cache that cannot be written only costs a full request next time.
    }
  }

  @Override
  public Optional<Instant> beginScan(Instant now, Duration maxAge) {
    Path journal = folder.resolve(JOURNAL);
    try {
      if (Files.isRegularFile(journal)) {
        Instant started =
            Instant.ofEpochMilli(Long.parseLong(Files.readString(journal, UTF_8).strip()));
        if (!started.isAfter(now) && Duration.between(started, now).compareTo(maxAge) <= 0) {
          return Optional.of(started);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // A damaged journal only means starting afresh.
    }
    try {
      Path temp = PrivateFiles.createTempFile(folder, ".journal", ".tmp");
      Files.writeString(temp, Long.toString(now.toEpochMilli()), UTF_8);
      Files.move(temp, journal, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Without a journal the next scan cannot resume; this one is unaffected.
    }
    return Optional.empty();
  }

  @Override
  public void finishScan() {
    try {
      Files.deleteIfExists(folder.resolve(JOURNAL));
    } catch (IOException e) {
      // A stale journal only lets the next scan reuse recent answers; it expires by age.
    }
  }

  private Path fileFor(String url) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return folder.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".gz");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
