package dev.tenet.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server speaking the IAM Query API (form-encoded POST, XML answers) for one account
 * described by the same files the offline export uses, so that the AWS SDK's real client, signing
 * and pagination run against it. It requires a SigV4 signature with the expected access key id,
 * paginates the authorization details a few roles at a time, makes the credential report wait once,
 * and can refuse actions with 403.
 */
final class IamEmulator implements AutoCloseable {
  static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final Set<String> DOCUMENTS =
      Set.of("AssumeRolePolicyDocument", "PolicyDocument", "Document");
  private static final int ROLES_PER_PAGE = 4;

  private final HttpServer server;
  private final JsonNode authorization;
  private final String reportCsv;
  private final JsonNode providers;
  private final String account;
  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
  final List<String> actions = Collections.synchronizedList(new ArrayList<>());
  final List<String> authorizationHeaders = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger reportPolls = new AtomicInteger();

  IamEmulator(JsonNode authorization, String reportCsv, JsonNode providers, String account)
      throws IOException {
    this.authorization = authorization;
    this.reportCsv = reportCsv;
    this.providers = providers;
    this.account = account;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers this action with the status (403, 500...) from now on. */
  void refuse(String action, int status) {
    refusals.put(action, status);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    Map<String, String> form =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String action = form.getOrDefault("Action", "");
    actions.add(action);
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    authorizationHeaders.add(auth == null ? "" : auth);
    if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/")) {
      error(
          ex,
          403,
          "InvalidClientTokenId",
          "The security token included in the request is invalid.");
      return;
    }
    Integer refused = refusals.get(action);
    if (refused != null) {
      error(
          ex,
          refused,
          refused == 403 ? "AccessDenied" : "ServiceFailure",
          "User: arn:aws:iam::"
              + account
              + ":user/auditor is not authorized to perform: iam:"
              + action);
      return;
    }
    StringBuilder result = new StringBuilder();
    switch (action) {
      case "GetAccountAuthorizationDetails" -> authorizationPage(form.get("Marker"), result);
      case "GenerateCredentialReport" ->
          result.append(
              reportPolls.getAndIncrement() == 0
                  ? "<State>STARTED</State><Description>No report exists. Starting a new report generation task</Description>"
                  : "<State>COMPLETE</State>");
      case "GetCredentialReport" ->
          result
              .append("<Content>")
              .append(
                  Base64.getEncoder().encodeToString(reportCsv.getBytes(StandardCharsets.UTF_8)))
              .append(
                  "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-26T09:00:00Z</GeneratedTime>");
      case "ListOpenIDConnectProviders" -> {
        result.append("<OpenIDConnectProviderList>");
        for (JsonNode p : providers) {
          result.append("<member><Arn>").append(providerArn(p)).append("</Arn></member>");
        }
        result.append("</OpenIDConnectProviderList>");
      }
      case "GetOpenIDConnectProvider" -> {
        String arn = form.get("OpenIDConnectProviderArn");
        for (JsonNode p : providers) {
          if (providerArn(p).equals(arn)) {
            ObjectNode copy = ((ObjectNode) p.deepCopy());
            copy.remove("Tags");
            xml(copy, result);
          }
        }
      }
      case "ListAccountAliases" ->
          result.append(
              "<AccountAliases><member>acme-prod</member></AccountAliases><IsTruncated>false</IsTruncated>");
      case "ListAccessKeys" -> accessKeys(form.get("UserName"), result);
      case "GetAccessKeyLastUsed" -> lastUsed(form.get("AccessKeyId"), result);
      default -> {
        error(ex, 400, "InvalidAction", "Could not find operation " + action);
        return;
      }
    }
    String body =
        "<"
            + action
            + "Response xmlns=\""
            + NS
            + "\"><"
            + action
            + "Result>"
            + result
            + "</"
            + action
            + "Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></"
            + action
            + "Response>";
    send(ex, 200, body);
  }

  private String providerArn(JsonNode p) {
    return "arn:aws:iam::" + account + ":oidc-provider/" + p.path("Url").asText();
  }

