package dev.tenet.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/ARCHITECTURE.md, checked on the compiled product code. */
class ArchitectureTest {
  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    // Other modules arrive as target/classes or as jars depending on the build phase; test
    // classes and the core test-jar are left out either way.
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tenet");
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg :
        new String[] {
          "dev.tenet.core", "dev.tenet.connectors", "dev.tenet.reports", "dev.tenet.app"
        }) {
      org.assertj.core.api.Assertions.assertThat(
              product.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as(pkg)
          .isTrue();
    }
    org.assertj.core.api.Assertions.assertThat(
            product.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")))
        .isTrue();
  }

  @Test
  void coreKnowsNoConnectorReportUiOrHttpClient() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenet.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tenet.connectors..",
            "dev.tenet.reports..",
            "dev.tenet.app..",
            "javafx..",
            "java.net.http..",
            "com.sun.net.httpserver..")
        .check(product);
  }

  @Test
  void corePackagesAreFreeOfCycles() {
    slices().matching("dev.tenet.core.(*)..").should().beFreeOfCycles().check(product);
  }

  @Test
  void rulesDoNoIoAndReadNoClock() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenet.core.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.io..",
            "java.nio.file..",
            "java.net..",
            "java.sql..",
            "dev.tenet.core.store..",
            "dev.tenet.core.scan..")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.time.Clock.class)
        .check(product);
  }

  @Test
  void connectorsDoNotKnowEachOtherOrJudge() {
    slices()
        .matching("dev.tenet.connectors.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            resideInAPackage("dev.tenet.connectors.."),
            resideInAPackage("dev.tenet.connectors.http.."))
        .check(product);
    noClasses()
        .that()
        .resideInAPackage("dev.tenet.connectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tenet.core.rules..",
            "dev.tenet.core.score..",
            "dev.tenet.core.assessment..",
            "dev.tenet.reports..",
            "dev.tenet.app..")
        .check(product);
  }

  @Test
  void everyPlatformRequestGoesThroughTheSharedHttpPolicy() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenet.connectors..")
        .and(not(resideInAnyPackage("dev.tenet.connectors.http..")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "java.net.HttpURLConnection")
        .check(product);
  }

  @Test
  void theConsoleTalksToServicesNeverToConnectorsOrSql() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenet.app.gui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tenet.connectors..", "java.sql..", "org.sqlite..", "dev.tenet.app.cli..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.tenet.core.store.AssessmentStore")
        .check(product);
  }

  @Test
  void theCommandLineNeverLoadsJavaFx() {
    noClasses()
        .that()
        .resideInAPackage("dev.tenet.app.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "dev.tenet.app.gui..")
        .check(product);
  }

  @Test
  void onlyTheCommandLineWritesToStandardStreams() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tenet.app.cli..")
        .and()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .check(product);
  }
}
