package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.http.RecordingServer.Answer;
import dev.tenet.connectors.http.RecordingServer.Received;
import dev.tenet.core.credentials.Secret;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token goes only to its connection's origin: two real servers on loopback, one the API and one
 * another origin it redirects to, prove the second never receives the token.
 */
class ApiClientTokenBindingTest {
  static final String TOKEN = "ghp_BindingCanary0123456789abcdefABCDEF";

  RecordingServer api;
  RecordingServer other;

  @BeforeEach
  void start() throws Exception {
    api = RecordingServer.http();
    other = RecordingServer.http();
  }

  @AfterEach
  void stop() {
    api.close();
    other.close();
  }

  ApiClient client(Auth auth) {
    return ApiClient.builder(api.url("/api"), "GitHub").auth(auth).build();
  }

  @Test
  void aRedirectToAnotherOriginIsFollowedWithoutTheToken() throws Exception {
    api.answer("/api/orgs/acme", Answer.redirect(other.url("/landing").toString()));
    other.answer("/landing", Answer.json("{\"login\":\"acme\"}"));

    ApiResponse response = client(Auth.bearer(Secret.of(TOKEN))).get("/orgs/acme");

    assertThat(response.json().path("login").asText()).isEqualTo("acme");
    assertThat(api.received())
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(other.received())
        .singleElement()
        .satisfies(ApiClientTokenBindingTest::noCredentials);
  }

  @Test
  void onceRedirectedAwayItNeverSendsTheTokenAgainEvenBackHome() throws Exception {
    api.answer("/api/start", Answer.redirect(other.url("/bounce").toString()));
    other.answer("/bounce", Answer.redirect(api.url("/api/landing").toString()));
    api.answer("/api/landing", Answer.json("{}"));

    client(Auth.bearer(Secret.of(TOKEN))).get("/start");

    List<Received> home = api.received();
    assertThat(home).extracting(Received::path).containsExactly("/api/start", "/api/landing");
    assertThat(home.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    noCredentials(home.get(1));
    assertThat(other.received())
        .singleElement()
        .satisfies(ApiClientTokenBindingTest::noCredentials);
  }

  @Test
  void aSameOriginRedirectKeepsTheToken() throws Exception {
    api.answer("/api/repos/acme/old", Answer.redirect("/api/repos/acme/new"));
    api.answer("/api/repos/acme/new", Answer.json("{}"));

    client(Auth.bearer(Secret.of(TOKEN))).get("/repos/acme/old");

    assertThat(api.received())
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN);
    assertThat(other.received()).isEmpty();
  }

  @Test
  void aPrivateTokenHeaderIsDroppedTheSameWay() throws Exception {
    api.answer("/api/groups/acme", Answer.redirect(other.url("/landing").toString()));

    client(Auth.header("PRIVATE-TOKEN", Secret.of(TOKEN))).get("/groups/acme");

    assertThat(api.received().get(0).header("PRIVATE-TOKEN")).isEqualTo(TOKEN);
    assertThat(other.received())
        .singleElement()
        .satisfies(ApiClientTokenBindingTest::noCredentials);
  }

  @Test
  void aPaginationLinkToAnotherOriginIsRefusedBeforeAnyRequest() {
    api.answer(
        "/api/orgs/acme/members",
        new Answer(
            200,
            java.util.Map.of(
                "Content-Type",
                "application/json",
                "Link",
                "<" + other.url("/api/orgs/acme/members?page=2") + ">; rel=\"next\""),
            "[{\"login\":\"alice\"}]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThatThrownBy(
            () -> client(Auth.bearer(Secret.of(TOKEN))).getAllPages("/orgs/acme/members"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiException.Kind.REFUSED))
        .hasMessageContaining("refused to send the GitHub token to http://127.0.0.1")
        .hasMessageNotContaining(TOKEN);
    assertThat(other.received()).isEmpty();
  }

  @Test
  void plainHttpIsRefusedExceptOnLoopback() {
    assertThatThrownBy(() -> ApiClient.checkBaseUrl("http://github.example.com/api/v3", "GitHub"))
        .hasMessage(
            "Tenet sends tokens over HTTPS only: use https://github.example.com (plain http is"
                + " allowed for loopback addresses).");
    assertThatThrownBy(() -> ApiClient.checkBaseUrl("https://user:pw@github.example.com", "GitHub"))
        .hasMessage("The GitHub URL must not contain credentials, a query or a fragment.");
    assertThat(ApiClient.checkBaseUrl("http://127.0.0.1:8080/api", "GitHub"))
        .isEqualTo(URI.create("http://127.0.0.1:8080/api"));
  }

  static void noCredentials(Received r) {
    assertThat(r.header("Authorization")).as("Authorization at " + r.path()).isNull();
    assertThat(r.header("PRIVATE-TOKEN")).as("PRIVATE-TOKEN at " + r.path()).isNull();
    assertThat(r.headers().toString()).doesNotContain(TOKEN);
  }
}
