package nl.deurwaarder.avg.tweefactor;

import static nl.deurwaarder.avg.tweefactor.Aanmeldbrowser.codeVoor;
import static nl.deurwaarder.avg.tweefactor.Aanmeldbrowser.geheimVan;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nl.deurwaarder.avg.AvgProductieTest;
import nl.deurwaarder.avg.security.Rol;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff login with two factors, with the production settings, over real HTTP: what a user, an administrator and an
 * integration meet. Each test uses its own account (a TOTP code is valid once, so one account cannot log in twice in
 * the same 30 seconds with fresh codes).
 */
@AvgProductieTest
@ExtendWith(OutputCaptureExtension.class)
class TweeFactorAanmeldingIT {

  static final String WACHTWOORD = "Een-Lang-Wachtwoord-42";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;

  private String maakGebruiker(String id, Rol... rollen) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User u = identityService.newUser(id);
      u.setFirstName("Proef");
      u.setLastName(id);
      u.setPassword(WACHTWOORD);
      identityService.saveUser(u);
      for (Rol rol : rollen) {
        identityService.createMembership(id, rol.groepId());
      }
    }
    return id;
  }

  /** Enrols the account through the pages and logs it in; answers the secret (the app's copy). */
  private byte[] schrijfIn(Aanmeldbrowser browser, String gebruiker) throws Exception {
    assertThat(browser.wachtwoord(gebruiker, WACHTWOORD).headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/aanmelden/instellen"));
    byte[] geheim = geheimVan(browser.get("/aanmelden/instellen").body());
    HttpResponse<String> codes = browser.post("/aanmelden/instellen", Map.of("code", codeVoor(geheim, 0)));
    assertThat(codes.statusCode()).isEqualTo(200);
    assertThat(browser.post("/aanmelden/doorgaan", Map.of()).statusCode()).isEqualTo(302);
    return geheim;
  }

  @Test
  void firstLoginEnrolsWithALocallyDrawnQrCodeAndShowsTenRecoveryCodesOnce() throws Exception {
    String gebruiker = maakGebruiker("tfinschrijving", Rol.MEDEWERKER);
    Aanmeldbrowser browser = new Aanmeldbrowser(port);

    HttpResponse<String> wachtwoord = browser.wachtwoord(gebruiker, WACHTWOORD);
    assertThat(wachtwoord.statusCode()).isEqualTo(302);
    assertThat(wachtwoord.headers().firstValue("Location").orElseThrow()).endsWith("/aanmelden/instellen");
    assertThat(browser.webappGebruiker().statusCode()).as("not logged in after the password").isEqualTo(404);

    HttpResponse<String> pagina = browser.get("/aanmelden/instellen");
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("Tweede factor instellen").contains("authenticator-app")
        .doesNotContain("http://", "https://chart", "googleapis");
    byte[] geheim = geheimVan(pagina.body());
    // the QR code is an image in the page itself; it holds the same secret, for the office's name
    String otpauth = leesQr(pagina.body());
    assertThat(otpauth).startsWith("otpauth://totp/").contains("secret=" + Base32.codeer(geheim))
        .contains("issuer=").contains("digits=6").contains("period=30");
    // reloading the page shows the same secret until it is confirmed
    assertThat(geheimVan(browser.get("/aanmelden/instellen").body())).isEqualTo(geheim);

    HttpResponse<String> fout = browser.post("/aanmelden/instellen", Map.of("code", "000000".equals(
        codeVoor(geheim, 0)) ? "111111" : "000000"));
    assertThat(fout.statusCode()).isEqualTo(401);
    assertThat(fout.body()).contains("Deze code klopt niet");

    HttpResponse<String> herstel = browser.post("/aanmelden/instellen", Map.of("code", codeVoor(geheim, 0)));
    assertThat(herstel.statusCode()).isEqualTo(200);
    List<String> codes = herstelcodes(herstel.body());
    assertThat(codes).hasSize(10).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}"));
    assertThat(browser.webappGebruiker().statusCode()).as("not logged in before the codes were seen").isEqualTo(404);

    HttpResponse<String> verder = browser.post("/aanmelden/doorgaan", Map.of());
    assertThat(verder.statusCode()).isEqualTo(302);
    assertThat(verder.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/tasklist/default/");
    HttpResponse<String> ik = browser.webappGebruiker();
    assertThat(ik.statusCode()).isEqualTo(200);
    assertThat(ik.body()).contains("\"userId\":\"" + gebruiker + "\"").contains("tasklist");
    assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

    // stored: the secret only encrypted, the recovery codes only as hashes
    String opgeslagen = jdbc.queryForObject("select geheim_versleuteld from avg_tweede_factor where gebruiker = ?",
        String.class, gebruiker);
    assertThat(opgeslagen).doesNotContain(Base32.codeer(geheim))
        .doesNotContain(Base64.getEncoder().encodeToString(geheim));
    List<String> hashes = jdbc.queryForList("select code_hash from avg_herstelcode where gebruiker = ?", String.class,
        gebruiker);
    assertThat(hashes).hasSize(10).noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c.replace("-", ""))));
    // and the engine's REST API (an administrator's integration account) shows nothing of it
    String beheerkoppeling = maakGebruiker("tfbeheerkoppeling", Rol.API_KOPPELING, Rol.BEHEERDER);
    Aanmeldbrowser api = new Aanmeldbrowser(port);
    HttpResponse<String> profiel = api.client().send(HttpRequest.newBuilder(api.uri("/engine-rest/user/" + gebruiker
        + "/profile")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (beheerkoppeling + ":" + WACHTWOORD).getBytes())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(profiel.statusCode()).isEqualTo(200);
    assertThat(profiel.body()).contains(gebruiker).doesNotContain(Base32.codeer(geheim)).doesNotContain(opgeslagen);
  }

  @Test
  void aPasswordWithoutTheCodeIsNoLoginAnywhere() throws Exception {
    String gebruiker = maakGebruiker("tfzondercode", Rol.MEDEWERKER, Rol.PRIVACYCOORDINATOR);
    schrijfIn(new Aanmeldbrowser(port), gebruiker);

    Aanmeldbrowser browser = new Aanmeldbrowser(port);
    HttpResponse<String> stap1 = browser.wachtwoord(gebruiker, WACHTWOORD);
    assertThat(stap1.headers().firstValue("Location").orElseThrow()).endsWith("/aanmelden/code");
    // the password alone opens nothing: not the webapps, not the archive, not the beheer pages
    assertThat(browser.webappGebruiker().statusCode()).isEqualTo(404);
    HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/");
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location").orElseThrow())
        .endsWith("/aanmelden?doel=%2Fcamunda%2Fapp%2Ftasklist%2Fdefault%2F");
    assertThat(browser.get("/archief/AVG-2026-0001").statusCode()).isEqualTo(401);
    assertThat(browser.get("/verwerkingsregister").statusCode()).isEqualTo(401);

    // Camunda's own password-only login form is closed, with a Dutch message that says where to go
    HttpResponse<String> camunda = new Aanmeldbrowser(port).camundaLogin(gebruiker, WACHTWOORD, "tasklist");
    assertThat(camunda.statusCode()).isEqualTo(403);
    assertThat(camunda.body()).contains("\"message\"").contains("/aanmelden").contains("authenticator-app");

    // a wrong password never reaches the code step
    Aanmeldbrowser ander = new Aanmeldbrowser(port);
    HttpResponse<String> fout = ander.wachtwoord(gebruiker, "fout-wachtwoord");
    assertThat(fout.statusCode()).isEqualTo(401);
    assertThat(fout.body()).contains("Onjuiste gebruikersnaam of wachtwoord");
    assertThat(ander.get("/aanmelden/code").headers().firstValue("Location").orElseThrow()).endsWith("/aanmelden");
  }

  @Test
  void aWrongCodeIsRefusedAndTheRightOneLogsIn() throws Exception {
    String gebruiker = maakGebruiker("tffoutecode", Rol.MEDEWERKER, Rol.PRIVACYCOORDINATOR);
    byte[] geheim = schrijfIn(new Aanmeldbrowser(port), gebruiker);

    Aanmeldbrowser browser = new Aanmeldbrowser(port);
    browser.wachtwoord(gebruiker, WACHTWOORD);
    HttpResponse<String> fout = browser.code(andereCode(geheim));
    assertThat(fout.statusCode()).isEqualTo(401);
    assertThat(fout.body()).contains("Deze code klopt niet");
    assertThat(browser.webappGebruiker().statusCode()).isEqualTo(404);

    String code = codeVoor(geheim, 1); // the enrolment used the current step
    HttpResponse<String> goed = browser.code(code);
    assertThat(goed.statusCode()).isEqualTo(302);
    assertThat(browser.webappGebruiker().body()).contains("\"userId\":\"" + gebruiker + "\"");
    // the staff login opens the product's pages too (same session)
    assertThat(browser.get("/verwerkingsregister").statusCode()).isEqualTo(200);

    // the same code a second time (someone who saw it) is refused
    Aanmeldbrowser meekijker = new Aanmeldbrowser(port);
    meekijker.wachtwoord(gebruiker, WACHTWOORD);
    assertThat(meekijker.code(code).statusCode()).isEqualTo(401);
    assertThat(meekijker.webappGebruiker().statusCode()).isEqualTo(404);
  }

  @Test
  void aRecoveryCodeWorksOnce() throws Exception {
    String gebruiker = maakGebruiker("tfherstelcode", Rol.MEDEWERKER);
    Aanmeldbrowser inschrijving = new Aanmeldbrowser(port);
    inschrijving.wachtwoord(gebruiker, WACHTWOORD);
    byte[] geheim = geheimVan(inschrijving.get("/aanmelden/instellen").body());
    List<String> codes = herstelcodes(inschrijving.post("/aanmelden/instellen",
        Map.of("code", codeVoor(geheim, 0))).body());

    Aanmeldbrowser browser = new Aanmeldbrowser(port);
    browser.wachtwoord(gebruiker, WACHTWOORD);
    assertThat(browser.code(codes.get(3).toLowerCase().replace("-", " ")).statusCode()).isEqualTo(302);
    assertThat(browser.webappGebruiker().statusCode()).isEqualTo(200);

    Aanmeldbrowser nogmaals = new Aanmeldbrowser(port);
    nogmaals.wachtwoord(gebruiker, WACHTWOORD);
    assertThat(nogmaals.code(codes.get(3)).statusCode()).isEqualTo(401);
    assertThat(nogmaals.webappGebruiker().statusCode()).isEqualTo(404);
  }

  @Test
  void fiveWrongCodesLockTheAccountAndTheLogNamesNobody(CapturedOutput uitvoer) throws Exception {
    String gebruiker = maakGebruiker("tfblokkade", Rol.MEDEWERKER);
    byte[] geheim = schrijfIn(new Aanmeldbrowser(port), gebruiker);

    Aanmeldbrowser browser = new Aanmeldbrowser(port);
    browser.wachtwoord(gebruiker, WACHTWOORD);
    for (int i = 1; i < TweedeFactor.MAX_POGINGEN; i++) {
      assertThat(browser.code(andereCode(geheim)).statusCode()).as("attempt %d", i).isEqualTo(401);
    }
    HttpResponse<String> blokkade = browser.code(andereCode(geheim));
    assertThat(blokkade.statusCode()).isEqualTo(403);
    assertThat(blokkade.body()).contains("Te veel onjuiste codes").contains("15 minuten geblokkeerd");

    // blocked: now even the right password and the right code do not log in
    Aanmeldbrowser later = new Aanmeldbrowser(port);
    later.wachtwoord(gebruiker, WACHTWOORD);
    assertThat(later.code(codeVoor(geheim, 1)).statusCode()).isEqualTo(403);
    assertThat(later.webappGebruiker().statusCode()).isEqualTo(404);

    assertThat(uitvoer.getAll()).contains("een account is 15 minuten geblokkeerd na 5 onjuiste codes")
        .doesNotContain(gebruiker);
    assertThat(jdbc.queryForObject("select count(*) from avg_tweede_factor_logboek where gebruiker = ? and "
        + "gebeurtenis = 'GEBLOKKEERD'", Integer.class, gebruiker)).isEqualTo(1);
  }

  @Test
  void anAdministratorResetsALostSecondFactorAndLiftsABlock() throws Exception {
    String gebruiker = maakGebruiker("tftelefoonkwijt", Rol.MEDEWERKER);
    byte[] geheim = schrijfIn(new Aanmeldbrowser(port), gebruiker);
    String geblokkeerd = maakGebruiker("tfteveelfout", Rol.MEDEWERKER);
    byte[] geheimGeblokkeerd = schrijfIn(new Aanmeldbrowser(port), geblokkeerd);
    Aanmeldbrowser fout = new Aanmeldbrowser(port);
    fout.wachtwoord(geblokkeerd, WACHTWOORD);
    for (int i = 0; i < TweedeFactor.MAX_POGINGEN; i++) {
      fout.code(andereCode(geheimGeblokkeerd));
    }

    // a colleague without the admin role may not
    Aanmeldbrowser collega = new Aanmeldbrowser(port);
    schrijfIn(collega, maakGebruiker("tfcollega", Rol.MEDEWERKER, Rol.ICT));
    assertThat(collega.get("/beheer/tweefactor").statusCode()).isEqualTo(403);

    Aanmeldbrowser beheerder = new Aanmeldbrowser(port);
    beheerder.get("/aanmelden");
    HttpResponse<String> stap1 = beheerder.post("/aanmelden", Map.of("gebruikersnaam", "beheerder",
        "wachtwoord", AvgProductieTest.BEHEERDER_WACHTWOORD, "doel", "/beheer/tweefactor"));
    assertThat(stap1.headers().firstValue("Location").orElseThrow()).endsWith("/aanmelden/instellen");
    byte[] geheimBeheerder = geheimVan(beheerder.get("/aanmelden/instellen").body());
    beheerder.post("/aanmelden/instellen", Map.of("code", codeVoor(geheimBeheerder, 0)));
    HttpResponse<String> naar = beheerder.post("/aanmelden/doorgaan", Map.of());
    assertThat(naar.headers().firstValue("Location").orElseThrow()).endsWith("/beheer/tweefactor");

    HttpResponse<String> overzicht = beheerder.get("/beheer/tweefactor");
    assertThat(overzicht.statusCode()).isEqualTo(200);
    assertThat(overzicht.body()).contains(gebruiker).contains("Opnieuw laten instellen").contains("Blokkade opheffen");

    HttpResponse<String> herstel = beheerder.post("/beheer/tweefactor",
        Map.of("gebruiker", gebruiker, "actie", "herstellen"));
    assertThat(herstel.statusCode()).isEqualTo(302);
    assertThat(beheerder.get("/beheer/tweefactor").body()).contains("is verwijderd");
    assertThat(jdbc.queryForObject("select count(*) from avg_herstelcode where gebruiker = ?", Integer.class,
        gebruiker)).isZero();
    assertThat(jdbc.queryForObject("select door from avg_tweede_factor_logboek where gebruiker = ? and "
        + "gebeurtenis = 'TERUGGEZET'", String.class, gebruiker)).isEqualTo("beheerder");
    // the old phone's code no longer counts: the next login enrols a new second factor
    Aanmeldbrowser opnieuw = new Aanmeldbrowser(port);
    assertThat(opnieuw.wachtwoord(gebruiker, WACHTWOORD).headers().firstValue("Location").orElseThrow())
        .endsWith("/aanmelden/instellen");
    assertThat(geheimVan(opnieuw.get("/aanmelden/instellen").body())).isNotEqualTo(geheim);

    beheerder.get("/beheer/tweefactor");
    assertThat(beheerder.post("/beheer/tweefactor", Map.of("gebruiker", geblokkeerd, "actie", "deblokkeren"))
        .statusCode()).isEqualTo(302);
    Aanmeldbrowser weerToegang = new Aanmeldbrowser(port);
    weerToegang.wachtwoord(geblokkeerd, WACHTWOORD);
    assertThat(weerToegang.code(codeVoor(geheimGeblokkeerd, 1)).statusCode()).isEqualTo(302);

    // without the form token nothing changes
    HttpResponse<String> zonderToken = beheerder.client().send(HttpRequest.newBuilder(beheerder.uri(
            "/beheer/tweefactor")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("gebruiker=" + geblokkeerd + "&actie=herstellen")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(zonderToken.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from avg_tweede_factor where gebruiker = ?", Integer.class,
        geblokkeerd)).isEqualTo(1);
  }

  @Test
  void aTechnicalApiAccountCannotOpenTasklistButUsesTheApi() throws Exception {
    String koppeling = maakGebruiker("tfkoppeling", Rol.API_KOPPELING, Rol.PRIVACYCOORDINATOR);

    HttpResponse<String> aanmelden = new Aanmeldbrowser(port).wachtwoord(koppeling, WACHTWOORD);
    assertThat(aanmelden.statusCode()).isEqualTo(401);
    assertThat(aanmelden.body()).contains("technisch account");
    HttpResponse<String> camunda = new Aanmeldbrowser(port).camundaLogin(koppeling, WACHTWOORD, "tasklist");
    assertThat(camunda.statusCode()).isEqualTo(403);

    assertThat(basic("/engine-rest/engine", koppeling, WACHTWOORD)).isEqualTo(200);
    assertThat(basic("/api/verzoeken", koppeling, WACHTWOORD)).isEqualTo(200);
    assertThat(basic("/api/verzoeken", koppeling, "fout-wachtwoord")).isEqualTo(401);
  }

  @Test
  void staffAccountsCannotUseHttpBasicInProduction() throws Exception {
    String medewerker = maakGebruiker("tfbasic", Rol.PRIVACYCOORDINATOR, Rol.MEDEWERKER);
    schrijfIn(new Aanmeldbrowser(port), medewerker);
    assertThat(basic("/engine-rest/engine", medewerker, WACHTWOORD)).isEqualTo(401);
    assertThat(basic("/engine-rest/task", medewerker, WACHTWOORD)).isEqualTo(401);
    assertThat(basic("/api/verzoeken", medewerker, WACHTWOORD)).isEqualTo(401);
    assertThat(basic("/archief/AVG-2026-0001", medewerker, WACHTWOORD)).isEqualTo(401);
    assertThat(basic("/engine-rest/engine", "beheerder", AvgProductieTest.BEHEERDER_WACHTWOORD)).isEqualTo(401);
  }

  private int basic(String pad, String gebruiker, String wachtwoord) throws Exception {
    Aanmeldbrowser b = new Aanmeldbrowser(port);
    return b.client().send(HttpRequest.newBuilder(b.uri(pad)).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((gebruiker + ":" + wachtwoord).getBytes())).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A 6-digit code that is not valid in any step of the window. */
  private static String andereCode(byte[] geheim) {
    List<String> geldig = List.of(codeVoor(geheim, -1), codeVoor(geheim, 0), codeVoor(geheim, 1), codeVoor(geheim, 2));
    for (int i = 0; ; i++) {
      String kandidaat = String.format("%06d", (i * 7919) % 1_000_000);
      if (!geldig.contains(kandidaat)) {
        return kandidaat;
      }
    }
  }

  private static List<String> herstelcodes(String pagina) {
    Matcher m = Pattern.compile("<li>([A-Z0-9-]{19})</li>").matcher(pagina);
    List<String> codes = new ArrayList<>();
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static String leesQr(String pagina) throws Exception {
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(pagina);
    assertThat(m.find()).as("QR code as an image in the page").isTrue();
    BufferedImage beeld = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
    int[] pixels = beeld.getRGB(0, 0, beeld.getWidth(), beeld.getHeight(), null, 0, beeld.getWidth());
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(beeld.getWidth(), beeld.getHeight(), pixels)))).getText();
  }
}
