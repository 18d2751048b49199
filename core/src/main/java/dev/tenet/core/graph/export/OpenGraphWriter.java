package dev.tenet.core.graph.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tenet.core.graph.Attributes;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BloodHound OpenGraph JSON: {@code {"metadata": {"source_kind": "Tenet"}, "graph": {"nodes":
 * [...], "edges": [...]}}}. Nodes carry two kinds, their own ({@code TN_User}, {@code
 * TN_Repository}...) first and {@code TN_Base}, and their attributes as properties (values are
 * primitives or homogeneous arrays, as the schema requires); edges match their ends by id.
 */
final class OpenGraphWriter {
  static final String SOURCE_KIND = "Tenet";
  static final String PREFIX = "TN_";

  private OpenGraphWriter() {}

  static void write(TrustGraph graph, OutputStream out) throws IOException {
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeObjectFieldStart("metadata");
      json.writeStringField("source_kind", SOURCE_KIND);
      json.writeEndObject();
      json.writeObjectFieldStart("graph");
      json.writeArrayFieldStart("nodes");
      for (Entity e : graph.entities()) {
        json.writeStartObject();
        json.writeStringField("id", e.id());
        json.writeArrayFieldStart("kinds");
        json.writeString(nodeKind(e.kind()));
        json.writeString(PREFIX + "Base");
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        json.writeStringField("name", e.name());
        json.writeStringField("displayname", e.name());
        json.writeStringField("objectid", e.id());
        json.writeStringField("tenet_kind", e.kind().id());
        json.writeStringField("tenet_source", e.source());
        properties(
            json, e, List.of("name", "displayname", "objectid", "tenet_kind", "tenet_source"));
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("edges");
      for (Iterator<Relation> it = graph.relations().iterator(); it.hasNext(); ) {
        Relation r = it.next();
        json.writeStartObject();
        json.writeStringField("kind", edgeKind(r.kind()));
        json.writeObjectFieldStart("start");
        json.writeStringField("value", r.from().id());
        json.writeStringField("match_by", "id");
        json.writeEndObject();
        json.writeObjectFieldStart("end");
        json.writeStringField("value", r.to().id());
        json.writeStringField("match_by", "id");
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("tenet_source", r.source());
        properties(json, r, List.of("tenet_source"));
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  /** TN_ and the kind in PascalCase: cloud-role becomes TN_CloudRole. */
  static String nodeKind(EntityKind kind) {
    return PREFIX + pascal(kind.id());
  }

  /** TN_ and the relation in PascalCase: can-write becomes TN_CanWrite. */
  static String edgeKind(RelationKind kind) {
    return PREFIX + pascal(kind.id());
  }

  private static String pascal(String id) {
    StringBuilder s = new StringBuilder();
    for (String part : id.split("-")) {
      s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return s.toString();
  }

  /** Attributes as properties; a reserved name is prefixed, a mixed list becomes text. */
  private static void properties(JsonGenerator json, Attributes a, List<String> reserved)
      throws IOException {
    for (Map.Entry<String, Object> v : a.asMap().entrySet()) {
      String name = reserved.contains(v.getKey()) ? "attr_" + v.getKey() : v.getKey();
      Object value = v.getValue();
      json.writeFieldName(name);
      if (value instanceof List<?> list) {
        boolean allStrings = list.stream().allMatch(i -> i instanceof String);
        boolean allBooleans = list.stream().allMatch(i -> i instanceof Boolean);
        boolean allNumbers = list.stream().allMatch(i -> i instanceof Number);
        boolean allLongs = list.stream().allMatch(i -> i instanceof Long);
        json.writeStartArray();
        for (Object item : list) {
          if (allBooleans) {
            json.writeBoolean((Boolean) item);
          } else if (allLongs) {
            json.writeNumber((Long) item);
          } else if (allNumbers) {
            json.writeNumber(((Number) item).doubleValue());
          } else {
            json.writeString(allStrings ? (String) item : String.valueOf(item));
          }
        }
        json.writeEndArray();
      } else if (value instanceof Boolean b) {
        json.writeBoolean(b);
      } else if (value instanceof Long l) {
        json.writeNumber(l);
      } else if (value instanceof Number n) {
        json.writeNumber(n.doubleValue());
      } else {
        json.writeString(String.valueOf(value));
      }
    }
  }
}
