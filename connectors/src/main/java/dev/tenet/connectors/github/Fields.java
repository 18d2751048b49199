package dev.tenet.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of GitHub's JSON: a field that is missing or of another type is null (unknown),
 * never a default.
 */
final class Fields {
  private Fields() {}

  static Boolean bool(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** An ISO-8601 time ("2019-08-10T14:59:22Z" or with an offset), or null. */
  static Instant instant(JsonNode json, String field) {
    String text = text(json, field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /** A {@code "status": "enabled"} object as in {@code security_and_analysis}, or null. */
  static Boolean enabled(JsonNode json, String field) {
    String status = json.path(field).path("status").asText(null);
    return status == null ? null : status.equals("enabled");
  }

  /** A permissions object ({@code {"contents": "write"}}) as "name:level" strings. */
  static List<String> permissions(JsonNode permissions) {
    List<String> out = new ArrayList<>();
    permissions.properties().forEach(e -> out.add(e.getKey() + ":" + e.getValue().asText()));
    out.sort(null);
    return out;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /**
   * Scheme, host and port of a URL, never its path or query: webhook URLs often carry a token
   * there. Null when the text is not a URL.
   */
  static String endpoint(String url) {
    if (url == null) {
      return null;
    }
    try {
      java.net.URI uri = java.net.URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      return uri.getScheme().toLowerCase(java.util.Locale.ROOT)
          + "://"
          + uri.getHost()
          + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
