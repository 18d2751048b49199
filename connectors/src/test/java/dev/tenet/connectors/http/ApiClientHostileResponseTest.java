package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tenet.connectors.http.RecordingServer.Answer;
import dev.tenet.core.credentials.Secret;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What an API sends is untrusted: bodies are bounded, and request logging hides credentials. */
class ApiClientHostileResponseTest {
  static final String TOKEN = "ghp_LogCanary0123456789abcdefABCDEFGHIJK";

  @Test
  void anOversizedBodyIsAnInvalidResponseWithOrWithoutALength() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    byte[] chunk = new byte[64 * 1024];
    server.createContext(
        "/api/announced",
        e -> {
          e.sendResponseHeaders(200, 4L * 1024 * 1024);
          try (OutputStream out = e.getResponseBody()) {
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          } catch (java.io.IOException clientGaveUp) {
            // Expected: the client stops reading.
          }
        });
    server.createContext(
        "/api/endless",
        e -> {
          e.sendResponseHeaders(200, 0); // chunked, no length
          try (OutputStream out = e.getResponseBody()) {
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          } catch (java.io.IOException clientGaveUp) {
            // Expected: the client stops reading.
          }
        });
    server.start();
    try {
      ApiClient client =
          ApiClient.builder(
                  URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api"),
                  "GitHub")
              .maxResponseBytes(1024 * 1024)
              .build();
      for (String path : List.of("/announced", "/endless")) {
        assertThatThrownBy(() -> client.get(path))
            .isInstanceOfSatisfying(
                ApiException.class,
                e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.INVALID_RESPONSE))
            .hasMessage(
                "the response of " + path + " is larger than 1 MiB; Tenet does not read it");
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void requestLoggingNeverShowsCredentialHeaders() throws Exception {
    Logger logger = Logger.getLogger("dev.tenet.connectors.http");
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = logger.getLevel();
    logger.setLevel(Level.FINEST);
    logger.addHandler(capture);
    try (RecordingServer api = RecordingServer.http();
        RecordingServer other = RecordingServer.http()) {
      api.answer("/api/x", Answer.redirect(other.url("/y").toString()));
      ApiClient.builder(api.url("/api"), "GitLab")
          .auth(Auth.header("PRIVATE-TOKEN", Secret.of(TOKEN)))
          .header("Cookie", "session=abcdef0123456789")
          .build()
          .get("/x?private_token=leaked-in-a-query");

      assertThat(api.received().get(0).header("PRIVATE-TOKEN")).isEqualTo(TOKEN);
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(before);
    }
    assertThat(records).hasSize(2);
    String logged = records.stream().map(LogRecord::getMessage).reduce("", String::concat);
    assertThat(logged)
        .contains(
            "GET http://127.0.0.1:", "-> 302", "PRIVATE-TOKEN=[[redacted]]", "Cookie=[[redacted]]")
        .contains("private_token=[redacted]", "(other origin: sent without credentials)")
        .doesNotContain(TOKEN, "abcdef0123456789", "leaked-in-a-query");
  }
}
