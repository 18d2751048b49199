package dev.tenet.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A successful response (2xx, or a 304 answered from the cache).
 *
 * @param notModified the body came from the cache: the server answered 304, or the response was
 *     stored by the interrupted scan being resumed
 */
public record ApiResponse(
    String url, int status, HttpHeaders headers, byte[] body, boolean notModified) {

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a body that is not JSON is an invalid response. */
  public JsonNode json() throws ApiException {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new ApiException(
          ApiException.Kind.INVALID_RESPONSE,
          status,
          url,
          "the response of " + url + " is not valid JSON");
    }
  }
}
