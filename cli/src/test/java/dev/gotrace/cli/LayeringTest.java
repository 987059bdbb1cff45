package dev.gotrace.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the code base, as a test (ArchUnit over the main classes of every module):
 * decoder (bytes to events) below table builders (events to Arrow) below the driver (Calcite) below
 * the CLI, no package cycles, and each layer talking to the one below through its public face.
 */
class LayeringTest {
  /** The decoder: bytes, batches, generations, Go's ordering, the event model, v1 conversion. */
  private static final String[] DECODER = {"dev.gotrace.core.format..", "dev.gotrace.core.wire..",
      "dev.gotrace.core.batch..", "dev.gotrace.core.generation..", "dev.gotrace.core.order..",
      "dev.gotrace.core.read..", "dev.gotrace.core.event..", "dev.gotrace.core.v1..", "dev.gotrace.core.util.."};
  /** The decoder's stages below its event model: what a table builder must not see. */
  private static final String[] BYTES = {"dev.gotrace.core.wire..", "dev.gotrace.core.batch..",
      "dev.gotrace.core.generation..", "dev.gotrace.core.order..", "dev.gotrace.core.read..", "dev.gotrace.core.v1.."};

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // Main classes only: other modules' tests come on the class path as test-classes or a -tests.jar.
    ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
    classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("dev.gotrace");
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.gotrace.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theDecoderNeverTouchesArrowTablesOrSql() {
    noClasses().that().resideInAnyPackage(DECODER).should().dependOnClassesThat()
        .resideInAnyPackage("org.apache.arrow..", "org.apache.calcite..", "dev.gotrace.core.table..",
            "dev.gotrace.core.analysis..", "dev.gotrace.jdbc..", "dev.gotrace.cli..")
        .check(classes);
  }

  /** Only the database that runs a decode pass (and its cache entry, which records the pass's result) sees the reader. */
  @Test
  void tableBuildersSeeOnlyTheEventModel() {
    noClasses().that().resideInAnyPackage("dev.gotrace.core.table..", "dev.gotrace.core.analysis..")
        .and(not(name("dev.gotrace.core.table.TraceDatabase")))
        .and(not(name("dev.gotrace.core.table.CacheEntry")))
        .should().dependOnClassesThat().resideInAnyPackage(BYTES)
        .check(classes);
  }

  /** Sinks only read events: the decoder's publisher (v2 and converted v1) and the events-table replay fill them. */
  @Test
  void onlyThePublishersFillEvents() {
    noClasses().that(not(name("dev.gotrace.core.read.EventPublisher")
            .or(name("dev.gotrace.core.analysis.EventsTableReplay"))
            .or(name("dev.gotrace.core.event.TraceEventWriter"))))
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.gotrace.core.event.TraceEventWriter")
        .check(classes);
  }

  @Test
  void coreKnowsNothingOfSqlOrTheCli() {
    noClasses().that().resideInAPackage("dev.gotrace.core..").should().dependOnClassesThat()
        .resideInAnyPackage("org.apache.calcite..", "dev.gotrace.jdbc..", "dev.gotrace.cli..")
        .check(classes);
    noClasses().that().resideInAPackage("dev.gotrace.jdbc..").should().dependOnClassesThat()
        .resideInAPackage("dev.gotrace.cli..").check(classes);
  }

  /** The driver, not the CLI, parses and classifies SQL (the CLI's --fail-if goes through SqlCondition). */
  @Test
  void theCliParsesNoSql() {
    noClasses().that().resideInAPackage("dev.gotrace.cli..").should().dependOnClassesThat()
        .resideInAPackage("org.apache.calcite..").check(classes);
  }

  /** The CLI uses the driver, core's facade (GoTrace, the format error) and the read result the driver reports. */
  @Test
  void theCliTalksToTheDriverAndCoresFacade() {
    noClasses().that().resideInAPackage("dev.gotrace.cli..").should().dependOnClassesThat(
            resideInAPackage("dev.gotrace.core..")
                .and(not(resideInAnyPackage("dev.gotrace.core", "dev.gotrace.core.format")))
                .and(not(name("dev.gotrace.core.read.TraceReadResult"))))
        .check(classes);
  }
}
