package dev.tenet.core.pipeline.yaml;

import java.util.List;
import java.util.Optional;

/** A sequence, in file order. */
public final class YamlSeq implements YamlNode {
  private final SourceText source;
  private final int startOffset;
  private final int endOffset;
  private final Pos start;
  private final Pos end;
  private final String tag;
  private final List<YamlNode> items;
  private final long weight;

  YamlSeq(
      SourceText source,
      int startOffset,
      int endOffset,
      Pos start,
      Pos end,
      String tag,
      List<YamlNode> items,
      long weight) {
    this.source = source;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
    this.start = start;
    this.end = end;
    this.tag = tag;
    this.items = List.copyOf(items);
    this.weight = weight;
  }

  /** A sequence built by a parser (e.g. a resolved {@code !reference}), placed at another node. */
  public static YamlSeq derived(YamlNode at, List<YamlNode> items) {
    long w = 1;
    for (YamlNode n : items) {
      w += n.weight();
    }
    return new YamlSeq(
        at.source(), at.startOffset(), at.endOffset(), at.start(), at.end(), null, items, w);
  }

  public List<YamlNode> items() {
    return items;
  }

  public int size() {
    return items.size();
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
