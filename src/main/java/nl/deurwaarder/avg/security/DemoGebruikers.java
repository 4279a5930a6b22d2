package nl.deurwaarder.avg.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of the embedded default (spec/api.md), one per role, password equal to the user id. Never in
 * production ({@code avg.demo-gebruikers=false}), where {@link ProductieControle} refuses demo passwords.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "avg.demo-gebruikers", havingValue = "true")
public class DemoGebruikers implements ApplicationRunner {

  public record DemoGebruiker(String id, String voornaam, String achternaam, List<Rol> rollen) {
  }

  public static final List<DemoGebruiker> GEBRUIKERS = List.of(
      new DemoGebruiker("coordinator", "Demo", "Privacycoördinator", List.of(Rol.PRIVACYCOORDINATOR, Rol.MEDEWERKER)),
      new DemoGebruiker("fg", "Demo", "Functionaris Gegevensbescherming", List.of(Rol.FG)),
      new DemoGebruiker("directie", "Demo", "Directeur", List.of(Rol.DIRECTIE, Rol.MEDEWERKER)),
      new DemoGebruiker("medewerker", "Demo", "Medewerker", List.of(Rol.MEDEWERKER)),
      new DemoGebruiker("ict", "Demo", "ICT-medewerker", List.of(Rol.ICT, Rol.MEDEWERKER, Rol.DATALEKTEAM)));

  private static final Logger LOG = LoggerFactory.getLogger(DemoGebruikers.class);

  private final IdentityService identityService;
  private final Functiescheiding functiescheiding;

  public DemoGebruikers(IdentityService identityService, Functiescheiding functiescheiding) {
    this.identityService = identityService;
    this.functiescheiding = functiescheiding;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoGebruiker demo : GEBRUIKERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.voornaam());
        user.setLastName(demo.achternaam());
        user.setEmail(demo.id() + "@kantoor.example");
        user.setPassword(demo.id());
        identityService.saveUser(user);
      }
      for (Rol rol : demo.rollen()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(rol.groepId()).count() == 0) {
          functiescheiding.controleerLidmaatschap(demo.id(), rol.groepId());
          identityService.createMembership(demo.id(), rol.groepId());
        }
      }
    }
    LOG.warn("Demo-gebruikers actief (wachtwoord = gebruikersnaam): coordinator, fg, directie, medewerker, ict "
        + "en admin. Niet voor productie: start met SPRING_PROFILES_ACTIVE=productie.");
  }
}
