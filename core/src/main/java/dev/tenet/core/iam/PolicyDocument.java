package dev.tenet.core.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed IAM policy document. Parsing is lenient about shape (a single statement or a list,
 * strings or lists of strings) and strict about meaning: an unknown Effect makes the statement a
 * Deny-less no-op rather than an Allow.
 */
public record PolicyDocument(List<Statement> statements) {

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  public static final PolicyDocument EMPTY = new PolicyDocument(List.of());

  /**
   * Parses a document as JSON text, or URL-encoded JSON text as the IAM API returns it.
   *
   * @throws IllegalArgumentException when the text is not a policy document
   */
  public static PolicyDocument parse(String text) {
    String json = text.strip();
    if (json.startsWith("%7B") || json.startsWith("%7b")) {
      json = percentDecode(json);
    }
    try {
      return of(Json.mapper().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The policy document is not valid JSON.", e);
    }
  }

  /**
   * The JSON text of a document given as JSON or as a (URL-encoded) JSON string, as stored in the
   * graph.
   */
  public static String jsonText(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText().strip();
      return text.startsWith("%7B") || text.startsWith("%7b") ? percentDecode(text) : text;
    }
    return node.toString();
  }

  /** A document given as JSON, or as a (URL-encoded) JSON string inside JSON. */
  public static PolicyDocument of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return EMPTY;
    }
    if (node.isTextual()) {
      return parse(node.asText());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("The policy document is not a JSON object.");
    }
    JsonNode raw = node.path("Statement");
    List<Statement> statements = new ArrayList<>();
    if (raw.isArray()) {
      raw.forEach(s -> statements.add(statement(s)));
    } else if (raw.isObject()) {
      statements.add(statement(raw));
    }
    return new PolicyDocument(statements);
  }

  private static Statement statement(JsonNode s) {
    boolean allow = s.path("Effect").asText("").equalsIgnoreCase("Allow");
    boolean notPrincipal = s.has("NotPrincipal");
    JsonNode principalNode = notPrincipal ? s.get("NotPrincipal") : s.path("Principal");
    Map<String, List<String>> principals = new LinkedHashMap<>();
    boolean anyPrincipal = false;
    if (principalNode.isTextual()) {
      anyPrincipal = principalNode.asText().equals("*");
    } else if (principalNode.isObject()) {
      principalNode.properties().forEach(e -> principals.put(e.getKey(), strings(e.getValue())));
    }
    boolean notAction = s.has("NotAction");
    boolean notResource = s.has("NotResource");
    List<Condition> conditions = new ArrayList<>();
    s.path("Condition")
        .properties()
        .forEach(
            op ->
                op.getValue()
                    .properties()
                    .forEach(
                        k ->
                            conditions.add(
                                Condition.of(op.getKey(), k.getKey(), strings(k.getValue())))));
    return new Statement(
        s.path("Sid").asText(""),
        allow,
        principals,
        anyPrincipal,
        notPrincipal,
        strings(notAction ? s.get("NotAction") : s.path("Action")),
        notAction,
        strings(notResource ? s.get("NotResource") : s.path("Resource")),
        notResource,
        conditions);
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(v -> out.add(v.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }

  /** Percent-decoding without turning '+' into a space (IAM encodes per RFC 3986). */
  static String percentDecode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
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
}
