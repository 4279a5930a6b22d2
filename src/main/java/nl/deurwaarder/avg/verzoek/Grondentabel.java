package nl.deurwaarder.avg.verzoek;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The evaluated decision table {@code bpmn/verzoekgronden.dmn}: for every request type and kind of ground the rows
 * the table gives (hit policy COLLECT, in the table's order). Checked when it is built, so a table that the code
 * cannot use stops the deployment with a Dutch message instead of showing wrong texts later.
 */
public final class Grondentabel {

  public static final String BESLISSING = "verzoekgronden";
  public static final String BESTAND = "bpmn/verzoekgronden.dmn";
  /** The kinds of ground: the keys of the checklist fields in the "Verzoek beoordelen" forms. */
  public static final String AFWIJZINGSGRONDEN = "afwijzingsgronden";
  public static final List<String> SOORTEN = List.of(AFWIJZINGSGRONDEN, "toewijzingsgronden", "beperkingsgronden");
  /** Codes go into the register, the CSV and (as column names) the report's SQL: upper case, digits, underscores. */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

  private final List<Verzoekgrond> gronden;

  private Grondentabel(List<Verzoekgrond> gronden) {
    this.gronden = List.copyOf(gronden);
    controleer();
  }

  /**
   * Evaluates the table once per request type and kind of ground.
   *
   * @param evaluatie (request type, kind) → the table's result list (one map of output name → value per row)
   */
  public static Grondentabel evalueer(BiFunction<VerzoekType, String, List<Map<String, Object>>> evaluatie) {
    List<Verzoekgrond> gronden = new ArrayList<>();
    for (VerzoekType type : VerzoekType.values()) {
      for (String soort : SOORTEN) {
        for (Map<String, Object> rij : evaluatie.apply(type, soort)) {
          gronden.add(new Verzoekgrond(type, soort, tekst(rij, "grond"), tekst(rij, "formulierLabel"),
              tekst(rij, "kortLabel"), tekst(rij, "fgTekst"), tekst(rij, "briefTekst"), tekst(rij, "bron")));
        }
      }
    }
    return new Grondentabel(gronden);
  }

  /**
   * Evaluates the table from the file's bytes, before it is deployed (the deployment step fills the forms with it),
   * with Camunda's DMN engine API ({@code org.camunda.bpm.dmn.engine}, the engine the process engine embeds).
   */
  public static Grondentabel uitDmn(byte[] dmn) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnDecision beslissing = engine.parseDecision(BESLISSING, new ByteArrayInputStream(dmn));
    return evalueer((type, soort) -> engine.evaluateDecisionTable(beslissing,
        Map.<String, Object>of("verzoekType", type.name(), "soort", soort)).getResultList());
  }

  /** The grounds of one request type and kind, in the table's order. */
  public List<Verzoekgrond> gronden(VerzoekType type, String soort) {
    return gronden.stream().filter(g -> g.verzoekType() == type && g.soort().equals(soort)).toList();
  }

  public List<Verzoekgrond> alle() {
    return gronden;
  }

  /** A ground by its code (its texts other than the form label are the same in every row, see controleer()). */
  public Optional<Verzoekgrond> grond(String code) {
    return gronden.stream().filter(g -> g.code().equals(code)).findFirst();
  }

  /** The codes of one kind over all request types, each once, in the table's order. */
  public List<String> codes(String soort) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    gronden.stream().filter(g -> g.soort().equals(soort)).forEach(g -> codes.add(g.code()));
    return List.copyOf(codes);
  }

  private void controleer() {
    List<String> fouten = new ArrayList<>();
    Map<String, Verzoekgrond> eerste = new LinkedHashMap<>();
    LinkedHashSet<String> gezien = new LinkedHashSet<>();
    for (Verzoekgrond g : gronden) {
      String waar = BESTAND + ", " + g.verzoekType() + "/" + g.soort() + ", grond '" + g.code() + "'";
      if (g.code() == null || !CODE.matcher(g.code()).matches()) {
        fouten.add(waar + ": de code moet uit hoofdletters, cijfers en _ bestaan");
        continue;
      }
      if (g.formulierLabel() == null || g.formulierLabel().isBlank()) {
        fouten.add(waar + ": tekst in het formulier ontbreekt");
      }
      if (g.fgTekst() == null || g.fgTekst().isBlank()) {
        fouten.add(waar + ": samenvatting voor de FG ontbreekt");
      }
      if (!gezien.add(g.verzoekType() + "/" + g.soort() + "/" + g.code())) {
        fouten.add(waar + ": komt twee keer voor");
      }
      Verzoekgrond vorige = eerste.putIfAbsent(g.code(), g);
      if (vorige != null && !(Objects.equals(vorige.soort(), g.soort())
          && Objects.equals(vorige.kortLabel(), g.kortLabel()) && Objects.equals(vorige.fgTekst(), g.fgTekst())
          && Objects.equals(vorige.briefTekst(), g.briefTekst()))) {
        fouten.add(waar + ": soort, kort label, FG-samenvatting en briefzin moeten gelijk zijn aan die bij "
            + vorige.verzoekType() + " (alleen de tekst in het formulier mag per soort verzoek verschillen)");
      }
    }
    if (!fouten.isEmpty()) {
      throw new IllegalStateException("Beslistabel verzoekgronden klopt niet: " + String.join("; ", fouten));
    }
  }

  private static String tekst(Map<String, Object> rij, String naam) {
    Object waarde = rij.get(naam);
    return waarde == null || waarde.toString().isBlank() ? null : waarde.toString();
  }
}
