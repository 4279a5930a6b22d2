package nl.deurwaarder.avg.datalek;

import java.util.HashMap;
import java.util.Map;
import nl.deurwaarder.avg.brief.BriefInvoer;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Briefdossier;
import nl.deurwaarder.avg.brief.BriefdossierBron;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Letter data of a breach from the Register datalekken (replaces {@code brief.DatalekBriefdossiers} for entries in
 * the register; same keys, docs/brieven.md). {@code DATALEK_BERICHT_MELDER} goes to the reporter of the register
 * entry; {@code DATALEK_MELDING_BETROKKENEN} to the data subject given as input ({@code briefOntvanger*}), with
 * {@code omschrijving}, {@code ontdektOp} and {@code inbreukCategorieen} from the register. Letters are logged in
 * the register's history.
 */
@Component("datalekregisterBriefdossiers")
@Order(50)
public class DatalekBriefdossiers implements BriefdossierBron {

  private final DatalekRegister register;

  public DatalekBriefdossiers(DatalekRegister register) {
    this.register = register;
  }

  @Override
  public boolean kent(String referentie) {
    return referentie != null && referentie.startsWith("DL-") && register.vind(referentie).isPresent();
  }

  @Override
  public Briefdossier dossier(BriefType type, String referentie, Map<String, Object> invoer) {
    Datalek d = register.haal(referentie);
    BriefInvoer in = new BriefInvoer(invoer);
    Map<String, Object> gegevens = new HashMap<>();
    gegevens.put("gemeldOp", java.util.Date.from(d.moment("gemeldOp").toInstant()));
    gegevens.put("ontdektOp", java.util.Date.from(d.ontdektOp().toInstant()));
    gegevens.put("inbreukCategorieen", d.inbreukCategorieen());
    if (d.tekst("omschrijving") != null) {
      gegevens.put("omschrijving", d.tekst("omschrijving"));
    }
    if (type == BriefType.DATALEK_BERICHT_MELDER && in.tekst("briefOntvangerNaam") == null) {
      String naam = d.tekst("melderNaam") == null ? "melder" : d.tekst("melderNaam");
      gegevens.put("briefOntvangerNaam", naam);
      if (d.tekst("melderEmail") != null) {
        gegevens.put("briefOntvangerEmail", d.tekst("melderEmail"));
      }
      return new Briefdossier(referentie, naam, d.tekst("melderEmail"), null, gegevens);
    }
    return new Briefdossier(referentie, in.tekst("briefOntvangerNaam"), in.tekst("briefOntvangerEmail"),
        in.tekst("briefOntvangerAdres"), gegevens);
  }

  @Override
  public void logBrief(String referentie, String gebruiker, String regel) {
    register.historie(referentie, gebruiker, "brief", null, regel);
  }
}
