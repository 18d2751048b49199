package dev.tenet.connectors.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which images of a registry Tenet inspects: the most recent tags of each repository (by push time
 * where the registry reports it; otherwise {@code latest} first, then the highest versions), in the
 * repositories matching the patterns, up to a bound. Signatures and attestations are checked per
 * image, so the bound keeps a scan of a registry with thousands of tags to a predictable number of
 * requests.
 *
 * @param tagsPerRepository the most recent tags inspected per repository
 * @param repositories glob patterns (* within a path segment, ** across) of repositories to
 *     inspect; empty for all
 * @param maxRepositories repositories inspected at most; the rest are reported as a blind spot
 */
public record ImageSelection(
    int tagsPerRepository, List<String> repositories, int maxRepositories) {
  public static final int DEFAULT_TAGS = 3;
  public static final int DEFAULT_MAX_REPOSITORIES = 500;

  private static final Pattern VERSION =
      Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[-+._].*)?$");

  public ImageSelection {
    if (tagsPerRepository < 1) {
      throw new IllegalArgumentException("Inspect at least one tag per repository.");
    }
    repositories = List.copyOf(repositories);
  }

  public static ImageSelection defaults() {
    return new ImageSelection(DEFAULT_TAGS, List.of(), DEFAULT_MAX_REPOSITORIES);
  }

  public boolean includes(String repository) {
    if (repositories.isEmpty()) {
      return true;
    }
    return repositories.stream().anyMatch(p -> glob(p).matcher(repository).matches());
  }

  static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** A tag and when it was pushed (null when the registry does not say). */
  public record Tag(String name, Instant pushedAt) {}

  /** The tags to inspect, most recent first; cosign's own tags are never images. */
  public List<Tag> pick(List<Tag> tags) {
    List<Tag> images = new ArrayList<>();
    for (Tag t : tags) {
      if (!Digests.isCosignTag(t.name())) {
        images.add(t);
      }
    }
    boolean dated = images.stream().allMatch(t -> t.pushedAt() != null) && !images.isEmpty();
    Comparator<Tag> order =
        dated
            ? Comparator.comparing(Tag::pushedAt).reversed().thenComparing(Tag::name)
            : ImageSelection::byRecency;
    return images.stream().sorted(order).limit(tagsPerRepository).toList();
  }

  /** Without push times: latest first, then versions highest first, then names descending. */
  static int byRecency(Tag a, Tag b) {
    int la = a.name().equals("latest") ? 0 : 1;
    int lb = b.name().equals("latest") ? 0 : 1;
    if (la != lb) {
      return Integer.compare(la, lb);
    }
    long[] va = version(a.name());
    long[] vb = version(b.name());
    if (va != null && vb != null) {
      for (int i = 0; i < 3; i++) {
        if (va[i] != vb[i]) {
          return Long.compare(vb[i], va[i]);
        }
      }
      return b.name().compareTo(a.name());
    }
    if (va != null || vb != null) {
      return va != null ? -1 : 1;
    }
    return b.name().compareTo(a.name());
  }

  static long[] version(String tag) {
    Matcher m = VERSION.matcher(tag.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long[] v = new long[3];
    for (int i = 0; i < 3; i++) {
      String g = m.group(i + 1);
      try {
        v[i] = g == null ? 0 : Long.parseLong(g);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return v;
  }
}
