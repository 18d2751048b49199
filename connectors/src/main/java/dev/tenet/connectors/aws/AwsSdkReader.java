package dev.tenet.connectors.aws;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ConnectorException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Reads an AWS account live through the AWS SDK for Java v2 (read-only IAM calls only). The SDK
 * keeps its own HTTP stack, configured to the spirit of the shared HTTP policy: TLS verified, a
 * bounded number of attempts, the policy's timeouts, every request counted; credentials come from
 * the standard chain and never reach a message (see docs/ARCHITECTURE.md, Decisions).
 */
final class AwsSdkReader {
  private static final int REPORT_POLLS = 8;

  /** Counts every HTTP attempt, as the shared HTTP policy counts requests. */
  interface RequestCounter {
    void count();
  }

  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final URI endpoint;
  private final HttpPolicy policy;
  private final ApiClient.Sleeper sleeper;

  /**
   * @param region IAM's global region of the account's partition (aws, aws-cn, aws-us-gov)
   * @param endpoint an IAM endpoint to use instead of AWS's (a VPC endpoint, a test server); null
   *     for the default
   */
  AwsSdkReader(
      AwsCredentialsProvider credentials,
      Region region,
      URI endpoint,
      HttpPolicy policy,
      ApiClient.Sleeper sleeper) {
    this.credentials = credentials;
    this.region = region;
    this.endpoint = endpoint;
    this.policy = policy;
    this.sleeper = sleeper;
  }

  AccountSnapshot read(RequestCounter counter, Cancellation cancel)
      throws ConnectorException, InterruptedException {
    try (SdkHttpClient http =
            UrlConnectionHttpClient.builder()
                .connectionTimeout(policy.connectTimeout())
                .socketTimeout(policy.requestTimeout())
                .build();
        IamClient iam = client(http, counter)) {
      AccountSnapshot snapshot = new AccountSnapshot();
      authorization(iam, snapshot, cancel);
      cancel.check();
      credentialReport(iam, snapshot);
      cancel.check();
      providers(iam, snapshot);
      aliases(iam, snapshot);
      accessKeys(iam, snapshot, cancel);
      return snapshot;
    }
  }

  private IamClient client(SdkHttpClient http, RequestCounter counter) {
    var builder =
        IamClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(
                c ->
                    c.retryStrategy(r -> r.maxAttempts(Math.max(1, policy.maxAttempts())))
                        .apiCallAttemptTimeout(policy.requestTimeout())
                        .addExecutionInterceptor(
                            new ExecutionInterceptor() {
                              @Override
                              public void afterTransmission(
                                  Context.AfterTransmission context,
                                  ExecutionAttributes executionAttributes) {
                                counter.count();
                              }
                            }));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private static void authorization(IamClient iam, AccountSnapshot snapshot, Cancellation cancel)
      throws ConnectorException, InterruptedException {
    try {
      for (GetAccountAuthorizationDetailsResponse page :
          iam.getAccountAuthorizationDetailsPaginator(b -> {})) {
        cancel.check();
        snapshot.addAuthorization(SdkJson.of(page));
      }
    } catch (SdkException e) {
      throw fatal(
          "read the account's IAM authorization details", e, "iam:GetAccountAuthorizationDetails");
    }
  }

  private void credentialReport(IamClient iam, AccountSnapshot snapshot)
      throws InterruptedException {
    String what = "console access, MFA and access keys of IAM users (the credential report)";
    String remedy = "allow iam:GenerateCredentialReport and iam:GetCredentialReport";
    try {
      for (int poll = 0; ; poll++) {
        ReportStateType state = iam.generateCredentialReport().state();
        if (state == ReportStateType.COMPLETE) {
          break;
        }
        if (poll == REPORT_POLLS) {
          snapshot.gap(what, "the report was still being generated", "run the scan again");
          return;
        }
        sleeper.sleep(policy.backoff().multipliedBy(1L << Math.min(poll, 4)));
      }
      String csv = iam.getCredentialReport().content().asUtf8String();
      snapshot.credentialReport(CredentialReport.parse(csv));
    } catch (SdkException e) {
      snapshot.gap(what, reason(e), remedy);
    } catch (IllegalArgumentException e) {
      snapshot.gap(what, "the report could not be read (" + e.getMessage() + ")", "");
    }
  }

  private static void providers(IamClient iam, AccountSnapshot snapshot) {
    try {
      for (OpenIDConnectProviderListEntry entry :
          iam.listOpenIDConnectProviders().openIDConnectProviderList()) {
        GetOpenIdConnectProviderResponse p =
            iam.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(entry.arn()));
        snapshot.addProvider(
            new AccountSnapshot.OidcProvider(
                entry.arn(), p.url(), List.copyOf(p.clientIDList()), p.createDate()));
      }
    } catch (SdkException e) {
      snapshot.gap(
          "the OIDC identity providers' audiences",
          reason(e),
          "allow iam:ListOpenIDConnectProviders and iam:GetOpenIDConnectProvider");
    }
  }

