package nl.deurwaarder.avg.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production guard (demo users off): refuses to start with a demo or trivial password for the administrator or for
 * any account that carries a demo user's name, without an administrator or mail server, and without the address staff
 * open the app at ({@code AVG_BASIS_URL}): unset, or pointing to this machine ({@code localhost}, {@code 127.0.0.1},
 * {@code ::1}), every link in a mail (archive, Tasklist, {@code /beheer/brieven}) would be dead for its reader.
 *
 * <p>A process engine plugin, so that it runs while the engine is built: the settings are checked before the engine
 * exists (before the Camunda starter stores the administrator with the configured password, and long before the web
 * server accepts connections), the accounts in the database right after the engine is built. Checked later (as an
 * {@code ApplicationRunner}), a refused start would already have served requests and left the administrator in the
 * database with the demo password, which a restart with a strong password then does not change.
 */
@Component
@ConditionalOnProperty(name = "avg.demo-gebruikers", havingValue = "false")
public class ProductieControle extends AbstractProcessEnginePlugin {

  static final Set<String> ZWAKKE_WACHTWOORDEN = Set.of(
      "admin", "demo", "camunda", "password", "wachtwoord", "welkom", "welkom01", "changeme", "geheim", "test");

  private final String adminId;
  private final String adminWachtwoord;
  private final String mailHost;
  private final String basisUrl;

  public ProductieControle(
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminWachtwoord,
      @Value("${spring.mail.host:}") String mailHost,
      @Value("${avg.basis-url:}") String basisUrl) {
    this.adminId = adminId;
    this.adminWachtwoord = adminWachtwoord;
    this.mailHost = mailHost;
    this.basisUrl = basisUrl;
  }

  /** The settings, before the engine is built. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> fouten = new ArrayList<>();
    if (adminId.isBlank() || adminWachtwoord.isBlank()) {
      fouten.add("stel de beheerder in met CAMUNDA_BPM_ADMINUSER_ID en CAMUNDA_BPM_ADMINUSER_PASSWORD");
    } else if (isDemoWachtwoord(adminId, adminWachtwoord)) {
      fouten.add("het wachtwoord van beheerder '" + adminId + "' is een demo-wachtwoord");
    }
    if (mailHost.isBlank()) {
      fouten.add("stel de mailserver in met SPRING_MAIL_HOST");
    }
    String basisadresFout = basisadresFout(basisUrl);
    if (basisadresFout != null) {
      fouten.add(basisadresFout);
    }
    weigerBij(fouten);
  }

  /** The accounts in the database (e.g. demo users left from an embedded start on the same database). */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    IdentityService identityService = processEngine.getIdentityService();
    List<String> fouten = new ArrayList<>();
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
    weigerBij(fouten);
  }

  private static void weigerBij(List<String> fouten) {
    if (!fouten.isEmpty()) {
      throw new OnveiligeInstellingException(String.join("; ", fouten));
    }
  }

  /**
   * What is wrong with the address staff open the app at, for links in mails; null when it is usable. Only unset and
   * this machine's own addresses are refused here; {@code mail.Webadressen} checks the form (scheme, host).
   */
  static String basisadresFout(String basisUrl) {
    String waarde = basisUrl == null ? "" : basisUrl.strip();
    if (waarde.isEmpty()) {
      return "stel AVG_BASIS_URL in op het adres waarop medewerkers de app openen (bijvoorbeeld "
          + "https://avg.kantoor.nl): zonder dat adres bevat elke mail een dode link";
    }
    String host;
    try {
      host = java.net.URI.create(waarde).getHost();
    } catch (IllegalArgumentException e) {
      return "AVG_BASIS_URL '" + waarde + "' is geen geldig webadres (bijvoorbeeld https://avg.kantoor.nl)";
    }
    if (host == null) {
      return "AVG_BASIS_URL '" + waarde + "' is geen geldig webadres (bijvoorbeeld https://avg.kantoor.nl)";
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("0.0.0.0")
        || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return "AVG_BASIS_URL '" + waarde + "' wijst naar deze machine zelf; de links in mails werken dan niet bij de "
          + "ontvanger: stel het adres in waarop medewerkers de app openen (bijvoorbeeld https://avg.kantoor.nl)";
    }
    return null;
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
