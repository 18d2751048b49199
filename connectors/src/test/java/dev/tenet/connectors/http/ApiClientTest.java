package dev.tenet.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.http.StubServer.Reply;
import dev.tenet.core.credentials.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientTest {
  private StubServer server;
  private final List<Duration> slept = new ArrayList<>();
  private final List<String> waits = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private final List<String> reused = new ArrayList<>();
  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    server = new StubServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ApiClient.Builder client(ResponseCache cache) {
    return ApiClient.builder(server.base(), "Test")
        .auth(Auth.bearer(Secret.of("tok-123")))
        .cache(cache)
        .policy(HttpPolicy.defaults().withBackoff(Duration.ofMillis(1)))
        .sleeper(slept::add)
        .observer(
            new ApiClient.Observer() {
              @Override
              public void requestSent(String path, int status, boolean notModified) {
                sent.add(path + " " + status);
              }

              @Override
              public void waiting(Duration duration, String reason) {
                waits.add(duration.toSeconds() + "s " + reason);
              }

              @Override
              public void reused(String path) {
                reused.add(path);
              }
            });
  }

  @Test
  void revalidatesWithTheStoredEtagAndServesTheCachedBodyOn304() throws Exception {
    server.on(
        "/things",
        Reply.json(200, "[1,2]", "ETag", "W/\"v1\""),
        Reply.json(304, null, "ETag", "W/\"v1\""));
    DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));
    assertThat(client(cache).build().getJson("/things").size()).isEqualTo(2);
    ApiResponse again = client(cache).build().get("/things");
    assertThat(again.notModified()).isTrue();
    assertThat(again.json().size()).isEqualTo(2);
    assertThat(server.requestsTo("/things").get(1).headers())
        .containsEntry("if-none-match", "W/\"v1\"");
    assertThat(sent).containsExactly("/things 200", "/things 304");
  }

  @Test
  void retriesA502AndTellsTheRateLimitWaitBeforeGoingOn() throws Exception {
    server.on(
        "/flaky",
        Reply.json(502, "{\"message\":\"Server Error\"}"),
        Reply.json(200, "{\"ok\":true}"));
    server.on(
        "/limited",
        Reply.json(
            403, "{\"message\":\"You have exceeded a secondary rate limit.\"}", "Retry-After", "7"),
        Reply.json(200, "{\"ok\":true}"));
    ApiClient api = client(ResponseCache.NONE).build();
    assertThat(api.getJson("/flaky").path("ok").asBoolean()).isTrue();
    assertThat(api.getJson("/limited").path("ok").asBoolean()).isTrue();
    assertThat(sent).containsExactly("/flaky 502", "/flaky 200", "/limited 403", "/limited 200");
    assertThat(waits).singleElement().asString().startsWith("7s").contains("rate limit");
    assertThat(slept).contains(Duration.ofSeconds(7));
  }

  @Test
  void retriesATruncatedBody() throws Exception {
    server.on(
        "/cut",
        new Reply(StubServer.TRUNCATED, java.util.Map.of(), null),
        Reply.json(200, "[1,2,3]"));
    assertThat(client(ResponseCache.NONE).build().getJson("/cut").size()).isEqualTo(3);
    assertThat(sent).containsExactly("/cut 0", "/cut 200");
  }

  @Test
  void waitsForTheResetWhenTheRemainingBudgetIsZero() throws Exception {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    long reset = now.getEpochSecond() + 30;
    server.on(
        "/a",
        Reply.json(
            200, "{}", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));
    server.on("/b", Reply.json(200, "{}"));
    ApiClient api = client(ResponseCache.NONE).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    api.get("/a");
    api.get("/b");
    assertThat(slept).containsExactly(Duration.ofSeconds(31));
    assertThat(waits).singleElement().asString().contains("used up");
  }

  @Test
  void aServerErrorThatPersistsFailsWithTheAttemptsCounted() {
    server.always("/down", Reply.json(503, "{}"));
    assertThatThrownBy(() -> client(ResponseCache.NONE).build().get("/down"))
        .isInstanceOf(ApiException.class)
        .hasMessage("/down: 503 Service Unavailable after 4 attempts");
  }

  @Test
  void refusesToSendTheTokenToAnotherHostAndDropsItOnCrossOriginRedirects() throws Exception {
    ApiClient api = client(ResponseCache.NONE).build();
    assertThatThrownBy(() -> api.get("https://evil.example.com/x"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("refused to send the Test token to https://evil.example.com");
    try (StubServer other = new StubServer()) {
      other.on("/landing", Reply.json(200, "{}"));
      server.on(
          "/moved", new Reply(302, java.util.Map.of("Location", other.base() + "/landing"), null));
      api.get("/moved");
      assertThat(server.requestsTo("/moved").get(0).headers()).containsKey("authorization");
      assertThat(other.requestsTo("/landing").get(0).headers()).doesNotContainKey("authorization");
    }
  }

  @Test
  void renewsTheCredentialOnceAfterA401() throws Exception {
    AtomicInteger renewals = new AtomicInteger();
    String[] token = {"old"};
    Auth refreshing =
        new Auth() {
          @Override
          public void apply(Auth.Headers request) {
            request.set("Authorization", "Bearer " + token[0]);
          }

          @Override
          public boolean renew() {
            renewals.incrementAndGet();
            token[0] = "new";
            return true;
          }
        };
    server.on("/me", Reply.json(401, "{\"message\":\"Bad credentials\"}"), Reply.json(200, "{}"));
    client(ResponseCache.NONE).auth(refreshing).build().get("/me");
    assertThat(renewals).hasValue(1);
    assertThat(server.requestsTo("/me").get(1).headers())
        .containsEntry("authorization", "Bearer new");
    server.always("/never", Reply.json(401, "{\"message\":\"Bad credentials\"}"));
    assertThatThrownBy(() -> client(ResponseCache.NONE).auth(refreshing).build().get("/never"))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).kind())
        .isEqualTo(ApiException.Kind.UNAUTHORIZED);
    assertThat(renewals).hasValue(2);
  }

  @Test
  void postsJsonWithTheTokenAndNeverCachesIt() throws Exception {
    server.on("/exchange", Reply.json(201, "{\"token\":\"x\"}", "ETag", "\"e\""));
    DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));
    ApiResponse r = client(cache).build().post("/exchange", "{\"a\":1}");
    assertThat(r.status()).isEqualTo(201);
    StubServer.Received req = server.requestsTo("/exchange").get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.body()).isEqualTo("{\"a\":1}");
    assertThat(req.headers()).containsEntry("authorization", "Bearer tok-123");
    assertThat(cache.get(server.base() + "/exchange")).isEmpty();
  }

  @Test
  void aResumedScanReusesWhatTheInterruptedOneFetchedIncludingNotFound() throws Exception {
    server.always("/one", Reply.json(200, "{\"n\":1}", "ETag", "\"1\""));
    server.always("/gone", Reply.json(404, "{\"message\":\"Branch not protected\"}"));
    server.always("/two", Reply.json(200, "{\"n\":2}", "ETag", "\"2\""));
    Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
    DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));

    assertThat(cache.beginScan(t0, Duration.ofHours(12))).isEmpty();
    ApiClient first = client(cache).clock(Clock.fixed(t0.plusSeconds(5), ZoneOffset.UTC)).build();
    first.get("/one");
    assertThatThrownBy(() -> first.get("/gone")).isInstanceOf(ApiException.class);
    // ... interrupted here: finishScan() never called.

    Instant t1 = t0.plusSeconds(600);
    Instant resumeFrom = cache.beginScan(t1, Duration.ofHours(12)).orElseThrow();
    assertThat(resumeFrom).isEqualTo(t0);
    sent.clear();
    ApiClient resumed =
        client(cache)
            .clock(Clock.fixed(t1, ZoneOffset.UTC))
            .reuseResponsesSince(resumeFrom)
            .build();
    assertThat(resumed.getJson("/one").path("n").asInt()).isEqualTo(1);
    assertThatThrownBy(() -> resumed.get("/gone"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Branch not protected");
    resumed.get("/two");
    assertThat(reused).containsExactly("/one", "/gone");
    assertThat(sent).containsExactly("/two 200");
    cache.finishScan();
    assertThat(cache.beginScan(t1.plusSeconds(60), Duration.ofHours(12))).isEmpty();
  }

  @Test
  void anInterruptedScanTooOldIsNotResumed() {
    DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));
    Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
    cache.beginScan(t0, Duration.ofHours(12));
    assertThat(cache.beginScan(t0.plus(Duration.ofHours(13)), Duration.ofHours(12))).isEmpty();
  }

  @Test
  void cacheEntriesOfAnotherFormatAreMissesNotErrors() throws Exception {
    Path folder = temp.resolve("cache");
    DiskResponseCache cache = new DiskResponseCache(folder);
    String url = server.base() + "/x";
    cache.put(
        url,
        new ResponseCache.Entry("\"e\"", null, java.util.Map.of(), new byte[] {1}, Instant.EPOCH));
    assertThat(cache.get(url)).isPresent();
    try (var files = java.nio.file.Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".gz")).toList()) {
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(old))) {
          out.writeUTF(url); // The first format began with the URL itself.
          out.writeUTF("\"e\"");
        }
        java.nio.file.Files.write(f, old.toByteArray());
      }
    }
    assertThat(cache.get(url)).isEmpty();
  }

  @Test
  void keptHeadersTravelWithCachedBodies() throws Exception {
    server.on(
        "/org",
        Reply.json(200, "{}", "ETag", "\"o\"", "X-OAuth-Scopes", "repo, read:org"),
        Reply.json(304, null, "ETag", "\"o\"", "X-OAuth-Scopes", "repo, read:org"));
    DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));
    client(cache).keepHeader("X-OAuth-Scopes").build().get("/org");
    ApiResponse cached = client(cache).keepHeader("X-OAuth-Scopes").build().get("/org");
    assertThat(cached.notModified()).isTrue();
    assertThat(cached.header("x-oauth-scopes")).contains("repo, read:org");
  }

  @Test
  void followsLinkPagination() throws Exception {
    server.on(
        "/items?per_page=2",
        Reply.json(
            200, "[1,2]", "Link", "<" + server.base() + "/items?per_page=2&page=2>; rel=\"next\""));
    server.on("/items?per_page=2&page=2", Reply.json(200, "[3]"));
    assertThat(client(ResponseCache.NONE).build().getAllPages("/items?per_page=2")).hasSize(3);
  }

  @Test
  void plainHttpIsRefusedExceptOnLoopback() {
    assertThatThrownBy(() -> ApiClient.checkBaseUrl("http://github.example.com/api/v3", "GitHub"))
        .hasMessageContaining("HTTPS only");
    assertThat(ApiClient.checkBaseUrl("http://127.0.0.1:8080/api/v3", "GitHub").getPort())
        .isEqualTo(8080);
  }
}
