package nl.deurwaarder.avg.verzoek;

import java.util.Optional;
import nl.deurwaarder.avg.archief.ArchiefdossierBron;
import org.springframework.stereotype.Component;

/** The archive's view of the Register AVG-verzoeken: requests ({@code AVG-...}) exist, have a name and a history. */
@Component
class VerzoekArchiefdossiers implements ArchiefdossierBron {

  private final VerzoekRegister register;

  VerzoekArchiefdossiers(VerzoekRegister register) {
    this.register = register;
  }

  @Override
  public boolean kent(String referentie) {
    return referentie.startsWith("AVG-");
  }

  @Override
  public boolean bestaat(String referentie) {
    return register.vind(referentie).isPresent();
  }

  @Override
  public Optional<String> naam(String referentie) {
    return register.vind(referentie).map(Verzoek::betrokkene).map(Betrokkene::naam);
  }

  @Override
  public void stukToegevoegd(String referentie, String gebruiker, String regel) {
    register.historie(referentie, gebruiker, "archief", null, regel);
  }
}