  private static void aliases(IamClient iam, AccountSnapshot snapshot) {
    try {
      iam.listAccountAliases().accountAliases().stream().findFirst().ifPresent(snapshot::alias);
    } catch (SdkException e) {
      // The alias is only a friendlier name for the account.
    }
  }

  private static void accessKeys(IamClient iam, AccountSnapshot snapshot, Cancellation cancel)
      throws InterruptedException {
    List<String> users = new ArrayList<>();
    snapshot
        .authorization()
        .path("UserDetailList")
        .forEach(u -> users.add(u.path("UserName").asText()));
    try {
      for (String user : users) {
        cancel.check();
        List<AccountSnapshot.AccessKey> keys = new ArrayList<>();
        for (AccessKeyMetadata k :
            iam.listAccessKeysPaginator(b -> b.userName(user)).accessKeyMetadata()) {
          Instant lastUsed =
              iam.getAccessKeyLastUsed(b -> b.accessKeyId(k.accessKeyId()))
                  .accessKeyLastUsed()
                  .lastUsedDate();
          keys.add(
              new AccountSnapshot.AccessKey(
                  k.accessKeyId(), k.status() == StatusType.ACTIVE, k.createDate(), lastUsed));
        }
        snapshot.accessKeys(user, keys);
      }
    } catch (SdkException e) {
      snapshot.gap(
          "when each access key was last used",
          reason(e),
          "allow iam:ListAccessKeys and iam:GetAccessKeyLastUsed");
    }
  }

  private static final java.util.Set<String> CREDENTIAL_ERRORS =
      java.util.Set.of(
          "InvalidClientTokenId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "ExpiredTokenException",
          "UnrecognizedClientException",
          "InvalidAccessKeyId");

  private static ConnectorException fatal(String doing, SdkException e, String permission) {
    if (e instanceof AwsServiceException s
        && s.awsErrorDetails() != null
        && CREDENTIAL_ERRORS.contains(s.awsErrorDetails().errorCode())) {
      return new ConnectorException(
          "AWS rejected the credentials ("
              + reason(e)
              + "): sign in again (aws sso login) or check the profile's keys.",
          e);
    }
    if (e instanceof AwsServiceException s && s.statusCode() == 403) {
      return new ConnectorException(
          "AWS refused to " + doing + " (" + reason(e) + "): allow " + permission + ".", e);
    }
    return new ConnectorException("Could not " + doing + ": " + reason(e) + ".", e);
  }

  /**
   * One clause saying why a call failed, built from the error code and status only: SDK messages
   * can quote request details, and Tenet quotes no credential material.
   */
  static String reason(SdkException e) {
    if (e instanceof AwsServiceException s) {
      String code =
          s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null
              ? "error"
              : s.awsErrorDetails().errorCode();
      return code + ", HTTP " + s.statusCode();
    }
    if (e instanceof SdkClientException) {
      String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("unable to load credentials") || m.contains("profile file")) {
        return "no usable AWS credentials (sign in with aws sso login, or check the profile)";
      }
      if (m.contains("unable to execute http request") || m.contains("connect")) {
        return "the IAM endpoint could not be reached";
      }
      if (m.contains("pkix") || m.contains("certificate")) {
        return "the TLS certificate of the IAM endpoint could not be verified";
      }
    }
    return e.getClass().getSimpleName();
  }
}
