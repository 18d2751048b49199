package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.credentials.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The challenge flow of the HTTP policy against two loopback servers, a registry and its token
 * service: the credential goes to the token service only, the token to the registry only, and a
 * known token is sent up front.
 */
class ChallengeFlowTest {
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> registrySeen = Collections.synchronizedList(new ArrayList<>());
  private final List<String> realmSeen = Collections.synchronizedList(new ArrayList<>());

  private URI serve(Function<HttpExchange, Integer> handler, List<String> log, String body)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            log.add(
                exchange.getRequestURI()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            int status = handler.apply(exchange);
            byte[] bytes = (status == 200 ? body : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private ApiClient client(URI registry, BearerChallenges challenges) {
    return ApiClient.builder(registry, "registry").challenges(challenges).build();
  }

  private BearerChallenges challenges(URI registry, String user, String secret) {
    return new BearerChallenges(
        registry,
        user == null ? null : new BearerChallenges.Credentials(user, Secret.of(secret)),
        HttpPolicy.defaults(),
        ApiClient.Observer.NONE,
        Clock.systemUTC(),
        path -> path.startsWith("/v2/acme/api/") ? "repository:acme/api:pull" : null);
  }

  @Test
  void theCredentialGoesToTheTokenServiceAndTheTokenToTheRegistry() throws Exception {
    URI realm =
        serve(
            e ->
                basic("ci", "s3cret").equals(e.getRequestHeaders().getFirst("Authorization"))
                    ? 200
                    : 401,
            realmSeen,
            "{\"token\":\"registry-token-1\",\"expires_in\":300}");
    URI registry =
        serve(
            e -> {
              if ("Bearer registry-token-1"
                  .equals(e.getRequestHeaders().getFirst("Authorization"))) {
                return 200;
              }
              e.getResponseHeaders()
                  .set(
                      "WWW-Authenticate",
                      "Bearer realm=\""
                          + realm
                          + "/token\",service=\"reg\",scope=\"repository:acme/api:pull\"");
              return 401;
            },
            registrySeen,
            "{\"tags\":[]}");
    ApiClient api = client(registry, challenges(registry, "ci", "s3cret"));
    api.get("/v2/acme/api/tags/list");
    api.get("/v2/acme/api/manifests/v1");
    // One 401, then the token; the second request sends the known token at once.
    assertThat(registrySeen)
        .containsExactly(
            "/v2/acme/api/tags/list null",
            "/v2/acme/api/tags/list Bearer registry-token-1",
            "/v2/acme/api/manifests/v1 Bearer registry-token-1");
    assertThat(realmSeen)
        .containsExactly(
            "/token?service=reg&scope=repository%3Aacme%2Fapi%3Apull " + basic("ci", "s3cret"));
  }

  @Test
  void aBasicChallengeIsAnsweredOnceAndThenUpFront() throws Exception {
    URI registry =
        serve(
            e -> {
              if (basic("ci", "pw").equals(e.getRequestHeaders().getFirst("Authorization"))) {
                return 200;
              }
              e.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Registry Realm\"");
              return 401;
            },
            registrySeen,
            "{}");
    ApiClient api = client(registry, challenges(registry, "ci", "pw"));
    api.get("/v2/");
    api.get("/v2/_catalog");
    assertThat(registrySeen).hasSize(3);
    // Without a credential a Basic challenge cannot be answered: the 401 stands.
    ApiClient anonymous = client(registry, challenges(registry, null, null));
    assertThatThrownBy(() -> anonymous.get("/v2/"))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).kind())
        .isEqualTo(ApiException.Kind.UNAUTHORIZED);
  }

  @Test
  void aTokenServiceWithoutATokenIsAClearFailure() throws Exception {
    URI realm = serve(e -> 200, realmSeen, "{\"nothing\":true}");
    URI registry =
        serve(
            e -> {
              e.getResponseHeaders()
                  .set("WWW-Authenticate", "Bearer realm=\"" + realm + "/token\"");
              return 401;
            },
            registrySeen,
            "{}");
    assertThatThrownBy(() -> client(registry, challenges(registry, "ci", "pw")).get("/v2/"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("answered without a token")
        .hasMessageNotContaining("pw");
  }
}
