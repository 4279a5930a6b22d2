package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.AvgSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The starting register (seed V7_1, published as version 1 at start): its structure, the basis-f rule, and every
 * retention period against PH-ALG-05 — the table below is written from the handbook, not from the seed.
 */
@AvgSpringTest
class StartregisterTest {

  @Autowired
  Verwerkingsregister register;

  private RegisterVersie versie1() {
    return register.versie(1);
  }

  @Test
  void theStartingRegisterIsPublishedAsVersionOneWithTheOfficeTheFgAndTheJointControllers() {
    RegisterVersie r = versie1();
    assertThat(r.versienummer()).isEqualTo(1);
    assertThat(r.gepubliceerdDoor()).isEqualTo("systeem");
    assertThat(r.verwerkingsverantwoordelijke().naam()).isEqualTo("Gerechtsdeurwaarderskantoor Voorbeeld");
    assertThat(r.functionarisGegevensbescherming().naam()).isEqualTo("mr. F. Gegevens");
    assertThat(r.gezamenlijkeVerantwoordelijken()).extracting(GezamenlijkeVerantwoordelijke::code)
        .containsExactly("COLLEGA_GDW", "ADVOCAAT");
    assertThat(r.secties()).extracting(Sectie::naam).containsExactly("Commerciële activiteiten",
        "Aanmaken nieuwe zaken", "Minnelijke incasso", "Gerechtelijke incasso", "Ambtshandelingen", "Personeel",
        "Beveiliging en facilitair", "Klachten", "AVG-processen");
    // the handbook's own example of the process model (PH-PRO-03 §3.2)
    assertThat(r.verwerking("40.3.1")).get().extracting(Verwerking::naam).isEqualTo("Verwerken vonnis");
    assertThat(r.secties().get(3).processen()).extracting(Proces::code, Proces::naam)
        .contains(org.assertj.core.groups.Tuple.tuple("40.3", "Ontvangst en inboeken vonnis"));
    assertThat(r.verwerkingen().count()).isEqualTo(34);
    assertThat(r.verwerkingen().map(Verwerking::naam))
        .contains("Register AVG-verzoeken", "Register datalekken", "Register agressie-incidenten",
            "Cameratoezicht kantoor", "Registratie bezoekers", "Verzuimregistratie en re-integratie",
            "Verwerken salaris en loonheffingen", "Betekenen exploot", "Ontruiming woning of bedrijfsruimte");
  }

  @Test
  void basisFOnlyWhereTheProcessingIsOrdinaryBusinessOperationsAndOfficialActsUseE() {
    RegisterVersie r = versie1();
    List<Verwerking> metF = r.verwerkingen().filter(v -> v.grondslag() == Grondslag.F
        || v.gegevenstypen().stream().anyMatch(g -> g.grondslag() == Grondslag.F)).toList();
    assertThat(metF).isNotEmpty().allSatisfy(v -> {
      assertThat(v.bedrijfsvoering()).as(v.code()).isTrue();
      assertThat(v.grondslagToelichting()).as(v.code()).isNotBlank();
    });
    assertThat(r.secties()).filteredOn(s -> s.code().equals("40") || s.code().equals("50"))
        .flatExtracting(Sectie::processen).flatExtracting(Proces::verwerkingen)
        .allSatisfy(v -> assertThat(v.grondslag()).as(v.code()).isIn(Grondslag.C, Grondslag.E));
    // the BSN is a legal obligation (c) inside an official-act processing (PH-PRO-03 §3.4)
    assertThat(r.verwerking("50.1.1").orElseThrow().gegevenstypen())
        .filteredOn(g -> g.naam().contains("BSN")).extracting(Gegevenstype::grondslag).containsExactly(Grondslag.C);
  }

  @Test
  void specialCategoriesAreFlaggedWithTheirArticle9Exception() {
    List<Gegevenstype> bijzonder = versie1().verwerkingen().flatMap(v -> v.gegevenstypen().stream())
        .filter(Gegevenstype::bijzonder).toList();
    assertThat(bijzonder).hasSizeGreaterThanOrEqualTo(3).allSatisfy(g -> {
      assertThat(g.bijzondereCategorie()).isEqualTo(BijzondereCategorie.GEZONDHEID);
      assertThat(g.art9Uitzondering()).isNotNull();
    });
  }

