package dev.tenet.core.pipeline.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML into positioned nodes, safely: no object construction (so no tags can instantiate
 * anything), bounded size, nesting, alias count and alias expansion (billion laughs), and no
 * recursion (a deeply nested file cannot overflow the stack). Composes from snakeyaml-engine's
 * event stream itself so every node keeps its exact place in the file.
 */
public final class YamlLoader {
  private final YamlLimits limits;
  private final LoadSettings settings;

  public YamlLoader(YamlLimits limits) {
    this.limits = limits;
    this.settings =
        LoadSettings.builder()
            .setUseMarks(true)
            .setParseComments(false)
            .setCodePointLimit(limits.maxChars() + 1)
            .build();
  }

  private static final YamlLoader STANDARD = new YamlLoader(YamlLimits.standard());

  /** A loader with the standard limits (shared: loading keeps no state between calls). */
  public static YamlLoader standard() {
    return STANDARD;
  }

  /**
   * The documents of the file (empty documents are skipped).
   *
   * @throws YamlException when the text is not YAML or exceeds a limit
   */
  public List<YamlNode> load(SourceText source) throws YamlException {
    String text = source.text();
    if (text.length() > limits.maxChars()) {
      throw new YamlException(
          "the file is "
              + megabytes(text.length())
              + ", larger than the "
              + megabytes(limits.maxChars())
              + " Tenet reads in a pipeline file",
          null);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new YamlException("the file holds binary data, not YAML text", source.position(nul));
    }
    try {
      return compose(source, new ParserImpl(settings, new StreamReader(settings, text)));
    } catch (MarkedYamlEngineException e) {
      Pos at = e.getProblemMark().or(e::getContextMark).map(YamlLoader::pos).orElse(null);
      String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
      throw new YamlException("not valid YAML: " + clean(problem), at);
    } catch (YamlEngineException e) {
      throw new YamlException("not valid YAML: " + clean(e.getMessage()), null);
    }
  }

