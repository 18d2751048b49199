package dev.tenet.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.util.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was read of one AWS account, whichever way: the authorization details in the shape of the
 * IAM API ({@code UserDetailList}, {@code GroupDetailList}, {@code RoleDetailList}, {@code
 * Policies}), the credential report, the OIDC providers, access keys, and what could not be read.
 */
final class AccountSnapshot {
  static final List<String> LISTS =
      List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies");

  /** An OIDC identity provider; the ARN may be unknown until the account id is. */
  record OidcProvider(String arn, String url, List<String> audiences, Instant created) {}

  /** An access key as the IAM API lists it (live only: the credential report has no ids). */
  record AccessKey(String id, boolean active, Instant created, Instant lastUsed) {}

  /** A part of the account that could not be read. */
  record Gap(String what, String reason, String remedy) {}

  private final ObjectNode authorization = Json.mapper().createObjectNode();
  private boolean hasAuthorization;
  private CredentialReport credentialReport;
  private final List<OidcProvider> providers = new ArrayList<>();
  private final Map<String, List<AccessKey>> accessKeys = new LinkedHashMap<>();
  private boolean accessKeysRead;
  private String alias;
  private String accountId;
  private final List<Gap> gaps = new ArrayList<>();

  AccountSnapshot() {
    LISTS.forEach(authorization::putArray);
  }

  /** Adds one page (or one file) of authorization details. */
  void addAuthorization(JsonNode page) {
    hasAuthorization = true;
    for (String list : LISTS) {
      JsonNode items = page.path(list);
      if (items.isArray()) {
        ((ArrayNode) authorization.get(list)).addAll((ArrayNode) items);
      }
    }
  }

  boolean hasAuthorization() {
    return hasAuthorization;
  }

  ObjectNode authorization() {
    return authorization;
  }

  void credentialReport(CredentialReport report) {
    this.credentialReport = report;
  }

  Optional<CredentialReport> credentialReport() {
    return Optional.ofNullable(credentialReport);
  }

  void addProvider(OidcProvider provider) {
    providers.add(provider);
  }

  List<OidcProvider> providers() {
    return providers;
  }

  void accessKeys(String user, List<AccessKey> keys) {
    accessKeysRead = true;
    accessKeys.put(user, List.copyOf(keys));
  }

  /** Empty when access keys were not listed (offline: the credential report describes them). */
  Optional<Map<String, List<AccessKey>>> accessKeys() {
    return accessKeysRead ? Optional.of(accessKeys) : Optional.empty();
  }

  void alias(String alias) {
    this.alias = alias;
  }

  Optional<String> alias() {
    return Optional.ofNullable(alias);
  }

  void accountId(String accountId) {
    this.accountId = accountId;
  }

  Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  void gap(String what, String reason, String remedy) {
    gaps.add(new Gap(what, reason, remedy));
  }

  List<Gap> gaps() {
    return gaps;
  }
}
