package nl.deurwaarder.avg.verwerkingsregister;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The screening questions of the PIA decision tree (PH-PRO-08) as the forms ask them and the decision table
 * {@code pia-nodig} reads them: the criteria of AVG art. 35(3), the seventeen kinds of processing on the AP's list
 * (Besluit lijst verwerkingen DPIA verplicht, Stcrt. 2019, 64418) and the nine criteria of the EDPB guidelines
 * (WP248). Which combination needs a PIA is the table's business, not this class's.
 */
public final class PiaCriteria {

  public static final Set<String> ART35 = Set.of("PROFILERING_MET_RECHTSGEVOLGEN",
      "BIJZONDERE_OF_STRAFRECHTELIJKE_GEGEVENS_GROOTSCHALIG", "MONITORING_OPENBARE_RUIMTE");
  public static final Set<String> AP_LIJST = Set.of("HEIMELIJK_ONDERZOEK", "ZWARTE_LIJSTEN", "FRAUDEBESTRIJDING",
      "CREDITSCORES", "FINANCIELE_SITUATIE", "GENETISCHE_GEGEVENS", "GEZONDHEIDSGEGEVENS", "SAMENWERKINGSVERBANDEN",
      "CAMERATOEZICHT", "FLEXIBEL_CAMERATOEZICHT", "CONTROLE_WERKNEMERS", "LOCATIEGEGEVENS", "COMMUNICATIEGEGEVENS",
      "INTERNET_OF_THINGS", "PROFILERING", "GEDRAG_OBSERVEREN_BEINVLOEDEN", "BIOMETRISCHE_GEGEVENS");
  public static final Set<String> EDPB = Set.of("EVALUATIE_OF_SCORING", "GEAUTOMATISEERDE_BESLUITVORMING",
      "STELSELMATIGE_MONITORING", "GEVOELIGE_GEGEVENS", "GROOTSCHALIG", "GECOMBINEERDE_GEGEVENSVERZAMELINGEN",
      "KWETSBARE_BETROKKENEN", "INNOVATIEVE_TECHNOLOGIE", "VERHINDERT_RECHT_OF_DIENST");

  private PiaCriteria() {
  }

  /**
   * Puts the three lists as plain lists of codes into the scope (a form may send a JSON string, a list or nothing)
   * so the decision table can read them; an unknown code is refused with a Dutch message.
   */
  public static void normaliseer(VariableScope scope) {
    normaliseer(scope, "piaArt35", ART35);
    normaliseer(scope, "piaApLijst", AP_LIJST);
    normaliseer(scope, "piaEdpbCriteria", EDPB);
    Object hoog = scope.getVariable("hoogRisico");
    String h = hoog == null ? "NEE" : hoog instanceof Boolean b ? (b ? "JA" : "NEE") : hoog.toString().trim();
    scope.setVariable("hoogRisico", "JA".equalsIgnoreCase(h) || "true".equalsIgnoreCase(h) ? "JA" : "NEE");
  }

  private static void normaliseer(VariableScope scope, String naam, Set<String> toegestaan) {
    List<String> waarden = new ArrayList<>(Invoercontrole.alsLijst(scope.getVariable(naam)));
    for (String w : waarden) {
      if (!toegestaan.contains(w)) {
        throw new OngeldigeInvoerException("'" + naam + "' bevat een onbekende waarde: " + w + ".");
      }
    }
    scope.setVariable(naam, waarden);
  }
}
