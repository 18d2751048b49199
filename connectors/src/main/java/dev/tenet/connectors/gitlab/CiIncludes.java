package dev.tenet.connectors.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The local files a GitLab CI configuration includes ({@code include: local:} and bare paths),
 * which the connector fetches and hands to the pipeline analyser beside the main file. Remote,
 * project, template and component includes are not files of this repository and are left to the
 * analyser, which sees them in the text.
 */
final class CiIncludes {
  private CiIncludes() {}

  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * A local include.
   *
   * @param path the repository path without a leading slash; a glob when {@code glob}
   */
  record Include(String path, boolean glob) {
    /** The folder whose tree holds the glob's matches ("" for the root). */
    String folder() {
      int wildcard = path.indexOf('*');
      String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
      int slash = fixed.lastIndexOf('/');
      return slash < 0 ? "" : fixed.substring(0, slash);
    }

    /** Whether the glob reaches into subfolders ({@code **}). */
    boolean recursive() {
      return path.contains("**");
    }

    boolean matches(String candidate) {
      return toRegex(path).matcher(candidate).matches();
    }
  }

  /** The local includes of a configuration; none when it is not valid YAML. */
  static List<Include> local(String yaml) {
    List<Include> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc != null && doc.isObject()) {
          collect(doc.path("include"), out);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not valid YAML: the analyser reports the file itself; there is nothing to follow.
    }
    return out;
  }

  private static void collect(JsonNode include, List<Include> out) {
    if (include.isArray()) {
      include.forEach(i -> collect(i, out));
    } else if (include.isTextual()) {
      add(include.asText(), out);
    } else if (include.isObject() && include.path("local").isTextual()) {
      add(include.path("local").asText(), out);
    }
  }

  private static void add(String raw, List<Include> out) {
    String p = raw.strip();
    if (p.isEmpty() || p.contains("://") || p.contains("$") || p.contains("..")) {
      return; // Remote, templated by variables, or escaping the repository: not a local file.
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    Include include = new Include(p, p.contains("*"));
    if (!out.contains(include)) {
      out.add(include);
    }
  }

  /** GitLab's include globs: {@code *} stays in one folder, {@code **} crosses folders. */
  static Pattern toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          re.append("(?:.*/)?");
        } else {
          re.append(".*");
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
