package dev.tenet.connectors.registry;

import dev.tenet.connectors.registry.integrity.KeylessVerifier;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import java.time.Clock;
import java.util.List;

/**
 * What every registry connection is told besides its address and credential.
 *
 * @param selection which images to inspect
 * @param keys the public keys whose signatures count as the organization's
 * @param keyless how keyless (Sigstore) signatures are checked
 * @param trustedSources source locations (github.com/acme) whose builds are the organization's own
 * @param history what the previous assessment saw under each tag
 */
public record RegistryOptions(
    ImageSelection selection,
    TrustedKeys keys,
    KeylessVerifier keyless,
    List<String> trustedSources,
    TagHistory history,
    Clock clock) {

  public RegistryOptions {
    trustedSources =
        trustedSources.stream()
            .map(RegistryOptions::normalizeSource)
            .filter(s -> !s.isEmpty())
            .toList();
  }

  /** A trusted source as host/path, lower case, without scheme or trailing slash. */
  public static String normalizeSource(String source) {
    String s = source.strip().toLowerCase(java.util.Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  public RegistryOptions withTrustedSources(List<String> more) {
    List<String> all = new java.util.ArrayList<>(trustedSources);
    more.stream()
        .map(RegistryOptions::normalizeSource)
        .filter(s -> !all.contains(s))
        .forEach(all::add);
    return new RegistryOptions(selection, keys, keyless, all, history, clock);
  }
}
