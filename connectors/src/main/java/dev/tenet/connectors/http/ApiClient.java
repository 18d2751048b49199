package dev.tenet.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.Tenet;
import dev.tenet.core.credentials.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one HTTP policy every connector uses: the token goes only to the connection's own origin
 * (scheme, host and port), HTTPS is required except on loopback, TLS is always verified, requests
 * are conditional when an earlier response is cached, rate limits are waited out (and the wait is
 * reported), transient faults are retried with backoff, and every request is counted.
 */
public final class ApiClient {
  /** Sees every request sent and every wait, e.g. to count them and show progress. */
  public interface Observer {
    Observer NONE = new Observer() {};

    default void requestSent(String path, int status, boolean notModified) {}

    default void waiting(Duration duration, String reason) {}

    /** A response stored by an interrupted scan was reused while resuming it: no request. */
    default void reused(String path) {}
  }

  /** Pauses between attempts; tests replace it to run instantly. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final List<String> KEPT_HEADERS =
      List.of("link", "x-next-page", "x-page", "x-total", "x-total-pages", "content-type");
  private final List<String> keptHeaders;
  private static final int MAX_REDIRECTS = 5;

  /** Largest response body read; GitHub's and GitLab's largest pages are a few MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  /** Requests at FINE (DEBUG), through the redaction layer: never a credential header. */
  private static final System.Logger LOG = System.getLogger("dev.tenet.connectors.http");

  private static final int MAX_RATE_LIMIT_WAITS = 5;

  private final URI base;
  private final String baseText;
  private final String platformName;
  private final Auth auth;
  private final Map<String, String> headers;
  private final HttpPolicy policy;
  private final ResponseCache cache;
  private final Observer observer;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Instant reuseSince;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final Pattern neverStore;
  private final LimitedBody bodies;
  private final ChallengeResponder challenges;

  private final Object rateLock = new Object();
  private long rateRemaining = -1;
  private Instant rateReset;

  private ApiClient(Builder b) {
    this.base = b.base;
    String text = b.base.toString();
    this.baseText = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.platformName = b.platformName;
    this.auth = b.auth;
    this.headers = Map.copyOf(b.headers);
    this.policy = b.policy;
    this.cache = b.cache;
    this.observer = b.observer;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.neverStore = b.neverStore;
    this.reuseSince = b.reuseSince;
    List<String> kept = new ArrayList<>(KEPT_HEADERS);
    b.keptHeaders.forEach(h -> kept.add(h.toLowerCase(Locale.ROOT)));
    this.keptHeaders = List.copyOf(kept);
    this.challenges = b.challenges;
    this.inFlight = new Semaphore(Math.max(1, policy.maxConcurrency()));
    this.bodies = new LimitedBody(b.maxResponseBytes);
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(policy.connectTimeout())
            .version(
                "https".equals(base.getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1);
    policy.caBundle().ifPresent(pem -> http.sslContext(TrustBundles.withExtraCertificates(pem)));
    policy.proxy().ifPresent(address -> http.proxy(ProxyRoutes.through(address)));
    this.http = http.build();
  }

  public static Builder builder(URI base, String platformName) {
    return new Builder(base, platformName);
  }

  public URI base() {
    return base;
  }

  /** GETs a path below the base URL (or an absolute URL on the same origin). */
  public ApiResponse get(String pathOrUrl) throws ApiException, InterruptedException {
    return get(pathOrUrl, Map.of());
  }

  /**
   * GETs with headers of this request only, e.g. the media types a registry may answer with. They
   * never carry a credential: credentials come from the client's {@link Auth}.
   */
  public ApiResponse get(String pathOrUrl, Map<String, String> requestHeaders)
      throws ApiException, InterruptedException {
    String url = absolute(pathOrUrl);
    String path = display(url);
    inFlight.acquire();
    try {
      return send("GET", url, path, null, requestHeaders);
    } finally {
      inFlight.release();
    }
  }

  /**
   * POSTs a JSON body to a path below the base URL, for the few calls that exchange credentials
   * (e.g. an app installation token). Never cached; retried like a GET on transient faults.
   */
  public ApiResponse post(String path, String jsonBody) throws ApiException, InterruptedException {
    String url = absolute(path);
    inFlight.acquire();
    try {
      return send("POST", url, display(url), jsonBody.getBytes(StandardCharsets.UTF_8), Map.of());
    } finally {
      inFlight.release();
    }
  }

  public JsonNode getJson(String pathOrUrl) throws ApiException, InterruptedException {
    return get(pathOrUrl).json();
  }

  /** Every element of a paginated array, following {@code Link: rel="next"}. */
  public List<JsonNode> getAllPages(String path) throws ApiException, InterruptedException {
    return getAllPages(path, null);
  }

  /**
   * Every element of a paginated list whose pages are objects holding the array in {@code
   * arrayField} (e.g. GitHub's {@code {"total_count": 3, "secrets": [...]}}).
   */
  public List<JsonNode> getAllPages(String path, String arrayField)
      throws ApiException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    String next = path;
    int pages = 0;
    while (next != null) {
      ApiResponse page = get(next);
      JsonNode body = page.json();
      JsonNode array = arrayField == null ? body : body.path(arrayField);
      if (!array.isArray()) {
        throw new ApiException(
            ApiException.Kind.INVALID_RESPONSE,
            page.status(),
            display(page.url()),
            "the response of " + display(page.url()) + " is not a list");
      }
      array.forEach(items::add);
      next = nextLink(page.header("link").orElse(null));
      if (++pages > 10_000) {
        throw new ApiException(
            ApiException.Kind.INVALID_RESPONSE, 200, display(path), "pagination never ends");
      }
    }
    return items;
  }

