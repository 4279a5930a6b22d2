package nl.deurwaarder.avg.verzoek.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Prefills the task "Reactie samenstellen" (PH-PRO-01 §5.5): the list of enclosures, legend and the art. 15(1) information,
 * from the verwerkingsregister when an {@link Artikel15Informatie} bean exists, else standard texts. Values the
 * coordinator already edited are kept.
 */
@Component("inzagereactie")
public class InzageReactie {

  private final ObjectProvider<Artikel15Informatie> verwerkingsregister;
  private final KantoorProfiel kantoor;

  public InzageReactie(ObjectProvider<Artikel15Informatie> verwerkingsregister, KantoorProfiel kantoor) {
    this.verwerkingsregister = verwerkingsregister;
    this.kantoor = kantoor;
  }

  public void voorbereiden(DelegateExecution execution) {
    String ref = VerzoekregisterInProces.referentie(execution);
    Map<String, String> teksten = new LinkedHashMap<>(standaard());
    Artikel15Informatie bron = verwerkingsregister.getIfAvailable();
    if (bron != null) {
      bron.voor(ref).forEach((k, v) -> {
        if (v != null && !v.isBlank()) {
          teksten.put(k, v);
        }
      });
    }
    teksten.forEach((k, v) -> {
      if (execution.getVariable(k) == null) {
        execution.setVariable(k, v);
      }
    });
  }

  Map<String, String> standaard() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("bijlagen", "Overzicht van uw persoonsgegevens bij " + kantoor.naam() + " (gescreende gegevens)");
    t.put("legenda", "\"naam\": weggelaten naam van een ander\n"
        + "zwarte balk: weggelaten gegevens van een ander\n"
        + "bron: het systeem of archief waaruit het stuk komt");
    t.put("informatieDoeleinden", "De uitvoering van ambtelijke taken van de gerechtsdeurwaarder (betekening, "
        + "beslag, ontruiming) en ambtshalve werkzaamheden zoals incasso in opdracht van opdrachtgevers.");
    t.put("informatieCategorieen", "Naam, adres, woonplaats, geboortedatum, contactgegevens, dossier- en "
        + "betalingsgegevens en gegevens uit de Basisregistratie Personen.");
    t.put("informatieOntvangers", "Opdrachtgevers, rechtbanken, andere gerechtsdeurwaarders en verwerkers die "
        + "in onze opdracht werken.");
    t.put("informatieBewaartermijn", "Dossiers worden 10 jaar na afsluiting bewaard (PH-ALG-05).");
    t.put("informatieBron", "De opdrachtgever en verplichte raadplegingen van openbare registers zoals de BRP.");
    return t;
  }
}
