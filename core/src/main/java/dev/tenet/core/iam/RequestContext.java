package dev.tenet.core.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The condition keys of a request, as far as Tenet knows them. Keys are case-insensitive, as in
 * IAM. A key the context does not know makes a condition on it {@link Ternary#UNKNOWN}; a key it
 * knows to be absent is present with no values.
 */
public final class RequestContext {
  private final Map<String, List<String>> known = new HashMap<>();

  /** The key has these values (none: it is known to be absent from the request). */
  public RequestContext with(String key, String... values) {
    known.put(key.toLowerCase(Locale.ROOT), List.of(values));
    return this;
  }

  /** Empty when the key is unknown; an empty list when it is known to be absent. */
  public Optional<List<String>> lookup(String key) {
    return Optional.ofNullable(known.get(key.toLowerCase(Locale.ROOT)));
  }
}
