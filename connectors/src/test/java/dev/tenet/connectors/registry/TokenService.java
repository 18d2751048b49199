package dev.tenet.connectors.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A token service as Docker's token specification describes it, for a real Distribution registry
 * configured with {@code auth.token}: it issues ES256 JWTs whose {@code access} claim grants the
 * test user pull and push everywhere, and anonymous callers pull on the repositories made public.
 * The signing key and its self-signed certificate come from the JDK's keytool; the JWT names the
 * key by its libtrust key id, as Distribution expects.
 */
final class TokenService implements AutoCloseable {
  static final String SERVICE = "tenet-test-registry";
  static final String ISSUER = "tenet-test-token-issuer";

  private final HttpServer server;
  private final PrivateKey key;
  private final String keyId;
  private final Path certificate;
  private final String user;
  private final String password;
  private final Set<String> publicRepositories;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private TokenService(
      HttpServer server,
      PrivateKey key,
      String keyId,
      Path certificate,
      String user,
      String password,
      Set<String> publicRepositories) {
    this.server = server;
    this.key = key;
    this.keyId = keyId;
    this.certificate = certificate;
    this.user = user;
    this.password = password;
    this.publicRepositories = publicRepositories;
  }

  static TokenService start(
      Path folder, String user, String password, Set<String> publicRepositories) throws Exception {
    Path store = folder.resolve("token.p12");
    Path cert = folder.resolve("token.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "token",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-sigalg",
        "SHA256withECDSA",
        "-dname",
        "CN=tenet-test-token",
        "-validity",
        "2",
        "-keystore",
        store.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "token",
        "-keystore",
        store.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit",
        "-file",
        cert.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) ks.getKey("token", "changeit".toCharArray());
    Certificate c = ks.getCertificate("token");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    TokenService service =
        new TokenService(
            server, key, libtrustKeyId(c.getPublicKey()), cert, user, password, publicRepositories);
    server.createContext("/token", service::handle);
    server.start();
    return service;
  }

  DistributionRegistry.TokenAuth auth() {
    return new DistributionRegistry.TokenAuth(realm(), SERVICE, ISSUER, certificate);
  }

  URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** Requests seen: "user" or "anonymous", then the scope. */
  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** A token for the test user, for pushing fixtures. */
  String tokenFor(String scope) throws Exception {
    return jwt(user, access(scope, true));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      boolean authenticated = false;
      if (auth != null) {
        String expected =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (!auth.equals(expected)) {
          exchange.sendResponseHeaders(401, -1);
          return;
        }
        authenticated = true;
      }
      List<String> scopes = query.getOrDefault("scope", List.of());
      log.add((authenticated ? "user " : "anonymous ") + String.join(" ", scopes));
      ArrayNode access = JsonNodeFactory.instance.arrayNode();
      for (String scope : scopes) {
        access.addAll(access(scope, authenticated));
      }
      String token = jwt(authenticated ? user : "", access);
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("token", token).put("access_token", token).put("expires_in", 300);
      body.put("issued_at", Instant.now().toString());
      byte[] bytes = Json.mapper().writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (Exception e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private ArrayNode access(String scope, boolean authenticated) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    String[] parts = scope.split(":");
    if (parts.length < 3) {
      return out;
    }
    String type = parts[0];
    String name = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
    List<String> asked = List.of(parts[parts.length - 1].split(","));
    List<String> granted = new ArrayList<>();
    for (String action : asked) {
      if (authenticated
          || (type.equals("repository")
              && action.equals("pull")
              && publicRepositories.contains(name))) {
        granted.add(action);
      }
    }
    ObjectNode entry = out.addObject().put("type", type).put("name", name);
    ArrayNode actions = entry.putArray("actions");
    granted.forEach(actions::add);
    return out;
  }

  private String jwt(String subject, ArrayNode access) {
    try {
      ObjectNode header = JsonNodeFactory.instance.objectNode();
      header.put("typ", "JWT").put("alg", "ES256").put("kid", keyId);
      long now = Instant.now().getEpochSecond();
      ObjectNode claims = JsonNodeFactory.instance.objectNode();
      claims.put("iss", ISSUER).put("sub", subject).put("aud", SERVICE);
      claims.put("exp", now + 300).put("nbf", now - 10).put("iat", now);
      claims.put("jti", UUID.randomUUID().toString());
      claims.set("access", access);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String signingInput =
          b64.encodeToString(Json.mapper().writeValueAsBytes(header))
              + "."
              + b64.encodeToString(Json.mapper().writeValueAsBytes(claims));
      Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
      signer.initSign(key);
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64.encodeToString(signer.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** libtrust's key id: SHA-256 of the DER key, 240 bits, base32 in 12 groups of 4. */
  static String libtrustKeyId(PublicKey key) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    String base32 = base32(java.util.Arrays.copyOf(hash, 30));
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < base32.length(); i += 4) {
      if (i > 0) {
        id.append(':');
      }
      id.append(base32, i, Math.min(base32.length(), i + 4));
    }
    return id.toString();
  }

  private static String base32(byte[] data) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
