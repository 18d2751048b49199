package dev.tenet.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * SDK response objects as JSON in the IAM API's own member names ({@code UserDetailList}, {@code
 * AssumeRolePolicyDocument}...): the shape the CLI exports, so that live and offline reads feed one
 * mapper.
 */
final class SdkJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SdkJson() {}

  static JsonNode of(Object value) {
    return switch (value) {
      case null -> JSON.nullNode();
      case SdkPojo pojo -> pojo(pojo);
      case List<?> list -> {
        ArrayNode array = JSON.arrayNode();
        list.forEach(v -> array.add(of(v)));
        yield array;
      }
      case Map<?, ?> map -> {
        ObjectNode object = JSON.objectNode();
        map.forEach((k, v) -> object.set(String.valueOf(k), of(v)));
        yield object;
      }
      case Boolean b -> JSON.booleanNode(b);
      case Integer i -> JSON.numberNode(i);
      case Long l -> JSON.numberNode(l);
      case Instant t -> JSON.textNode(t.toString());
      case SdkBytes bytes -> JSON.textNode(bytes.asUtf8String());
      default -> JSON.textNode(value.toString());
    };
  }

  private static ObjectNode pojo(SdkPojo pojo) {
    ObjectNode object = JSON.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object v = field.getValueOrDefault(pojo);
      if (v != null) {
        object.set(field.memberName(), of(v));
      }
    }
    return object;
  }
}
