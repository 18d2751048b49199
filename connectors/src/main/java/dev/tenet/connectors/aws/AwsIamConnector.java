package dev.tenet.connectors.aws;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ExportFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;

/** Reads one AWS account's IAM, from exported files or live, and maps it into the trust graph. */
public final class AwsIamConnector implements Connector {
  public static final String PLATFORM = "aws";

  /** Where the account comes from. */
  private interface Source {
    AccountSnapshot read(CollectContext context) throws ConnectorException, InterruptedException;
  }

  /** Replaced by the account's id once it is read: that is what the assessment covered. */
  private volatile ScopeEntry scope;

  private final Source source;

  private AwsIamConnector(ScopeEntry scope, Source source) {
    this.scope = scope;
    this.source = source;
  }

  /** Offline, from exported files (see {@link AwsExportReader} for which). */
  public static AwsIamConnector fromFiles(List<Path> files) {
    // File names only: a report should not carry the auditor's home folder.
    String where =
        String.join(", ", files.stream().map(f -> String.valueOf(f.getFileName())).toList());
    return new AwsIamConnector(
        new ScopeEntry(PLATFORM, "file:" + where, where),
        context -> AwsExportReader.read(ExportFile.read(files)));
  }

  /** Offline, from export contents already in memory (the bundled demo account). */
  public static AwsIamConnector fromExports(String name, List<ExportFile> exports) {
    return new AwsIamConnector(
        new ScopeEntry(PLATFORM, "file:" + name, name), context -> AwsExportReader.read(exports));
  }

  /**
   * Live, with the credentials of a profile of the standard AWS configuration (~/.aws/config and
   * credentials, including SSO and assumed-role profiles).
   *
   * @param endpoint an IAM endpoint to use instead of AWS's, or null
   */
  public static AwsIamConnector live(String profile, String endpoint, HttpPolicy policy) {
    // IAM is global per partition: the profile's region tells China and GovCloud accounts apart.
    String configured;
    try {
      configured =
          ProfileFile.defaultProfileFile()
              .profile(profile)
              .flatMap(p -> p.property(ProfileProperty.REGION))
              .orElse("");
    } catch (RuntimeException unreadable) {
      configured = ""; // The credential provider reports an unusable configuration when used.
    }
    Region region =
        configured.startsWith("cn-")
            ? Region.AWS_CN_GLOBAL
            : configured.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
    return live(
        profile,
        ProfileCredentialsProvider.builder().profileName(profile).build(),
        region,
        endpoint,
        policy);
  }

  /** Live, with the given credentials (tests, and callers that built their own provider). */
  public static AwsIamConnector live(
      String label,
      AwsCredentialsProvider credentials,
      Region region,
      String endpoint,
      HttpPolicy policy) {
    URI uri = endpoint == null ? null : ApiClient.checkBaseUrl(endpoint, "AWS IAM");
    AwsSdkReader reader =
        new AwsSdkReader(credentials, region, uri, policy, ApiClient.Sleeper.REAL);
    return new AwsIamConnector(
        new ScopeEntry(PLATFORM, uri == null ? "https://iam.amazonaws.com" : uri.toString(), label),
        context -> reader.read(() -> context.countRequest(false), context.cancellation()));
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    context.progress(scope, 0, -1, "IAM of " + scope.target());
    AccountSnapshot snapshot = source.read(context);
    context.cancellation().check();
    AwsIamMapper mapper = new AwsIamMapper(context.graph(), context::blindSpot);
    mapper.map(snapshot);
    String account = mapper.accountId() + snapshot.alias().map(a -> " (" + a + ")").orElse("");
    context.progress(scope, 1, 1, "account " + account);
    scope = new ScopeEntry(PLATFORM, scope.baseUrl(), account);
  }
}
