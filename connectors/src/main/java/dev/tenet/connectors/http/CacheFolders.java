package dev.tenet.connectors.http;

import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.PrivateFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a connection's response cache lives: one folder per host and per token identity, so two
 * tokens with different visibility never share answers. The identity is an HMAC of the token under
 * a random key kept beside the cache: the token itself is never written, and its identity cannot be
 * recomputed without that key.
 */
public final class CacheFolders {
  private final Path root;

  public CacheFolders(Path root) {
    this.root = root;
  }

  public Path forConnection(URI baseUrl, Secret token) {
    String host =
        (baseUrl.getHost() + (baseUrl.getPort() >= 0 ? "_" + baseUrl.getPort() : ""))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]", "_");
    return root.resolve(host).resolve(identity(token));
  }

  String identity(Secret token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] digest = mac.doFinal(token.reveal().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized byte[] key() {
    Path file = root.resolve("identity.key");
    try {
      PrivateFiles.folder(root);
      if (Files.isRegularFile(file) && Files.size(file) == 32) {
        return Files.readAllBytes(file);
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path temp = PrivateFiles.createTempFile(root, ".key", ".tmp");
      Files.write(temp, key);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot prepare the response cache in " + root, e);
    }
  }
}
