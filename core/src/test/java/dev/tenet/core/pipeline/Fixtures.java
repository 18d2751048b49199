package dev.tenet.core.pipeline;

import dev.tenet.core.model.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Builds parsed pipelines from inline YAML for tests. */
public final class Fixtures {
  public static final String REPO = "github:acme/web";

  private Fixtures() {}

  /** One file of {@code github:acme/web}. */
  public static SourceFile file(String path, String yaml) {
    return new SourceFile(REPO, path, yaml);
  }

  /** Files given as path, yaml, path, yaml... */
  public static Pipelines parse(String... pathsAndYaml) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < pathsAndYaml.length; i += 2) {
      files.add(file(pathsAndYaml[i], pathsAndYaml[i + 1]));
    }
    return Pipelines.parse(files);
  }

  public static Pipeline workflow(String yaml) {
    Pipelines p = parse(".github/workflows/ci.yml", yaml);
    if (p.all().isEmpty()) {
      throw new AssertionError("not parsed: " + p.files());
    }
    return p.all().get(0);
  }
}
