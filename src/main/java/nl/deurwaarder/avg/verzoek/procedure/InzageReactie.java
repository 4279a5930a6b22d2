package nl.deurwaarder.avg.verzoek.procedure;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verwerkingsregister.Artikel15Informatie;
import nl.deurwaarder.avg.verwerkingsregister.Artikel15Informatie.Overzicht;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Prefills the task "Reactie samenstellen" (PH-PRO-01 §5.5): the list of enclosures, the legend and the information
 * of AVG art. 15(1), taken from the PUBLISHED verwerkingsregister ({@link Artikel15Informatie}) for the data subject
 * categories in variable {@code betrokkeneCategorieen} (comma-separated; default "Debiteur", the usual requester at a
 * bailiff office). Without a published register (or no matching processing) standard texts are offered. The
 * coordinator checks and may edit every text in the form; values already in the process are kept.
 */
@Component("inzagereactie")
public class InzageReactie {

  private static final Logger LOG = LoggerFactory.getLogger(InzageReactie.class);
  static final String STANDAARD_CATEGORIE = "Debiteur";

  private final Artikel15Informatie verwerkingsregister;
  private final KantoorProfiel kantoor;

  public InzageReactie(Artikel15Informatie verwerkingsregister, KantoorProfiel kantoor) {
    this.verwerkingsregister = verwerkingsregister;
    this.kantoor = kantoor;
  }

  public void voorbereiden(DelegateExecution execution) {
    Object gevraagd = execution.getVariable("betrokkeneCategorieen");
    List<String> categorieen = gevraagd == null || gevraagd.toString().isBlank() ? List.of(STANDAARD_CATEGORIE)
        : Arrays.stream(gevraagd.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    Map<String, String> teksten = new LinkedHashMap<>(standaard());
    teksten.putAll(uitRegister(categorieen));
    teksten.forEach((k, v) -> {
      if (execution.getVariable(k) == null) {
        execution.setVariable(k, v);
      }
    });
  }

  /** The art. 15(1) texts from the published register, one item per line (the letter prints them as a list). */
  Map<String, String> uitRegister(List<String> categorieen) {
    Overzicht o;
    try {
      o = verwerkingsregister.voor(categorieen);
    } catch (RuntimeException e) {
      LOG.warn("Art. 15-informatie niet uit het verwerkingsregister: {}; standaardteksten gebruikt", e.getMessage());
      return Map.of();
    }
    if (o.leeg()) {
      return Map.of();
    }
    Map<String, String> t = new LinkedHashMap<>();
    t.put("informatieDoeleinden", o.doelen().stream()
        .map(d -> d.verwerking() + ": " + d.doeleind() + " (grondslag: " + d.grondslag() + ")")
        .distinct().collect(Collectors.joining("\n")));
    t.put("informatieCategorieen", o.categorieenPersoonsgegevens().stream()
        .map(c -> c.naam() + (c.bijzonder() && c.bijzondereCategorie() != null
            ? " (bijzonder persoonsgegeven: " + c.bijzondereCategorie() + ")" : ""))
        .distinct().collect(Collectors.joining("\n")));
    if (!o.ontvangers().isEmpty()) {
      t.put("informatieOntvangers", String.join("\n", o.ontvangers()));
    }
    t.put("informatieBewaartermijn", o.bewaartermijnen().stream()
        .map(b -> b.verwerking() + ": " + b.bewaartermijn()).distinct().collect(Collectors.joining("\n")));
    if (!o.bronnen().isEmpty()) {
      t.put("informatieBron", String.join("\n", o.bronnen()));
    }
    return t;
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
