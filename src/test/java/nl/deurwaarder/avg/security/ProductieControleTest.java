package nl.deurwaarder.avg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production guard's checks of the settings, before the engine is built (no Spring context). */
class ProductieControleTest {

  private static final String STERK = "Sterk-Wachtwoord-2026!";

  private static ProductieControle controle(String basisUrl) {
    return new ProductieControle("beheerder", STERK, "smtp.kantoor.nl", basisUrl);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://avg.kantoor.nl", "https://avg.kantoor.nl/", "http://avg-server:8080",
      "https://10.1.2.3", "https://privacy.kantoor-de-vries.nl"})
  void anAddressOthersCanReachIsAccepted(String basisUrl) {
    assertThat(ProductieControle.basisadresFout(basisUrl)).isNull();
    assertThatCode(() -> controle(basisUrl).preInit(null)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "https://avg.localhost", "http://127.0.0.1:8080",
      "http://127.1.2.3", "http://[::1]:8080", "http://0.0.0.0:8080"})
  void anAddressOfThisMachineIsRefusedWithADutchLine(String basisUrl) {
    assertThatThrownBy(() -> controle(basisUrl).preInit(null))
        .isInstanceOf(ProductieControle.OnveiligeInstellingException.class)
        .hasMessage("Productie-instellingen geweigerd: AVG_BASIS_URL '" + basisUrl + "' wijst naar deze machine "
            + "zelf; de links in mails werken dan niet bij de ontvanger: stel het adres in waarop medewerkers de app "
            + "openen (bijvoorbeeld https://avg.kantoor.nl)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void anUnsetAddressIsRefused(String basisUrl) {
    assertThatThrownBy(() -> controle(basisUrl).preInit(null))
        .isInstanceOf(ProductieControle.OnveiligeInstellingException.class)
        .hasMessage("Productie-instellingen geweigerd: stel AVG_BASIS_URL in op het adres waarop medewerkers de app "
            + "openen (bijvoorbeeld https://avg.kantoor.nl): zonder dat adres bevat elke mail een dode link");
    assertThatThrownBy(() -> controle(null).preInit(null))
        .isInstanceOf(ProductieControle.OnveiligeInstellingException.class);
  }

  @Test
  void somethingThatIsNoWebAddressIsRefused() {
    assertThat(ProductieControle.basisadresFout("avg.kantoor.nl")).contains("geen geldig webadres");
    assertThat(ProductieControle.basisadresFout("https://avg kantoor")).contains("geen geldig webadres");
  }

  @Test
  void allFaultsAreNamedInOneLine() {
    assertThatThrownBy(() -> new ProductieControle("beheerder", "admin", "", "http://localhost:8080").preInit(null))
        .hasMessageContaining("het wachtwoord van beheerder 'beheerder' is een demo-wachtwoord")
        .hasMessageContaining("stel de mailserver in met SPRING_MAIL_HOST")
        .hasMessageContaining("AVG_BASIS_URL 'http://localhost:8080' wijst naar deze machine zelf")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
