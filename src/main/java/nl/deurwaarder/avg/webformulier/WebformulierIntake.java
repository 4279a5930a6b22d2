package nl.deurwaarder.avg.webformulier;

import java.nio.charset.StandardCharsets;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a request from the website form and archives what came with it, in one transaction: when the ID copy
 * cannot be stored, no request is registered and no procedure starts.
 */
@Service
public class WebformulierIntake {

  /** The "user" in the register's history and the archive for everything the website form does. */
  public static final String GEBRUIKER = "website";

  private final VerzoekIntake intake;
  private final Archief archief;

  public WebformulierIntake(VerzoekIntake intake, Archief archief) {
    this.intake = intake;
    this.archief = archief;
  }

  /** A checked upload: a recognised type, a safe name. */
  public record Identiteitsbewijs(String bestandsnaam, String contentType, byte[] inhoud) {
  }

  @Transactional
  public Verzoek registreer(NieuwVerzoek nieuw, String origineel, Identiteitsbewijs id) {
    Verzoek verzoek = intake.registreer(nieuw, GEBRUIKER);
    archief.bewaar(verzoek.referentie(), Stuksoort.VERZOEK, "Origineel verzoek (websiteformulier)",
        verzoek.referentie() + "-verzoek.txt", "text/plain;charset=UTF-8",
        origineel.getBytes(StandardCharsets.UTF_8), GEBRUIKER);
    if (id != null) {
      archief.bewaar(verzoek.referentie(), Stuksoort.IDENTITEITSBEWIJS, "Kopie identiteitsbewijs (websiteformulier)",
          id.bestandsnaam(), id.contentType(), id.inhoud(), GEBRUIKER);
    }
    return verzoek;
  }
}
