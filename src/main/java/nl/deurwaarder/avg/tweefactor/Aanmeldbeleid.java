package nl.deurwaarder.avg.tweefactor;

import nl.deurwaarder.avg.security.ProductieControle.OnveiligeInstellingException;
import nl.deurwaarder.avg.security.Rol;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who logs in how.
 * <ul>
 *   <li>{@code avg.tweefactor.verplicht=true} (production): every webapp login is password + code on
 *       {@code /aanmelden}; a first login enrols the authenticator app; HTTP Basic only for technical accounts.</li>
 *   <li>embedded default ({@code false}): the demo users keep the password-only login of Camunda's login form and
 *       HTTP Basic (spec/api.md); an account that has set up a second factor anyway must use it.</li>
 *   <li>always: a technical account (group {@code apikoppeling}) cannot log in to the webapps.</li>
 * </ul>
 */
@Component
public class Aanmeldbeleid {

  private static final Logger LOG = LoggerFactory.getLogger(Aanmeldbeleid.class);

  private final boolean verplicht;
  private final IdentityService identityService;
  private final TweedeFactor tweedeFactor;

  public Aanmeldbeleid(@Value("${avg.tweefactor.verplicht:false}") boolean verplicht, IdentityService identityService,
      TweedeFactor tweedeFactor, @Value("${avg.demo-gebruikers:false}") boolean demoGebruikers) {
    if (!verplicht && !demoGebruikers) {
      // production (no demo users) always asks for two factors: an environment variable cannot switch that off
      throw new OnveiligeInstellingException("zonder demo-gebruikers (productie) is de tweede factor verplicht: "
          + "verwijder AVG_TWEEFACTOR_VERPLICHT=false");
    }
    this.verplicht = verplicht;
    this.identityService = identityService;
    this.tweedeFactor = tweedeFactor;
  }

  public boolean isVerplicht() {
    return verplicht;
  }

  public boolean isTechnischAccount(String gebruiker) {
    return gebruiker != null && identityService.createUserQuery().userId(gebruiker)
        .memberOfGroup(Rol.API_KOPPELING.groepId()).count() > 0;
  }

  /** True when this account may not log in to the webapps with a password alone. */
  public boolean tweedeFactorNodig(String gebruiker) {
    return verplicht || tweedeFactor.isIngesteld(gebruiker);
  }

  @EventListener(ApplicationReadyEvent.class)
  void meldBijStart() {
    if (verplicht) {
      LOG.info("Aanmelden: wachtwoord en code uit een authenticator-app (tweede factor) verplicht voor Tasklist, "
          + "Cockpit, Admin en de beheer- en archiefpagina's; HTTP Basic alleen voor technische accounts "
          + "(groep apikoppeling).");
    } else {
      LOG.warn("Aanmelden zonder verplichte tweede factor (ingebouwde standaard): de demo-gebruikers melden zich aan "
          + "met alleen een wachtwoord en gebruiken HTTP Basic. Niet voor productie: start met "
          + "SPRING_PROFILES_ACTIVE=productie.");
    }
  }
}
