package nl.deurwaarder.avg.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Production guard (demo users off): refuses to start with a demo or trivial password for the administrator or for
 * any account that carries a demo user's name, and without an administrator or mail server.
 */
@Component
@Order(-10)
@ConditionalOnProperty(name = "avg.demo-gebruikers", havingValue = "false")
public class ProductieControle implements ApplicationRunner {

  static final Set<String> ZWAKKE_WACHTWOORDEN = Set.of(
      "admin", "demo", "camunda", "password", "wachtwoord", "welkom", "welkom01", "changeme", "geheim", "test");

  private final IdentityService identityService;
  private final String adminId;
  private final String adminWachtwoord;
  private final String mailHost;

  public ProductieControle(IdentityService identityService,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminWachtwoord,
      @Value("${spring.mail.host:}") String mailHost) {
    this.identityService = identityService;
    this.adminId = adminId;
    this.adminWachtwoord = adminWachtwoord;
    this.mailHost = mailHost;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> fouten = new ArrayList<>();
    if (adminId.isBlank() || adminWachtwoord.isBlank()) {
      fouten.add("stel de beheerder in met CAMUNDA_BPM_ADMINUSER_ID en CAMUNDA_BPM_ADMINUSER_PASSWORD");
    } else if (isDemoWachtwoord(adminId, adminWachtwoord)) {
      fouten.add("het wachtwoord van beheerder '" + adminId + "' is een demo-wachtwoord");
    }
    if (mailHost.isBlank()) {
      fouten.add("stel de mailserver in met SPRING_MAIL_HOST");
    }
    for (DemoGebruikers.DemoGebruiker demo : DemoGebruikers.GEBRUIKERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        if (identityService.checkPassword(demo.id(), demo.id())) {
          fouten.add("gebruiker '" + demo.id() + "' heeft nog het demo-wachtwoord");
        } else {
          // this check must not count as a failed login attempt of a real account
          identityService.unlockUser(demo.id());
        }
      }
    }
    if (!fouten.isEmpty()) {
      throw new OnveiligeInstellingException(String.join("; ", fouten));
    }
  }

  static boolean isDemoWachtwoord(String userId, String wachtwoord) {
    String w = wachtwoord.toLowerCase(Locale.ROOT);
    return w.equals(userId.toLowerCase(Locale.ROOT)) || ZWAKKE_WACHTWOORDEN.contains(w) || w.length() < 10;
  }

  /** Start-up refused: an unsafe production setting. */
  public static class OnveiligeInstellingException extends IllegalStateException {
    public OnveiligeInstellingException(String message) {
      super("Productie-instellingen geweigerd: " + message);
    }
  }
}
