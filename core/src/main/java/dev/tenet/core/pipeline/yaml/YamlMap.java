package dev.tenet.core.pipeline.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping, in file order. Keys are compared by their text. */
public final class YamlMap implements YamlNode {
  /** One key and its value. */
  public record Entry(YamlScalar key, YamlNode value) {}

  private final SourceText source;
  private final int startOffset;
  private final int endOffset;
  private final Pos start;
  private final Pos end;
  private final String tag;
  private final Map<String, Entry> entries;
  private final List<Entry> list;
  private final long weight;

  YamlMap(
      SourceText source,
      int startOffset,
      int endOffset,
      Pos start,
      Pos end,
      String tag,
      Map<String, Entry> entries,
      long weight) {
    this.source = source;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.start = start;
    this.end = end;
    this.tag = tag;
    this.entries = entries;
    this.list = List.copyOf(entries.values());
    this.weight = weight;
  }

  /** A map built by a parser (e.g. GitLab's {@code extends} merge), placed at another node. */
  public static YamlMap derived(YamlNode at, List<Entry> entries) {
    Map<String, Entry> map = new LinkedHashMap<>();
    long w = 1;
    for (Entry e : entries) {
      map.put(e.key().value(), e);
      w += e.value().weight();
    }
    return new YamlMap(
        at.source(), at.startOffset(), at.endOffset(), at.start(), at.end(), null, map, w);
  }

  public Optional<YamlNode> get(String key) {
    Entry e = entries.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value of {@code key} if it is a scalar. */
  public Optional<YamlScalar> scalar(String key) {
    return get(key).flatMap(YamlNode::asScalar);
  }

  public Optional<YamlMap> map(String key) {
    return get(key).flatMap(YamlNode::asMap);
  }

  public Optional<YamlSeq> seq(String key) {
    return get(key).flatMap(YamlNode::asSeq);
  }

  /** The text of a scalar value, or empty. */
  public String text(String key) {
    return scalar(key).map(YamlScalar::value).orElse("");
  }

  public List<Entry> entries() {
    return list;
  }

  public int size() {
    return entries.size();
  }

  @Override
  public SourceText source() {
    return source;
  }

  @Override
  public Pos start() {
    return start;
  }

  @Override
  public Pos end() {
    return end;
  }

  @Override
  public int startOffset() {
    return startOffset;
  }

  @Override
  public int endOffset() {
    return endOffset;
  }

  @Override
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  @Override
  public long weight() {
    return weight;
  }
}
