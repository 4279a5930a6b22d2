package nl.deurwaarder.avg.verzoek;

import java.util.HashMap;
import java.util.Map;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Briefdossier;
import nl.deurwaarder.avg.brief.BriefdossierBron;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Letter data of a request ({@code AVG-...}) from the Register AVG-verzoeken. */
@Component
@Order(1)
public class VerzoekBriefdossiers implements BriefdossierBron {

  private final VerzoekRegister register;

  public VerzoekBriefdossiers(VerzoekRegister register) {
    this.register = register;
  }

  @Override
  public boolean kent(String referentie) {
    return referentie != null && referentie.startsWith("AVG-");
  }

  @Override
  public Briefdossier dossier(BriefType type, String referentie, Map<String, Object> invoer) {
    Verzoek v = register.haal(referentie);
    Map<String, Object> g = new HashMap<>();
    g.put("verzoekType", v.verzoekType().name());
    g.put("verzoekNaam", v.verzoekType().naam());
    g.put("kanaal", v.kanaal().omschrijving());
    g.put("ontvangenOp", v.ontvangenOp());
    g.put("uitersteReactiedatum", v.uitersteReactiedatum());
    g.put("wettelijkeUitersteDatum", v.wettelijkeUitersteDatum());
    g.put("betrokkeneNaam", v.betrokkene().naam());
    g.put("dossiernummer", v.betrokkene().dossiernummer());
    g.put("verzoekDoorDerde", v.verzoekerRol() != null && v.verzoekerRol().isDerde());
    g.put("verlengd", v.verlengd());
    g.put("verlengingMotivering", v.verlengingMotivering());
    g.put("afwijzingsgronden", v.afwijzingsgronden());
    g.put("uitgevoerdOp", v.uitgevoerdOp());
    g.values().removeIf(java.util.Objects::isNull);
    if (type == BriefType.VERIFICATIE_NEGATIEF) {
      // PH-PRO-01 §3.3: the data subject is told that a request on their data was made and rejected; the requester's
      // identity could not be established, so the letter never goes to the requester's address. The coordinator
      // confirmed (task "Identiteit verifiëren") whether the data subject's address in the request is the one in the
      // office's dossier, or gave the dossier's address: the warning goes there, not to what an impostor typed.
      if ("ADRES_DOSSIER".equals(invoer.get("waarschuwingAdres"))) {
        String adres = leegAlsNull(invoer.get("dossierAdres") == null ? null : invoer.get("dossierAdres").toString());
        String email = leegAlsNull(invoer.get("dossierEmail") == null ? null : invoer.get("dossierEmail").toString());
        return new Briefdossier(referentie, v.betrokkene().naam(), email, adres, g);
      }
      return new Briefdossier(referentie, v.betrokkene().naam(), leegAlsNull(v.betrokkene().email()),
          v.betrokkene().adres(), g);
    }
    // letters go to the requester when a third party filed the request and gave an address (Verzoek.briefadresEmail)
    boolean naarDerde = v.verzoekerRol() != null && v.verzoekerRol().isDerde() && v.verzoekerEmail() != null
        && !v.verzoekerEmail().isBlank();
    String adres = naarDerde ? null : v.betrokkene().adres();
    return new Briefdossier(referentie, v.briefaanhefNaam(), leegAlsNull(v.briefadresEmail()), adres, g);
  }

  @Override
  public void logBrief(String referentie, String gebruiker, String regel) {
    register.historie(referentie, gebruiker, "brief", null, regel);
  }

  private static String leegAlsNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
