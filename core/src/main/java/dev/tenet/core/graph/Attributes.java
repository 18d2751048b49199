package dev.tenet.core.graph;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about an entity or relation. A missing attribute means "not known" (the connector could not
 * see it), never "false": rules must treat absence as unknown.
 *
 * <p>Values are kept JSON-shaped: String, Boolean, Long, Double, or a List of those.
 */
public class Attributes {
  // Most relations carry no attribute: the map is made on the first one (a large graph has a
  // million relations).
  private Map<String, Object> values;

  /** Sets a value; null removes it (unknown). Instants are kept as ISO-8601 text. */
  public Attributes set(String key, Object value) {
    if (value == null) {
      if (values != null) {
        values.remove(key);
      }
    } else {
      if (values == null) {
        values = new LinkedHashMap<>(4);
      }
      values.put(key, normalize(value));
    }
    return this;
  }

  public void putAll(Map<String, Object> more) {
    more.forEach(this::set);
  }

  private static Object normalize(Object value) {
    return switch (value) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Float f -> f.doubleValue();
      case Instant t -> t.toString();
      case Enum<?> e -> e.name().toLowerCase(java.util.Locale.ROOT);
      case List<?> list -> list.stream().map(Attributes::normalize).toList();
      default -> value;
    };
  }

  public boolean has(String key) {
    return values != null && values.containsKey(key);
  }

  public Object get(String key) {
    return values == null ? null : values.get(key);
  }

  public Optional<Boolean> bool(String key) {
    return get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  public Optional<String> text(String key) {
    Object v = get(key);
    return v == null ? Optional.empty() : Optional.of(v.toString());
  }

  public Optional<Long> number(String key) {
    return get(key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  public Optional<Instant> instant(String key) {
    return text(key).map(Instant::parse);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    return get(key) instanceof List<?> l
        ? ((List<Object>) l).stream().map(String::valueOf).toList()
        : List.of();
  }

  /** True only when the attribute is known and true. */
  public boolean isTrue(String key) {
    return Boolean.TRUE.equals(get(key));
  }

  /** True only when the attribute is known and false. */
  public boolean isFalse(String key) {
    return Boolean.FALSE.equals(get(key));
  }

  public Map<String, Object> asMap() {
    return values == null ? Map.of() : Collections.unmodifiableMap(values);
  }
}
