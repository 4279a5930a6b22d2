package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form in forms/ can be read as a contract: its {@code conditional.hide} expressions are all in the FEEL subset
 * {@link Verbergvoorwaarde} evaluates (a form using more FEEL fails here, loudly), and the checks follow the form.
 */
class FormulierLezenTest {

  @Test
  void everyFormInFormsIsReadAndUsesOnlySupportedFeel() throws Exception {
    int velden = 0;
    int voorwaarden = 0;
    try (Stream<Path> bestanden = Files.list(Path.of("forms"))) {
      for (Path p : bestanden.filter(x -> x.toString().endsWith(".form")).toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          Formulier f = Formulier.lees(p.getFileName().toString(), in);
          assertThat(f.id()).as(p.toString()).isEqualTo(p.getFileName().toString().replace(".form", ""));
          velden += f.velden().size();
          voorwaarden += (int) f.velden().stream().filter(v -> v.verberg() != null).count();
        }
      }
    }
    assertThat(velden).isGreaterThan(300);
    assertThat(voorwaarden).isGreaterThan(40);
  }

  @Test
  void theFeelSubsetOfTheFormsEvaluatesAsFormJsDoes() {
    Verbergvoorwaarde v = Verbergvoorwaarde.lees(
        "=verificatieStap != \"RESULTAAT\" or verificatieResultaat != \"NEGATIEF\"");
    assertThat(v.verbergt(Map.of("verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF")::get))
        .isFalse();
    assertThat(v.verbergt(Map.of("verificatieStap", "RESULTAAT", "verificatieResultaat", "POSITIEF")::get))
        .isTrue();
    assertThat(v.verbergt(Map.<String, Object>of()::get)).isTrue();
    Map<String, Object> leeg = new HashMap<>();
    leeg.put("doorgifteBuitenEer", "");
    assertThat(Verbergvoorwaarde.lees("=soortWijziging = \"VERVALLEN\" or doorgifteBuitenEer = null or "
        + "doorgifteBuitenEer = \"\"").verbergt(leeg::get)).isTrue();
    assertThat(Verbergvoorwaarde.lees("=not(mogelijkHerhaaldVan)").verbergt(Map.of("mogelijkHerhaaldVan",
        "AVG-2026-0001")::get)).isFalse();
    assertThat(Verbergvoorwaarde.lees("=not(mogelijkHerhaaldVan)").verbergt(Map.<String, Object>of()::get))
        .isTrue();
    assertThat(Verbergvoorwaarde.lees("=piaUitkomst = null").variabelen()).containsExactly("piaUitkomst");
    // a variable compared with another variable (datalek-concept-vaststellen: the directie follows the FG's advice)
    Verbergvoorwaarde volgtAdvies = Verbergvoorwaarde.lees(
        "=apBesluit != \"NIET_MELDEN\" and (fgApAdvies = null or apBesluit = fgApAdvies)");
    assertThat(volgtAdvies.variabelen()).containsExactlyInAnyOrder("apBesluit", "fgApAdvies");
    assertThat(volgtAdvies.verbergt(Map.<String, Object>of("apBesluit", "MELDEN", "fgApAdvies", "MELDEN")::get))
        .isTrue();
    assertThat(volgtAdvies.verbergt(Map.<String, Object>of("apBesluit", "MELDEN", "fgApAdvies", "NIET_MELDEN")::get))
        .isFalse();
    assertThat(volgtAdvies.verbergt(Map.<String, Object>of("apBesluit", "MELDEN")::get)).isTrue();
    assertThat(volgtAdvies.verbergt(Map.<String, Object>of("apBesluit", "NIET_MELDEN", "fgApAdvies",
        "NIET_MELDEN")::get)).isFalse();
  }

  @Test
  void feelOutsideTheSubsetIsRefusedWhenTheFormIsRead() {
    for (String onbekend : List.of("=count(lijst) > 2", "=a < 3", "=if a then b else c", "a = \"X\"",
        "=contains(naam, \"x\")")) {
      assertThatThrownBy(() -> Verbergvoorwaarde.lees(onbekend)).as(onbekend)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFieldIsCheckedByItsFormAndAHiddenFieldNotAtAll() throws Exception {
    Formulier f;
    try (InputStream in = Files.newInputStream(Path.of("forms/verzoek-duidelijkheid-beoordelen.form"))) {
      f = Formulier.lees("verzoek-duidelijkheid-beoordelen.form", in);
    }
    assertThat(Formuliercontrole.fouten(f, Map.<String, Object>of("verzoekDuidelijk", "JA")::get)).isEmpty();
    assertThat(Formuliercontrole.fouten(f, Map.<String, Object>of("verzoekDuidelijk", "MISSCHIEN")::get))
        .containsExactly("Veld 'Is het verzoek duidelijk?' (verzoekDuidelijk): 'MISSCHIEN' hoort niet bij de "
            + "opties; kies een van de opties (JA, NEE).");
    assertThat(Formuliercontrole.fouten(f, Map.<String, Object>of("verzoekDuidelijk", "NEE")::get))
        .singleElement().asString().contains("(verduidelijkingsvraag): vul dit veld in.");
    assertThat(Formuliercontrole.fouten(f, Map.<String, Object>of("verzoekDuidelijk", "NEE",
        "verduidelijkingsvraag", "x".repeat(2001))::get))
        .singleElement().asString().contains("te lang: hoogstens 2000 tekens (nu 2001)");
  }
}
