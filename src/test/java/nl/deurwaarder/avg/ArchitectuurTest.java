package nl.deurwaarder.avg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architectuur.md, checked on the compiled production classes: the packages under
 * {@code nl.deurwaarder.avg} depend on each other one way only (no cycles), the shared rooms import no capability,
 * and no capability imports the request procedures' orchestration ({@code verzoekprocedure}), which sits on top.
 */
class ArchitectuurTest {

  static final String BASIS = "nl.deurwaarder.avg";

  /** Used by everything, know nothing of the procedures: deadlines, engine set-up, mail, login, retention, ... */
  static final List<String> GEDEELD = List.of("api", "bewaartermijn", "engine", "gezondheid", "kantoor", "mail",
      "registerhistorie", "security", "tasklist", "termijn", "tweefactor");

  /** One capability each: its register, its delegates, its pages and API. */
  static final List<String> CAPACITEITEN = List.of("afwijking", "archief", "brief", "datalek", "levering", "uitvoering", "verwerker",
      "verwerkingsregister", "verzoek", "webformulier");

  /** The request procedures' steps: call several capabilities; nothing calls them but the diagrams. */
  static final List<String> ORKESTRATIE = List.of("verzoekprocedure", "overzicht", "privacyrapportage");

  private static JavaClasses klassen;

  @BeforeAll
  static void importeer() {
    klassen = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(BASIS);
  }

  @Test
  void everyPackageHasAPlaceInTheLayering() {
    Set<String> pakketten = klassen.stream().map(JavaClass::getPackageName)
        .filter(p -> p.startsWith(BASIS + "."))
        .map(p -> p.substring(BASIS.length() + 1).split("\\.")[0])
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(pakketten).as("a new package: add it to GEDEELD, CAPACITEITEN or ORKESTRATIE (docs/architectuur.md)")
        .isSubsetOf(Stream.of(GEDEELD, CAPACITEITEN, ORKESTRATIE).flatMap(List::stream).toList());
  }

  @Test
  void noPackageCycles() {
    slices().matching(BASIS + ".(*)..").should().beFreeOfCycles().check(klassen);
  }

  @Test
  void sharedPackagesImportNoCapability() {
    noClasses().that().resideInAnyPackage(pakketten(GEDEELD))
        .should().dependOnClassesThat().resideInAnyPackage(pakketten(CAPACITEITEN, ORKESTRATIE))
        .because("shared rooms are used by every capability and must not know one (docs/architectuur.md)")
        .check(klassen);
  }

  @Test
  void noCapabilityImportsTheOrchestration() {
    noClasses().that().resideInAnyPackage(pakketten(CAPACITEITEN))
        .should().dependOnClassesThat().resideInAnyPackage(pakketten(ORKESTRATIE))
        .because("the request procedures' steps call the capabilities, not the other way round")
        .check(klassen);
  }

  @SafeVarargs
  private static String[] pakketten(List<String>... lijsten) {
    return Stream.of(lijsten).flatMap(List::stream).map(p -> BASIS + "." + p + "..").toArray(String[]::new);
  }
}
