package dev.tenet.core.graph.export;

import dev.tenet.core.graph.Attributes;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML: every entity a node (id, kind, name, source, its attributes), every relation a directed
 * edge (kind, source, its attributes). Each attribute name becomes a typed GraphML key: boolean,
 * long or double when every value has that type, string otherwise (lists as JSON text).
 */
final class GraphMlWriter {
  private static final String NS = "http://graphml.graphdrawing.org/xmlns";

  private GraphMlWriter() {}

  /** One GraphML key: the attribute it carries, and the narrowest type all its values fit. */
  private static final class Key {
    final String id;
    final String name;
    String type;

    Key(String id, String name) {
      this.id = id;
      this.name = name;
    }

    void see(Object value) {
      String t =
          switch (value) {
            case Boolean b -> "boolean";
            case Long l -> "long";
            case Integer i -> "long";
            case Double d -> "double";
            default -> "string";
          };
      if (type == null || type.equals(t)) {
        type = t;
      } else if ((type.equals("long") && t.equals("double"))
          || (type.equals("double") && t.equals("long"))) {
        type = "double";
      } else {
        type = "string";
      }
    }
  }

  static void write(TrustGraph graph, OutputStream out) throws IOException {
    Map<String, Key> nodeKeys = new LinkedHashMap<>();
    Map<String, Key> edgeKeys = new LinkedHashMap<>();
    for (String fixed : List.of("kind", "name", "source")) {
      Key k = new Key("n_" + fixed, fixed);
      k.type = "string";
      nodeKeys.put(fixed, k);
    }
    for (String fixed : List.of("kind", "source")) {
      Key k = new Key("e_" + fixed, fixed);
      k.type = "string";
      edgeKeys.put(fixed, k);
    }
    for (Entity e : graph.entities()) {
      collect(e, nodeKeys, "na");
    }
    for (Iterator<Relation> it = graph.relations().iterator(); it.hasNext(); ) {
      collect(it.next(), edgeKeys, "ea");
    }
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("graphml");
      x.writeDefaultNamespace(NS);
      x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      x.writeAttribute(
          "xsi:schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
      x.writeCharacters("\n");
      keys(x, nodeKeys, "node");
      keys(x, edgeKeys, "edge");
      x.writeStartElement("graph");
      x.writeAttribute("id", "tenet");
      x.writeAttribute("edgedefault", "directed");
      x.writeCharacters("\n");
      for (Entity e : graph.entities()) {
        x.writeStartElement("node");
        x.writeAttribute("id", clean(e.id()));
        data(x, nodeKeys.get("kind"), e.kind().id());
        data(x, nodeKeys.get("name"), e.name());
        data(x, nodeKeys.get("source"), e.source());
        attributes(x, e, nodeKeys);
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      long n = 0;
      for (Iterator<Relation> it = graph.relations().iterator(); it.hasNext(); ) {
        Relation r = it.next();
        x.writeStartElement("edge");
        x.writeAttribute("id", "e" + n++);
        x.writeAttribute("source", clean(r.from().id()));
        x.writeAttribute("target", clean(r.to().id()));
        data(x, edgeKeys.get("kind"), r.kind().id());
        data(x, edgeKeys.get("source"), r.source());
        attributes(x, r, edgeKeys);
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IOException("Could not write GraphML: " + e.getMessage(), e);
    }
  }

  private static void collect(Attributes a, Map<String, Key> keys, String prefix) {
    for (Map.Entry<String, Object> v : a.asMap().entrySet()) {
      keys.computeIfAbsent("attr:" + v.getKey(), k -> new Key(prefix + keys.size(), v.getKey()))
          .see(v.getValue());
    }
  }

  private static void keys(XMLStreamWriter x, Map<String, Key> keys, String scope)
      throws XMLStreamException {
    for (Key k : keys.values()) {
      x.writeEmptyElement("key");
      x.writeAttribute("id", k.id);
      x.writeAttribute("for", scope);
      x.writeAttribute("attr.name", clean(k.name));
      x.writeAttribute("attr.type", k.type);
      x.writeCharacters("\n");
    }
  }

  private static void attributes(XMLStreamWriter x, Attributes a, Map<String, Key> keys)
      throws XMLStreamException, IOException {
    for (Map.Entry<String, Object> v : a.asMap().entrySet()) {
      Key k = keys.get("attr:" + v.getKey());
      Object value = v.getValue();
      data(
          x,
          k,
          value instanceof List<?>
              ? Json.mapper().writeValueAsString(value)
              : String.valueOf(value));
    }
  }

  private static void data(XMLStreamWriter x, Key key, String value) throws XMLStreamException {
    if (value == null) {
      return;
    }
    x.writeStartElement("data");
    x.writeAttribute("key", key.id);
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  /** Replaces the characters XML 1.0 cannot carry (control characters, lone surrogates). */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              || (Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!ok) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
