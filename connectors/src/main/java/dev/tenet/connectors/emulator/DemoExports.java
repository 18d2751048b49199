package dev.tenet.connectors.emulator;

import dev.tenet.core.scan.ExportFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled demo's offline exports: Acme Corp's production AWS account and its EKS cluster, as
 * the files {@code aws iam …} and {@code kubectl get … -o json} produce. Dates written {@code
 * {{days-ago:N}}} are made relative to the demo's start so its recent activity stays recent.
 */
public final class DemoExports {
  private DemoExports() {}

  private static final String DEMO = "/dev/tenet/assets/demo/";
  public static final String AWS_ACCOUNT = "acme-prod";
  public static final String CLUSTER = "acme-prod-eks";
  private static final List<String> AWS_FILES =
      List.of(
          "aws-acme-prod/authorization-details.json",
          "aws-acme-prod/credential-report.csv",
          "aws-acme-prod/oidc-providers.json");
  private static final String CLUSTER_FILE = "k8s-acme-prod-eks.json";
  private static final Pattern DAYS_AGO = Pattern.compile("\\{\\{days-ago:(\\d+)}}");
  private static final DateTimeFormatter AWS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  public static List<ExportFile> awsAccount(Instant now) {
    return AWS_FILES.stream().map(f -> load(f, now)).toList();
  }

  public static List<ExportFile> cluster(Instant now) {
    return List.of(load(CLUSTER_FILE, now));
  }

  private static ExportFile load(String name, Instant now) {
    try (InputStream in = DemoExports.class.getResourceAsStream(DEMO + name)) {
      if (in == null) {
        throw new IllegalStateException("The demo file " + name + " is missing from the build.");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ExportFile(
          "demo/" + name, relativeDates(text, now).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relativeDates(String text, Instant now) {
    Instant base = now.truncatedTo(ChronoUnit.SECONDS);
    Matcher m = DAYS_AGO.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Instant at = base.minus(Duration.ofDays(Long.parseLong(m.group(1))));
      m.appendReplacement(out, AWS_TIME.format(at));
    }
    m.appendTail(out);
    return out.toString();
  }
}
