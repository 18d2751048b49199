package dev.tenet.core.util;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper configuration. Parsing is bounded (nesting depth, string and document size)
 * because much of what Tenet parses comes from APIs and is untrusted.
 */
public final class Json {
  private Json() {}

  /** Deepest nesting accepted; real API responses stay far below it. */
  public static final int MAX_DEPTH = 200;

  private static final ObjectMapper MAPPER = create();

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    JsonMapper mapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(20_000_000)
                .maxDocumentLength(200_000_000L)
                .build());
    return mapper;
  }
}
