package dev.tenet.core.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.core.util.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes a trust graph as gzip-compressed JSON and reads it back; the store keeps it this way. */
public final class GraphCodec {
  public static final String FORMAT = "tenet.graph/v1+json.gz";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private GraphCodec() {}

  public static byte[] encode(TrustGraph graph) {
    ObjectMapper mapper = Json.mapper();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
        JsonGenerator out = mapper.getFactory().createGenerator(gz)) {
      out.writeStartObject();
      out.writeArrayFieldStart("entities");
      for (Entity e : graph.entities()) {
        out.writeStartObject();
        out.writeStringField("id", e.id());
        out.writeStringField("kind", e.kind().id());
        out.writeStringField("name", e.name());
        out.writeStringField("source", e.source());
        out.writeFieldName("attributes");
        mapper.writeValue(out, e.asMap());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeArrayFieldStart("relations");
      Iterator<Relation> it = graph.relations().iterator();
      while (it.hasNext()) {
        Relation r = it.next();
        out.writeStartObject();
        out.writeStringField("from", r.from().id());
        out.writeStringField("to", r.to().id());
        out.writeStringField("kind", r.kind().id());
        out.writeStringField("source", r.source());
        out.writeFieldName("attributes");
        mapper.writeValue(out, r.asMap());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static TrustGraph decode(byte[] data) {
    ObjectMapper mapper = Json.mapper();
    TrustGraph graph = new TrustGraph();
    try (JsonParser in =
        mapper.getFactory().createParser(new GZIPInputStream(new ByteArrayInputStream(data)))) {
      expect(in.nextToken(), JsonToken.START_OBJECT);
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        expect(in.nextToken(), JsonToken.START_ARRAY);
        while (in.nextToken() == JsonToken.START_OBJECT) {
          Map<String, Object> item = mapper.readValue(in, MAP);
          if (field.equals("entities")) {
            Entity e =
                graph.entity(
                    (String) item.get("id"),
                    EntityKind.fromId((String) item.get("kind")),
                    (String) item.get("name"),
                    (String) item.get("source"));
            e.putAll(attributes(item));
          } else {
            graph
                .relate(
                    graph.get((String) item.get("from")),
                    RelationKind.fromId((String) item.get("kind")),
                    graph.get((String) item.get("to")),
                    (String) item.get("source"))
                .putAll(attributes(item));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The stored graph snapshot is unreadable", e);
    }
    return graph;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(Map<String, Object> item) {
    Object attrs = item.get("attributes");
    return attrs instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("Expected " + expected + " but found " + actual);
    }
  }
}
