package nl.deurwaarder.avg.brief;

import java.util.HashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Letter data of a breach ({@code DL-...}). The breach register does not exist yet, so everything comes from the
 * caller's input (the breach process's variables): the addressee from {@code briefOntvangerNaam},
 * {@code briefOntvangerEmail}, {@code briefOntvangerAdres}; the content keys of docs/brieven.md. When the register
 * arrives, a {@link BriefdossierBron} on it replaces this class (same keys), and the processes pass less input.
 */
@Component
@Order(100)
public class DatalekBriefdossiers implements BriefdossierBron {

  @Override
  public boolean kent(String referentie) {
    return referentie != null && referentie.startsWith("DL-");
  }

  @Override
  public Briefdossier dossier(BriefType type, String referentie, Map<String, Object> invoer) {
    BriefInvoer in = new BriefInvoer(invoer);
    return new Briefdossier(referentie, in.tekst("briefOntvangerNaam"), in.tekst("briefOntvangerEmail"),
        in.tekst("briefOntvangerAdres"), new HashMap<>());
  }
}
