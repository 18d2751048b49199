package dev.tenet.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.store.PrivateFiles;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The console's small JSON files in the data folder (connections, settings): owner-only, replaced
 * whole through a temporary sibling so a crash never leaves half a file.
 */
final class JsonFiles {
  private JsonFiles() {}

  /** The file's JSON, or empty when it does not exist. */
  static Optional<JsonNode> read(Path file) {
    try {
      return Optional.of(Json.mapper().readTree(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UserError(
          "Could not read "
              + file
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "): fix or delete it.");
    }
  }

  static void write(Path file, JsonNode content) {
    Path folder = PrivateFiles.folder(file.toAbsolutePath().getParent());
    Path temp = null;
    try {
      temp = PrivateFiles.createTempFile(folder, "." + file.getFileName(), ".tmp");
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), content);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UserError(
          "Could not save "
              + file
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "): is the data folder writable?");
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // A stray temporary file is harmless.
        }
      }
    }
  }
}
