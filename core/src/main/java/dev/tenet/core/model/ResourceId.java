package dev.tenet.core.model;

import java.nio.charset.StandardCharsets;

/**
 * Resource ids in the spec's grammar: {@code <platform>:<scope>[#<kind>/<name>]}, e.g. {@code
 * github:acme-corp/payments#branch/main}. A '#', '%' or whitespace inside a part is
 * percent-encoded, so an id always parses back into the same parts.
 */
public record ResourceId(String platform, String scope, String kind, String name) {

  public static String of(String platform, String scope) {
    return platform + ":" + encode(scope);
  }

  public static String of(String platform, String scope, String kind, String name) {
    return of(platform, scope) + "#" + kind + "/" + encode(name);
  }

  /** The id of a part ({@code #kind/name}) of an existing resource id that has none. */
  public static String part(String resource, String kind, String name) {
    if (resource.indexOf('#') >= 0) {
      throw new IllegalArgumentException("'" + resource + "' already names a part");
    }
    return resource + "#" + kind + "/" + encode(name);
  }

  public static ResourceId parse(String id) {
    int colon = id.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("Not a resource id: '" + id + "'");
    }
    String platform = id.substring(0, colon);
    String rest = id.substring(colon + 1);
    int hash = rest.indexOf('#');
    if (hash < 0) {
      return new ResourceId(platform, decode(rest), null, null);
    }
    String part = rest.substring(hash + 1);
    int slash = part.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("Not a resource id: '" + id + "'");
    }
    return new ResourceId(
        platform,
        decode(rest.substring(0, hash)),
        part.substring(0, slash),
        decode(part.substring(slash + 1)));
  }

  /** The platform of an id without parsing the rest. */
  public static String platformOf(String id) {
    int colon = id.indexOf(':');
    return colon <= 0 ? "" : id.substring(0, colon);
  }

  /** The id without its {@code #kind/name} part. */
  public static String scopeOf(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }

  static String encode(String part) {
    StringBuilder out = null;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '#' || c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        if (out == null) {
          out = new StringBuilder(part.length() + 8).append(part, 0, i);
        }
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? part : out.toString();
  }

  static String decode(String part) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return kind == null ? of(platform, scope) : of(platform, scope, kind, name);
  }
}