  private static String megabytes(long chars) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", chars / (1024.0 * 1024.0));
  }

  private static String clean(String message) {
    if (message == null) {
      return "unreadable";
    }
    String first = message.lines().findFirst().orElse("").trim();
    return first.length() > 160 ? first.substring(0, 160) + "…" : first;
  }

  private static Pos pos(Mark m) {
    return new Pos(m.getLine() + 1, m.getColumn() + 1);
  }

  /** A collection being built. */
  private static final class Frame {
    final boolean mapping;
    final Event startEvent;
    final String anchor;
    final String tag;
    final Map<String, YamlMap.Entry> entries;
    final List<YamlNode> items;
    List<YamlNode> merges;
    YamlScalar pendingKey;
    boolean keyPending;
    long weight = 1;

    Frame(boolean mapping, Event startEvent, String anchor, String tag) {
      this.mapping = mapping;
      this.entries = mapping ? new LinkedHashMap<>() : null;
      this.items = mapping ? null : new ArrayList<>();
      this.startEvent = startEvent;
      this.anchor = anchor;
      this.tag = tag;
    }
  }

  private List<YamlNode> compose(SourceText source, ParserImpl parser) throws YamlException {
    List<YamlNode> documents = new ArrayList<>();
    Map<String, YamlNode> anchors = new HashMap<>();
    Deque<Frame> stack = new ArrayDeque<>();
    YamlNode root = null;
    int aliases = 0;
    int docs = 0;
    while (parser.hasNext()) {
      Event ev = parser.next();
      switch (ev.getEventId()) {
        case DocumentStart -> {
          if (++docs > limits.maxDocuments()) {
            throw new YamlException(
                "the file holds more than " + limits.maxDocuments() + " YAML documents",
                start(source, ev));
          }
          anchors.clear();
          aliases = 0;
          root = null;
        }
        case DocumentEnd -> {
          if (root != null) {
            documents.add(root);
          }
          root = null;
        }
        case MappingStart, SequenceStart -> {
          if (stack.size() >= limits.maxDepth()) {
            throw new YamlException(
                "nested deeper than " + limits.maxDepth() + " levels", start(source, ev));
          }
          CollectionStartEvent cs = (CollectionStartEvent) ev;
          stack.push(
              new Frame(
                  ev.getEventId() == Event.ID.MappingStart,
                  ev,
                  anchorOf(cs),
                  cs.getTag().filter(t -> t.startsWith("!") && !t.startsWith("!!")).orElse(null)));
        }
        case MappingEnd, SequenceEnd -> {
          Frame f = stack.pop();
          YamlNode node = finish(source, f, ev);
          if (f.anchor != null) {
            anchors.put(f.anchor, node);
          }
          root = attach(stack, node, root);
        }
        case Scalar -> {
          ScalarEvent se = (ScalarEvent) ev;
          YamlScalar node = scalar(source, se);
          String anchor = anchorOf(se);
          if (anchor != null) {
            anchors.put(anchor, node);
          }
          root = attach(stack, node, root);
        }
        case Alias -> {
          AliasEvent ae = (AliasEvent) ev;
          if (++aliases > limits.maxAliases()) {
            throw new YamlException(
                "more than " + limits.maxAliases() + " alias references (a YAML bomb?)",
                start(source, ev));
          }
          YamlNode target = anchors.get(ae.getAlias().getValue());
          if (target == null) {
            throw new YamlException(
                "alias *" + ae.getAlias().getValue() + " refers to no anchor", start(source, ev));
          }
          root = attach(stack, target, root);
        }
        default -> {
          // Stream start/end and comments carry nothing to keep.
        }
      }
      if (!stack.isEmpty() && stack.peek().weight > limits.maxExpandedNodes()) {
        throw new YamlException(
            "aliases expand to more than " + limits.maxExpandedNodes() + " nodes (a YAML bomb)",
            start(source, stack.peek().startEvent));
      }
    }
    return documents;
  }

  private static String anchorOf(NodeEvent ev) {
    return ev.getAnchor().map(Anchor::getValue).orElse(null);
  }

  private YamlNode attach(Deque<Frame> stack, YamlNode node, YamlNode root) throws YamlException {
    if (stack.isEmpty()) {
      return node;
    }
    Frame parent = stack.peek();
    parent.weight += node.weight();
    if (parent.weight > limits.maxExpandedNodes()) {
      throw new YamlException(
          "aliases expand to more than " + limits.maxExpandedNodes() + " nodes (a YAML bomb)",
          node.start());
    }
    if (!parent.mapping) {
      parent.items.add(node);
      return root;
    }
    if (!parent.keyPending) {
      parent.pendingKey = keyOf(node);
      parent.keyPending = true;
      return root;
    }
    YamlScalar key = parent.pendingKey;
    parent.keyPending = false;
    parent.pendingKey = null;
    if (key.value().equals("<<") && key.style() == YamlScalar.Style.PLAIN) {
      if (parent.merges == null) {
        parent.merges = new ArrayList<>();
      }
      parent.merges.add(node);
    } else {
      // A repeated key replaces the earlier one, as GitHub's and GitLab's parsers do.
      YamlMap.Entry entry = new YamlMap.Entry(key, node);
      if (parent.entries.put(key.value(), entry) != null) {
        parent.entries.remove(key.value());
        parent.entries.put(key.value(), entry);
      }
    }
    return root;
  }

  /** Keys are scalars; a collection used as a key is kept by its raw text. */
  private static YamlScalar keyOf(YamlNode node) {
    if (node instanceof YamlScalar s) {
      return s;
    }
    return new YamlScalar(
        node.source(),
        node.raw().strip(),
        YamlScalar.Style.PLAIN,
        node.startOffset(),
        node.endOffset(),
        node.start(),
        node.end(),
        null);
  }

  private YamlNode finish(SourceText source, Frame f, Event endEvent) {
    int so = offset(source, f.startEvent.getStartMark());
    int eo = offset(source, endEvent.getEndMark());
    Pos s = pos(source, f.startEvent.getStartMark(), so);
    Pos e = pos(source, endEvent.getEndMark(), eo);
    if (!f.mapping) {
      return new YamlSeq(source, so, Math.max(so, eo), s, e, f.tag, f.items, f.weight);
    }
    // Merge keys (<<) add what the map does not set itself, first merge source first.
    for (YamlNode merge : f.merges == null ? List.<YamlNode>of() : f.merges) {
      List<YamlNode> sources = merge instanceof YamlSeq seq ? seq.items() : List.of(merge);
      for (YamlNode src : sources) {
        if (src instanceof YamlMap m) {
          for (YamlMap.Entry entry : m.entries()) {
            f.entries.putIfAbsent(entry.key().value(), entry);
          }
        }
      }
    }
    return new YamlMap(source, so, Math.max(so, eo), s, e, f.tag, f.entries, f.weight);
  }

  private static YamlScalar scalar(SourceText source, ScalarEvent se) {
    int so = offset(source, se.getStartMark());
    int eo = offset(source, se.getEndMark());
    YamlScalar.Style style =
        switch (se.getScalarStyle()) {
          case PLAIN -> YamlScalar.Style.PLAIN;
          case SINGLE_QUOTED -> YamlScalar.Style.SINGLE_QUOTED;
          case LITERAL -> YamlScalar.Style.LITERAL;
          case FOLDED -> YamlScalar.Style.FOLDED;
          default -> YamlScalar.Style.DOUBLE_QUOTED;
        };
    String tag = se.getTag().filter(t -> t.startsWith("!") && !t.startsWith("!!")).orElse(null);
    return new YamlScalar(
        source,
        se.getValue(),
        style,
        so,
        Math.max(so, eo),
        pos(source, se.getStartMark(), so),
        pos(source, se.getEndMark(), eo),
        tag);
  }

  private static int offset(SourceText source, Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return 0;
    }
    Mark m = mark.get();
    if (source.bmpOnly() && !source.text().startsWith("\uFEFF")) {
      return Math.min(m.getIndex(), source.text().length());
    }
    return source.offset(m.getLine() + 1, m.getColumn() + 1);
  }

  private static Pos pos(SourceText source, Optional<Mark> mark, int offset) {
    return mark.map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1)).orElse(new Pos(1, 1));
  }

  private static Pos start(SourceText source, Event ev) {
    return ev.getStartMark().map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1)).orElse(null);
  }
}
