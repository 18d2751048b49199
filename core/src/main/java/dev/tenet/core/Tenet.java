package dev.tenet.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's name and version, as reports and the JSON schema print them. */
public final class Tenet {
  private Tenet() {}

  public static final String JSON_SCHEMA = "tenet.assessment/v1";

  public static String version() {
    try (InputStream in = Tenet.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** "tenet 0.1.0". */
  public static String tool() {
    return "tenet " + version();
  }
}
