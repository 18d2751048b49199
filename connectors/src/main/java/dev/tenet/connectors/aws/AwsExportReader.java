package dev.tenet.connectors.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ExportFile;
import dev.tenet.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads an AWS account from exported files, recognised by their content:
 *
 * <ul>
 *   <li>{@code aws iam get-account-authorization-details} (JSON with UserDetailList,
 *       RoleDetailList, ...), required;
 *   <li>the credential report: {@code aws iam get-credential-report} (JSON, base64 Content) or its
 *       decoded CSV;
 *   <li>OIDC providers: {@code aws iam list-open-id-connect-providers}, or {@code aws iam
 *       get-open-id-connect-provider} outputs (one per file, or several in a JSON array).
 * </ul>
 */
final class AwsExportReader {
  static final String AUTHORIZATION_COMMAND = "aws iam get-account-authorization-details";
  static final String REPORT_COMMANDS =
      "aws iam generate-credential-report, then aws iam get-credential-report";

  private AwsExportReader() {}

  static AccountSnapshot read(List<ExportFile> files) throws ConnectorException {
    AccountSnapshot snapshot = new AccountSnapshot();
    for (ExportFile file : files) {
      String text = new String(file.content(), StandardCharsets.UTF_8);
      if (CredentialReport.looksLikeOne(text)) {
        snapshot.credentialReport(parseReport(file.name(), text));
        continue;
      }
      JsonNode json;
      try {
        json = Json.mapper().readTree(file.content());
      } catch (JsonProcessingException e) {
        throw new ConnectorException(
            file.name()
                + " is neither JSON nor a credential report CSV; give the output of "
                + AUTHORIZATION_COMMAND
                + ".",
            e);
      } catch (java.io.IOException e) {
        throw new ConnectorException("Cannot read " + file.name() + ".", e);
      }
      if (json == null) {
        throw new ConnectorException(file.name() + " is empty.");
      }
      classify(file.name(), json, snapshot);
    }
    if (!snapshot.hasAuthorization()) {
      throw new ConnectorException(
          "No IAM authorization details among the files given: export them with "
              + AUTHORIZATION_COMMAND
              + " --output json.");
    }
    if (snapshot.credentialReport().isEmpty()) {
      snapshot.gap(
          "console access, MFA and access keys of IAM users",
          "no credential report was given",
          "add the output of " + REPORT_COMMANDS + " to --aws-iam-file");
    }
    return snapshot;
  }

  private static void classify(String name, JsonNode json, AccountSnapshot snapshot)
      throws ConnectorException {
    if (json.isArray()) {
      for (JsonNode item : json) {
        classify(name, item, snapshot);
      }
      return;
    }
    if (!json.isObject()) {
      throw unrecognised(name);
    }
    if (AccountSnapshot.LISTS.stream().anyMatch(json::has)) {
      if (json.path("IsTruncated").asBoolean(false)) {
        throw new ConnectorException(
            name
                + " is one page of a truncated export (IsTruncated is true); export again"
                + " without --max-items so that the CLI fetches every page.");
      }
      snapshot.addAuthorization(json);
    } else if (json.has("Content") && (json.has("ReportFormat") || json.has("GeneratedTime"))) {
      String csv;
      try {
        csv =
            new String(
                Base64.getMimeDecoder().decode(json.path("Content").asText()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new ConnectorException(name + ": the credential report's Content is not base64.", e);
      }
      snapshot.credentialReport(parseReport(name, csv));
    } else if (json.has("OpenIDConnectProviderList")) {
      for (JsonNode p : json.path("OpenIDConnectProviderList")) {
        snapshot.addProvider(provider(p));
      }
    } else if (json.has("Url") && json.has("ClientIDList")) {
      snapshot.addProvider(provider(json));
    } else {
      throw unrecognised(name);
    }
  }

  static AccountSnapshot.OidcProvider provider(JsonNode p) {
    List<String> audiences = new ArrayList<>();
    p.path("ClientIDList").forEach(a -> audiences.add(a.asText()));
    String arn = p.path("Arn").asText(null);
    String url = p.path("Url").asText(null);
    if (url == null && arn != null && arn.contains(":oidc-provider/")) {
      url = arn.substring(arn.indexOf(":oidc-provider/") + ":oidc-provider/".length());
    }
    return new AccountSnapshot.OidcProvider(
        arn,
        url,
        p.has("ClientIDList") ? audiences : null,
        CredentialReport.instant(p.path("CreateDate").asText("")).orElse(null));
  }

  private static CredentialReport parseReport(String name, String csv) throws ConnectorException {
    try {
      return CredentialReport.parse(csv);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(name + " is " + e.getMessage() + ".", e);
    }
  }

  private static ConnectorException unrecognised(String name) {
    return new ConnectorException(
        name
            + " is not an AWS IAM export Tenet knows: give the outputs of "
            + AUTHORIZATION_COMMAND
            + ", of the credential report, or of the OIDC provider commands.");
  }
}
