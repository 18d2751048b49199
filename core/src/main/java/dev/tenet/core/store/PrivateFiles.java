package dev.tenet.core.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders readable by their owner only (0600 / 0700 where the OS has POSIX modes):
 * everything Tenet writes about an organization goes through here.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** Creates a folder (and missing parents) readable by its owner only; an existing one is kept. */
  public static Path folder(Path folder) {
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder, attributes("rwx------"));
      }
      return folder;
    } catch (IOException e) {
      throw new StoreException(
          "Cannot create the folder " + folder + " (" + IoMessages.reason(e) + ").", e);
    }
  }

  /** Creates an empty file readable by its owner only. */
  public static void createFile(Path file) throws IOException {
    Files.createFile(file, attributes("rw-------"));
  }

  /** Creates a temporary file in {@code folder} readable by its owner only. */
  public static Path createTempFile(Path folder, String prefix, String suffix) throws IOException {
    return Files.createTempFile(folder, prefix, suffix, attributes("rw-------"));
  }

  /** Narrows an existing file to owner-only access (e.g. one another tool created). */
  public static void restrict(Path file) throws IOException {
    if (POSIX) {
      Set<PosixFilePermission> mode =
          Files.isDirectory(file)
              ? PosixFilePermissions.fromString("rwx------")
              : PosixFilePermissions.fromString("rw-------");
      Files.setPosixFilePermissions(file, mode);
    }
  }

  private static FileAttribute<?>[] attributes(String mode) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))
        }
        : new FileAttribute<?>[0];
  }
}