  /**
   * PH-ALG-05, per processing (or per data type "code/naam-fragment"): period, reference. Written from the handbook:
   * §2.2 dossier 10 years after closing the last dossier; §2.3 withdrawn assignment removed at once; §3.1 exploten 10
   * years; §3.2 repertorium without end; §4.1 fiscal 7 years; §5 personnel; §6.1 complaints; §6.2 requests 3 years;
   * §6.3 breaches 3 years; §6.4 camera 4 weeks; §6.5 visitors 6 months.
   */
  @ParameterizedTest(name = "{0} {1}: {2} ({3})")
  @CsvSource(delimiter = '|', nullValues = "ZONDER", textBlock = """
      10.2.1 |                                   | P7Y    | PH-ALG-05 §4.1
      10.3.1 |                                   | P7Y    | PH-ALG-05 §4.1
      20.1.1 |                                   | P10Y   | PH-ALG-05 §2.2
      20.2.1 | Naam, adres                       | P0D    | PH-ALG-05 §2.3
      30.1.1 |                                   | P10Y   | PH-ALG-05 §2.2
      30.2.1 |                                   | P10Y   | PH-ALG-05 §2.2
      40.1.1 |                                   | P10Y   | PH-ALG-05 §3.1
      40.3.1 |                                   | P10Y   | PH-ALG-05 §2.2
      50.1.1 |                                   | P10Y   | PH-ALG-05 §3.1
      50.2.1 |                                   | P10Y   | PH-ALG-05 §2.2
      50.4.1 |                                   | P10Y   | PH-ALG-05 §3.1
      50.4.2 |                                   | ZONDER | PH-ALG-05 §3.2
      60.1.1 | Cv, motivatiebrief                | P4W    | PH-ALG-05 §5
      60.1.1 | in portefeuille (met toestemming) | P1Y    | PH-ALG-05 §5
      60.2.1 | Arbeidsovereenkomst               | P2Y    | PH-ALG-05 §5
      60.2.1 | Kopie identiteitsbewijs           | P5Y    | PH-ALG-05 §5
      60.2.1 | Loonbelastingverklaring           | P5Y    | PH-ALG-05 §5
      60.2.2 | Inloggegevens                     | P2Y    | PH-ALG-05 §5
      60.2.2 | Toegangsgegevens                  | P6M    | PH-ALG-05 §5
      60.2.2 | Logfiles internetgebruik          | P6M    | PH-ALG-05 §5
      60.2.3 | Gewerkte uren                     | P2Y    | PH-ALG-05 §5
      60.2.4 | Ritgegevens                       | P1Y    | PH-ALG-05 §5
      60.3.1 | Salaris, loonheffingen            | P7Y    | PH-ALG-05 §4.1
      60.3.1 | Loonbelastingverklaring           | P5Y    | PH-ALG-05 §5
      60.4.1 |                                   | P2Y    | PH-ALG-05 §5
      70.1.1 |                                   | P4W    | PH-ALG-05 §6.4
      70.2.1 |                                   | P6M    | PH-ALG-05 §6.5
      80.1.1 |                                   | P10Y   | PH-ALG-05 §6.1
      80.1.2 |                                   | P2Y    | PH-ALG-05 §6.1
      90.1.1 |                                   | P3Y    | PH-ALG-05 §6.2
      90.2.1 |                                   | P3Y    | PH-ALG-05 §6.3
      """)
  void retentionPeriodsFollowPhAlg05(String code, String gegevenstype, String periode, String bron) {
    Verwerking v = versie1().verwerking(code.trim()).orElseThrow();
    List<Gegevenstype> typen = gegevenstype == null ? v.gegevenstypen()
        : v.gegevenstypen().stream().filter(g -> g.naam().contains(gegevenstype.trim())).toList();
    assertThat(typen).as("gegevenstypen van " + code).isNotEmpty().allSatisfy(g -> {
      assertThat(g.bewaartermijn().periode()).as(g.naam()).isEqualTo(periode == null ? null : periode.trim());
      assertThat(g.bewaartermijn().bron()).as(g.naam()).isEqualTo(bron.trim());
      assertThat(g.bewaartermijn().tekst()).as(g.naam()).isNotBlank();
    });
    if (gegevenstype == null) {
      assertThat(v.bewaartermijn().periode()).isEqualTo(periode == null ? null : periode.trim());
      assertThat(v.bewaartermijn().bron()).isEqualTo(bron.trim());
    }
  }

  @Test
  void everyRetentionPeriodNamesPhAlg05OrIsMarkedAsOfficePolicy() {
    Map<String, List<String>> perBron = versie1().verwerkingen().flatMap(v -> v.gegevenstypen().stream())
        .collect(Collectors.groupingBy(g -> g.bewaartermijn().bron(),
            Collectors.mapping(Gegevenstype::naam, Collectors.toList())));
    assertThat(perBron.keySet()).allSatisfy(bron ->
        assertThat(bron).matches("PH-ALG-05 §[0-9.]+|kantoorbeleid \\(PH-ALG-05 .*\\)"));
  }
}
