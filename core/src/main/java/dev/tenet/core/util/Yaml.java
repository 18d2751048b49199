package dev.tenet.core.util;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one Jackson YAML configuration, bounded like {@link Json}, for YAML read into Jackson trees
 * (the weakness catalog, the scoring model, sample organizations). Pipeline files, which need
 * positions, have their own bounded loader in the pipeline package.
 *
 * <p>What bounds it: a document size limit (checked before parsing), a nesting-depth limit, few
 * aliases per document (and Jackson never expands an alias into a copy, so no "billion laughs"), no
 * recursive keys, and duplicate keys rejected. It never constructs Java objects from YAML tags:
 * Jackson reads plain events into its own tree.
 */
public final class Yaml {
  private Yaml() {}

  /** Largest YAML document, in characters; workflow files and configs are far smaller. */
  public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 100;

  /** Aliases per document: enough for real anchors, far too few to expand exponentially. */
  public static final int MAX_ALIASES = 50;

  private static final ObjectMapper MAPPER = create();

  /**
   * A Jackson mapper for YAML, bounded as above. Prefer {@link #readTree}, which checks size first.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a YAML document into a tree, refusing an oversized one before parsing it (parsing is the
   * slow part, so a hostile document should not get that far).
   */
  public static JsonNode readTree(String text) throws IOException {
    if (text.length() > MAX_CODE_POINTS) {
      throw tooLarge();
    }
    return MAPPER.readTree(text);
  }

  /** Parses a YAML document from a stream, reading at most the size limit. */
  public static JsonNode readTree(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_CODE_POINTS + 1);
    if (bytes.length > MAX_CODE_POINTS) {
      throw tooLarge();
    }
    return MAPPER.readTree(bytes);
  }

  private static IOException tooLarge() {
    return new IOException(
        "the YAML document is larger than " + (MAX_CODE_POINTS / (1024 * 1024)) + " MiB");
  }

  private static ObjectMapper create() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(MAX_CODE_POINTS);
    loader.setMaxAliasesForCollections(MAX_ALIASES);
    loader.setAllowRecursiveKeys(false);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setAllowDuplicateKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_CODE_POINTS)
                    .maxDocumentLength(4L * MAX_CODE_POINTS)
                    .build())
            .build();
    return YAMLMapper.builder(factory)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