  static String nextLink(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = LINK_NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  private ApiResponse send(
      String method, String url, String path, byte[] body, Map<String, String> requestHeaders)
      throws ApiException, InterruptedException {
    boolean get = method.equals("GET");
    boolean storable = get && (neverStore == null || !neverStore.matcher(path).find());
    Optional<ResponseCache.Entry> cached = storable ? cache.get(url) : Optional.empty();
    if (cached.isPresent() && reuseSince != null && !cached.get().storedAt().isBefore(reuseSince)) {
      // Fetched by the interrupted scan this one resumes: not asked again.
      ResponseCache.Entry e = cached.get();
      observer.reused(path);
      if (e.status() >= 400) {
        throw clientError(e.status(), path, e.body());
      }
      return new ApiResponse(url, 200, headersOf(e.headers()), e.body(), true);
    }
    int attempt = 0;
    int rateWaits = 0;
    boolean renewed = false;
    String current = url;
    boolean sameOrigin = true;
    int redirects = 0;
    // A credential the origin asked for through a challenge (e.g. a registry's bearer token).
    String challenged =
        challenges == null ? null : challenges.knownAuthorization(path).orElse(null);
    boolean answered = false;
    while (true) {
      waitForRateLimit(path);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(current))
              .timeout(policy.requestTimeout())
              .header("User-Agent", Tenet.tool().replace(' ', '/'));
      if (get) {
        request.GET();
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      }
      headers.forEach(request::setHeader);
      requestHeaders.forEach(request::setHeader);
      if (sameOrigin) {
        auth.apply(request::setHeader);
        if (challenged != null) {
          request.setHeader("Authorization", challenged);
        }
        if (cached.isPresent() && cached.get().revalidatable() && current.equals(url)) {
          ResponseCache.Entry e = cached.get();
          if (e.etag() != null) {
            request.setHeader("If-None-Match", e.etag());
          } else {
            request.setHeader("If-Modified-Since", e.lastModified());
          }
        }
      }
      HttpResponse<byte[]> response;
      HttpRequest built = request.build();
      try {
        response = http.send(built, bodies);
      } catch (IOException e) {
        observer.requestSent(path, 0, false);
        LimitedBody.TooLarge tooLarge = LimitedBody.TooLarge.in(e);
        if (tooLarge != null) {
          throw new ApiException(
              ApiException.Kind.INVALID_RESPONSE,
              0,
              path,
              "the response of "
                  + path
                  + " is "
                  + tooLarge.getMessage()
                  + "; Tenet does not read it");
        }
        logRequest(built, sameOrigin, "failed (" + e.getClass().getSimpleName() + ")");
        ApiException failure = networkFailure(e, path, attempt + 1);
        if (failure.kind() == ApiException.Kind.REFUSED || ++attempt >= policy.maxAttempts()) {
          throw failure;
        }
        backoff(attempt);
        continue;
      }
      int status = response.statusCode();
      logRequest(built, sameOrigin, String.valueOf(status));
      observer.requestSent(path, status, status == 304);
      updateRateLimit(response.headers());

      if (status == 304 && cached.isPresent() && cached.get().revalidatable()) {
        ResponseCache.Entry e = cached.get();
        if (reuseSince != null) {
          // Still current: restamp it so that resuming this scan would not ask again.
          cache.put(
              url,
              new ResponseCache.Entry(
                  200, e.etag(), e.lastModified(), e.headers(), e.body(), clock.instant()));
        }
        return new ApiResponse(url, 200, merged(response.headers(), e.headers()), e.body(), true);
      }
      if (status >= 200 && status < 300) {
        if (storable) {
          storeInCache(url, 200, response);
        }
        return new ApiResponse(url, status, response.headers(), response.body(), false);
      }
      if (get
          && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null || ++redirects > MAX_REDIRECTS) {
          throw new ApiException(
              ApiException.Kind.INVALID_RESPONSE, status, path, path + ": too many redirects");
        }
        URI target = URI.create(current).resolve(location);
        if ("https".equals(URI.create(current).getScheme())
            && !"https".equals(target.getScheme())) {
          throw new ApiException(
              ApiException.Kind.REFUSED,
              status,
              path,
              path + ": refused a redirect from HTTPS to plain HTTP");
        }
        // A redirect to another origin is followed without the token: it belongs to this host.
        sameOrigin = sameOrigin && sameOrigin(target);
        current = target.toString();
        continue;
      }
      if (isRateLimited(status, response)) {
        Duration wait = rateLimitWait(response.headers());
        if (++rateWaits > MAX_RATE_LIMIT_WAITS || wait.compareTo(policy.maxRateLimitWait()) > 0) {
          throw new ApiException(
              ApiException.Kind.RATE_LIMITED,
              status,
              path,
              path + ": " + platformName + " rate limit exhausted for another " + humanize(wait));
        }
        observer.waiting(wait, platformName + " rate limit reached; resuming after the reset");
        sleeper.sleep(wait);
        continue;
      }
      if (status == 401 && sameOrigin && !renewed && auth.renew()) {
        renewed = true;
        continue;
      }
      if (status == 401 && sameOrigin && challenges != null && !answered) {
        Optional<String> challenge = response.headers().firstValue("www-authenticate");
        if (challenge.isPresent()) {
          answered = true;
          Optional<String> answer = challenges.answer(path, challenge.get());
          if (answer.isPresent()) {
            challenged = answer.get();
            continue;
          }
        }
      }
      if (status >= 500 && status <= 599) {
        if (++attempt < policy.maxAttempts()) {
          backoff(attempt);
          continue;
        }
        throw new ApiException(
            ApiException.Kind.SERVER_ERROR,
            status,
            path,
            path + ": " + statusText(status) + " after " + attempt + " attempts");
      }
      if (storable && (status == 403 || status == 404 || status == 410) && current.equals(url)) {
        storeInCache(url, status, response);
      }
      throw clientError(status, path, response.body());
    }
  }

  private static void logRequest(HttpRequest request, boolean withCredentials, String outcome) {
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      // Each header value goes through the redaction layer on its own (a credential header is
      // masked whole), so one header's masking never swallows the others.
      LOG.log(
          System.Logger.Level.DEBUG,
          Redactor.redact(request.method() + " " + request.uri() + " -> " + outcome)
              + (withCredentials ? "" : " (other origin: sent without credentials)")
              + " headers "
              + Redactor.headers(request.headers().map()));
    }
  }

  private void storeInCache(String url, int status, HttpResponse<byte[]> response) {
    HttpHeaders h = response.headers();
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : keptHeaders) {
      h.firstValue(name).ifPresent(v -> kept.put(name, v));
    }
    cache.put(
        url,
        new ResponseCache.Entry(
            status,
            status == 200 ? h.firstValue("etag").orElse(null) : null,
            status == 200 ? h.firstValue("last-modified").orElse(null) : null,
            kept,
            response.body(),
            clock.instant()));
  }

  /** The live headers of a 304, with the stored ones (pagination links) of the cached body. */
  private static HttpHeaders merged(HttpHeaders live, Map<String, String> stored) {
    Map<String, List<String>> multi = new LinkedHashMap<>(live.map());
    stored.forEach((k, v) -> multi.put(k, List.of(v)));
    return HttpHeaders.of(multi, (a, b) -> true);
  }

  private static HttpHeaders headersOf(Map<String, String> map) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    map.forEach((k, v) -> multi.put(k, List.of(v)));
    return HttpHeaders.of(multi, (a, b) -> true);
  }

  private void updateRateLimit(HttpHeaders h) {
    Optional<String> remaining =
        h.firstValue("x-ratelimit-remaining").or(() -> h.firstValue("ratelimit-remaining"));
    Optional<String> reset =
        h.firstValue("x-ratelimit-reset").or(() -> h.firstValue("ratelimit-reset"));
    if (remaining.isEmpty()) {
      return;
    }
    synchronized (rateLock) {
      try {
        rateRemaining = Long.parseLong(remaining.get().trim());
        rateReset = reset.map(r -> Instant.ofEpochSecond(Long.parseLong(r.trim()))).orElse(null);
      } catch (NumberFormatException ignored) {
        rateRemaining = -1;
      }
    }
  }

  private void waitForRateLimit(String path) throws ApiException, InterruptedException {
    Duration wait;
    synchronized (rateLock) {
      if (rateRemaining != 0 || rateReset == null) {
        return;
      }
      wait = Duration.between(clock.instant(), rateReset).plusSeconds(1);
    }
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    if (wait.compareTo(policy.maxRateLimitWait()) > 0) {
      throw new ApiException(
          ApiException.Kind.RATE_LIMITED,
          429,
          path,
          path + ": " + platformName + " rate limit exhausted for another " + humanize(wait));
    }
    observer.waiting(wait, platformName + " rate limit used up; waiting for it to reset");
    sleeper.sleep(wait);
    synchronized (rateLock) {
      rateRemaining = -1;
    }
  }

  private static boolean isRateLimited(int status, HttpResponse<byte[]> response) {
    if (status == 429) {
      return true;
    }
    if (status != 403) {
      return false;
    }
    HttpHeaders h = response.headers();
    if (h.firstValue("retry-after").isPresent()
        || h.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
      return true;
    }
    String body = new String(response.body(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return body.contains("rate limit");
  }

  private Duration rateLimitWait(HttpHeaders h) {
    Optional<String> retryAfter = h.firstValue("retry-after");
    if (retryAfter.isPresent()) {
      String v = retryAfter.get().trim();
      try {
        return Duration.ofSeconds(Math.max(1, Long.parseLong(v)));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Duration.between(clock.instant(), when).plusSeconds(1);
        } catch (DateTimeParseException ignored) {
          // Fall through to the reset header.
        }
      }
    }
    Optional<String> reset =
        h.firstValue("x-ratelimit-reset").or(() -> h.firstValue("ratelimit-reset"));
    if (reset.isPresent()) {
      try {
        Duration d =
            Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get())))
                .plusSeconds(1);
        if (!d.isNegative()) {
          return d;
        }
      } catch (NumberFormatException ignored) {
        // Fall through to the default.
      }
    }
    // GitHub asks clients that get a secondary limit without a hint to wait at least a minute.
    return Duration.ofMinutes(1);
  }

  private void backoff(int attempt) throws InterruptedException {
    sleeper.sleep(policy.backoff().multipliedBy(1L << Math.min(attempt - 1, 6)));
  }

  private ApiException networkFailure(IOException e, String path, int attempt) {
    String host = base.getHost();
    if (e instanceof HttpConnectTimeoutException) {
      return new ApiException(
          ApiException.Kind.TIMEOUT, 0, path, "connecting to " + host + " timed out");
    }
    if (e instanceof HttpTimeoutException) {
      return new ApiException(
          ApiException.Kind.TIMEOUT,
          0,
          path,
          path + ": no answer within " + humanize(policy.requestTimeout()));
    }
    if (e instanceof UnknownHostException || e.getCause() instanceof UnknownHostException) {
      return new ApiException(
          ApiException.Kind.REFUSED,
          0,
          path,
          "the host " + host + " is unknown (DNS lookup failed)");
    }
    if (e instanceof SSLException || e.getCause() instanceof SSLException) {
      return new ApiException(
          ApiException.Kind.REFUSED,
          0,
          path,
          "the TLS certificate of "
              + host
              + " could not be verified (for a private CA, give its certificate bundle)");
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return new ApiException(
          ApiException.Kind.UNREACHABLE,
          0,
          path,
          "cannot connect to " + host + ":" + port(base) + " (connection refused)");
    }
    return new ApiException(
        ApiException.Kind.UNREACHABLE,
        0,
        path,
        path + ": the connection to " + host + " failed (" + simpleName(e) + ")");
  }

  private static String simpleName(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : clean(m, 120);
  }

  private ApiException clientError(int status, String path, byte[] body) {
    String apiMessage = "";
    try {
      JsonNode json = dev.tenet.core.util.Json.mapper().readTree(body);
      apiMessage = clean(json.path("message").asText(""), 160);
    } catch (IOException | RuntimeException notJson) {
      // Some errors come as HTML; the status says enough.
    }
    ApiException.Kind kind =
        switch (status) {
          case 401 -> ApiException.Kind.UNAUTHORIZED;
          case 403 -> ApiException.Kind.FORBIDDEN;
          case 404, 410 -> ApiException.Kind.NOT_FOUND;
          default -> ApiException.Kind.CLIENT_ERROR;
        };
    // GitLab's messages repeat the status ("403 Forbidden"): say it once.
    boolean repeatsStatus = apiMessage.startsWith(String.valueOf(status));
    String text =
        statusText(status) + (apiMessage.isEmpty() || repeatsStatus ? "" : " (" + apiMessage + ")");
    return new ApiException(kind, status, path, text);
  }

  /** Untrusted text from an API, made safe to show in one line. */
  static String clean(String text, int max) {
    String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return oneLine.length() > max ? oneLine.substring(0, max) + "…" : oneLine;
  }

  static String statusText(int status) {
    return switch (status) {
      case 400 -> "400 Bad Request";
      case 401 -> "401 Unauthorized";
      case 403 -> "403 Forbidden";
      case 404 -> "404 Not Found";
      case 409 -> "409 Conflict";
      case 410 -> "410 Gone";
      case 422 -> "422 Unprocessable Entity";
      case 429 -> "429 Too Many Requests";
      case 500 -> "500 Internal Server Error";
      case 502 -> "502 Bad Gateway";
      case 503 -> "503 Service Unavailable";
      case 504 -> "504 Gateway Timeout";
      default -> "HTTP " + status;
    };
  }

  static String humanize(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return (s / 60) + " min";
    }
    return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
  }

  private String absolute(String pathOrUrl) throws ApiException {
    if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
      URI target = URI.create(pathOrUrl);
      if (!sameOrigin(target)) {
        throw new ApiException(
            ApiException.Kind.REFUSED,
            0,
            target.getHost(),
            "refused to send the "
                + platformName
                + " token to "
                + target.getScheme()
                + "://"
                + target.getHost()
                + ", which is not the configured host "
                + base.getHost());
      }
      return pathOrUrl;
    }
    return baseText + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
  }

  private boolean sameOrigin(URI target) {
    return base.getScheme().equalsIgnoreCase(target.getScheme())
        && base.getHost().equalsIgnoreCase(target.getHost())
        && port(base) == port(target);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The URL as shown in messages: below the base, without the host. */
  private String display(String url) {
    return url.startsWith(baseText) ? url.substring(baseText.length()) : url;
  }

  /**
   * Checks a base URL before any token is sent to it: HTTPS, or plain HTTP to a loopback address.
   */
  public static URI checkBaseUrl(String url, String platformName) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a valid URL.");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + url + "' is not a valid " + platformName + " URL (expected https://host/...).");
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "The " + platformName + " URL must not contain credentials, a query or a fragment.");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "Tenet sends tokens over HTTPS only: use https://"
              + uri.getHost()
              + " (plain http is allowed for loopback addresses).");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("'" + url + "' is not an http(s) URL.");
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Builds a client bound to one base URL and its credentials. */
  public static final class Builder {
    private final URI base;
    private final String platformName;
    private Auth auth = Auth.NONE;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpPolicy policy = HttpPolicy.defaults();
    private ResponseCache cache = ResponseCache.NONE;
    private Observer observer = Observer.NONE;
    private Sleeper sleeper = Sleeper.REAL;
    private Clock clock = Clock.systemUTC();
    private Pattern neverStore;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Instant reuseSince;
    private final List<String> keptHeaders = new ArrayList<>();
    private ChallengeResponder challenges;

    private Builder(URI base, String platformName) {
      this.base = checkBaseUrl(base.toString(), platformName);
      this.platformName = platformName;
    }

    public Builder auth(Auth auth) {
      this.auth = auth;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder policy(HttpPolicy policy) {
      this.policy = policy;
      return this;
    }

    public Builder cache(ResponseCache cache) {
      this.cache = cache;
      return this;
    }

    public Builder observer(Observer observer) {
      this.observer = observer;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Paths (below the base, query included) whose responses may carry secret values, e.g. CI/CD
     * variables: they are never written to the response cache, so never asked conditionally.
     */
    public Builder neverStore(Pattern paths) {
      this.neverStore = paths;
      return this;
    }

    /** Largest response body accepted (default {@link ApiClient#DEFAULT_MAX_RESPONSE_BYTES}). */
    public Builder maxResponseBytes(long bytes) {
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Also keeps this response header with cached bodies (e.g. a platform's token scopes), so a
     * body answered from the cache still carries it. Never a header that holds a credential.
     */
    public Builder keepHeader(String name) {
      keptHeaders.add(name);
      return this;
    }

    /**
     * Reuses, without any request, the responses stored since this instant: those of an interrupted
     * scan that this one resumes (see {@link ResponseCache#beginScan}).
     */
    public Builder reuseResponsesSince(Instant since) {
      this.reuseSince = since;
      return this;
    }

    /**
     * Answers authentication challenges of the origin (401 with {@code WWW-Authenticate}), e.g. the
     * bearer-token flow of container registries. The answer is sent to this origin only.
     */
    public Builder challenges(ChallengeResponder challenges) {
      this.challenges = challenges;
      return this;
    }

    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