  /** Users, groups and policies on the first page; roles a few at a time. */
  private void authorizationPage(String marker, StringBuilder out) {
    int from = marker == null ? 0 : Integer.parseInt(marker.substring("page-".length()));
    JsonNode roles = authorization.path("RoleDetailList");
    int to = Math.min(roles.size(), from + ROLES_PER_PAGE);
    if (from == 0) {
      for (String list : List.of("UserDetailList", "GroupDetailList", "Policies")) {
        out.append('<').append(list).append('>');
        for (JsonNode item : authorization.path(list)) {
          out.append("<member>");
          xml(item, out);
          out.append("</member>");
        }
        out.append("</").append(list).append('>');
      }
    }
    out.append("<RoleDetailList>");
    for (int i = from; i < to; i++) {
      out.append("<member>");
      xml(roles.get(i), out);
      out.append("</member>");
    }
    out.append("</RoleDetailList>");
    boolean more = to < roles.size();
    out.append("<IsTruncated>").append(more).append("</IsTruncated>");
    if (more) {
      out.append("<Marker>page-").append(to).append("</Marker>");
    }
  }

  /** Keys as the credential report describes them, with ids made up from the user and slot. */
  private void accessKeys(String user, StringBuilder out) {
    out.append("<AccessKeyMetadata>");
    for (String[] k : keys(user)) {
      out.append("<member><UserName>")
          .append(user)
          .append("</UserName><AccessKeyId>")
          .append(k[0])
          .append("</AccessKeyId><Status>")
          .append(k[1])
          .append("</Status><CreateDate>")
          .append(k[2])
          .append("</CreateDate></member>");
    }
    out.append("</AccessKeyMetadata><IsTruncated>false</IsTruncated>");
  }

  private void lastUsed(String keyId, StringBuilder out) {
    for (String line : reportCsv.lines().skip(1).toList()) {
      String user = line.split(",", -1)[0];
      for (String[] k : keys(user)) {
        if (k[0].equals(keyId)) {
          out.append("<UserName>").append(user).append("</UserName><AccessKeyLastUsed>");
          if (!k[3].equals("N/A")) {
            out.append("<LastUsedDate>").append(k[3]).append("</LastUsedDate>");
          }
          out.append(
              "<ServiceName>ecs</ServiceName><Region>eu-west-1</Region></AccessKeyLastUsed>");
        }
      }
    }
  }

  /** {id, status, created, lastUsed} of a user's keys, from the credential report. */
  private List<String[]> keys(String user) {
    List<String[]> out = new ArrayList<>();
    List<String> lines = reportCsv.lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (!cells[0].equals(user)) {
        continue;
      }
      for (int slot = 1; slot <= 2; slot++) {
        String rotated = cells[header.indexOf("access_key_" + slot + "_last_rotated")];
        if (rotated.equals("N/A")) {
          continue;
        }
        boolean active = cells[header.indexOf("access_key_" + slot + "_active")].equals("true");
        String used = cells[header.indexOf("access_key_" + slot + "_last_used_date")];
        String id =
            "AKIA"
                + (user.replaceAll("[^A-Za-z]", "").toUpperCase() + "XXXXXXXXXXXX").substring(0, 12)
                + "000"
                + slot;
        out.add(
            new String[] {
              id,
              active ? "Active" : "Inactive",
              iso(rotated),
              used.equals("N/A") ? "N/A" : iso(used)
            });
      }
    }
    return out;
  }

  private static String iso(String date) {
    return CredentialReport.instant(date).map(Object::toString).orElse(date);
  }

  /** JSON in the API's member names as Query-protocol XML: lists as members, documents encoded. */
  private static void xml(JsonNode node, StringBuilder out) {
    node.properties()
        .forEach(
            e -> {
              String name = e.getKey();
              JsonNode v = e.getValue();
              out.append('<').append(name).append('>');
              if (DOCUMENTS.contains(name)) {
                out.append(
                    URLEncoder.encode(PolicyDocument.jsonText(v), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
              } else if (v.isArray()) {
                for (JsonNode item : v) {
                  out.append("<member>");
                  if (item.isObject()) {
                    xml(item, out);
                  } else {
                    out.append(escape(item.asText()));
                  }
                  out.append("</member>");
                }
              } else if (v.isObject()) {
                xml(v, out);
              } else if (name.endsWith("Date")) {
                out.append(iso(v.asText()));
              } else {
                out.append(escape(v.asText()));
              }
              out.append("</").append(name).append('>');
            });
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void error(HttpExchange ex, int status, String code, String message)
      throws IOException {
    send(
        ex,
        status,
        "<ErrorResponse xmlns=\""
            + NS
            + "\"><Error><Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + escape(message)
            + "</Message></Error><RequestId>0d8b1e7c-EXAMPLE</RequestId></ErrorResponse>");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static JsonNode json(byte[] content) throws IOException {
    return Json.mapper().readTree(content);
  }
}
