package dev.tenet.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file the user exported from a platform for offline analysis (an {@code aws iam
 * get-account-authorization-details} output, a {@code kubectl get -o json} list), read whole.
 *
 * @param name the name to show in messages (the path as given, or a bundled resource's name)
 * @param content its bytes, untrusted
 */
public record ExportFile(String name, byte[] content) {
  /** Larger exports are refused rather than risking the heap: real ones stay far below. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /**
   * Reads files, and the regular files directly inside directories (sorted by name, hidden ones
   * left out).
   *
   * @throws ConnectorException with one sentence for the user when a file cannot be read
   */
  public static List<ExportFile> read(List<Path> paths) throws ConnectorException {
    List<ExportFile> out = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> inside;
        try (Stream<Path> list = Files.list(path)) {
          inside =
              list.filter(Files::isRegularFile)
                  .filter(p -> !p.getFileName().toString().startsWith("."))
                  .sorted()
                  .toList();
        } catch (IOException e) {
          throw new ConnectorException(
              "Cannot list the folder " + path + ": " + reason(e) + ".", e);
        }
        if (inside.isEmpty()) {
          throw new ConnectorException("The folder " + path + " holds no export file.");
        }
        for (Path p : inside) {
          out.add(readOne(p));
        }
      } else {
        out.add(readOne(path));
      }
    }
    return out;
  }

  private static ExportFile readOne(Path path) throws ConnectorException {
    if (!Files.exists(path)) {
      throw new ConnectorException("The file " + path + " does not exist.");
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new ConnectorException(
            "The file " + path + " is larger than " + (MAX_BYTES >> 20) + " MB; is it an export?");
      }
      return new ExportFile(path.toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new ConnectorException("Cannot read " + path + ": " + reason(e) + ".", e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
