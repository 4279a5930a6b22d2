package nl.deurwaarder.avg.levering;

import java.util.HashMap;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.BriefVerzenden;
import nl.deurwaarder.avg.brief.Verzendregister;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.levering.Levering.Codekanaal;
import nl.deurwaarder.avg.levering.Levering.Status;
import nl.deurwaarder.avg.levering.Levering.Verzendwijze;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Pakket klaarzetten en code verzenden" (asyncBefore, retried): writes and archives the cover letter
 * (input parameter {@code briefType} and the template input, like {@link BriefVerzenden}), composes the package with
 * the screened documents ({@link Antwoordpakket}) and archives it, and sends the second channel:
 * <ul>
 *   <li>{@code BEVEILIGDE_LINK}: an 8-digit access code for the portal;</li>
 *   <li>{@code BEVEILIGDE_EMAIL}: the password of the AES-256 encrypted package (the package is encrypted with it
 *       now and kept encrypted for the mail step).</li>
 * </ul>
 * By SMS to {@code betrokkene.telefoon}, or without a mobile number as a letter TOEGANGSCODE for posting
 * (PER_POST). Safe to run twice: letter and package are made once per key; a code whose SMS may not have gone out
 * is replaced by a new one (only the last one works); a posted code letter is never made twice.
 */
@Component("pakketKlaarzetten")
public class PakketKlaarzetten implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PakketKlaarzetten.class);

  private final BriefVerzenden briefVerzenden;
  private final Verzendregister verzendregister;
  private final Antwoordpakket antwoordpakket;
  private final Archief archief;
  private final Leveringen leveringen;
  private final Geheimen geheimen;
  private final PdfVersleuteling versleuteling;
  private final SmsVerzender sms;
  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final LeveringInstellingen instellingen;

  public PakketKlaarzetten(BriefVerzenden briefVerzenden, Verzendregister verzendregister,
      Antwoordpakket antwoordpakket, Archief archief, Leveringen leveringen, Geheimen geheimen,
      PdfVersleuteling versleuteling, SmsVerzender sms, VerzoekRegister register, VerzoekregisterInProces inProces,
      LeveringInstellingen instellingen) {
    this.briefVerzenden = briefVerzenden;
    this.verzendregister = verzendregister;
    this.antwoordpakket = antwoordpakket;
    this.archief = archief;
    this.leveringen = leveringen;
    this.geheimen = geheimen;
    this.versleuteling = versleuteling;
    this.sms = sms;
    this.register = register;
    this.inProces = inProces;
    this.instellingen = instellingen;
  }

  /** The key of the reply letter and of its delivery: both steps use it. */
  static String sleutel(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":reactie";
  }

  @Override
  public void execute(DelegateExecution execution) {
    String referentie = execution.getProcessBusinessKey();
    BriefType type = BriefType.valueOf(String.valueOf(execution.getVariable(BriefVerzenden.BRIEF_TYPE)).strip());
    Verzendwijze wijze = Verzendwijze.valueOf(String.valueOf(execution.getVariable("verzendwijze")));
    Map<String, Object> invoer = BriefVerzenden.sjabloonInvoer(execution);
    klaarzetten(referentie, type, wijze, sleutel(execution), execution.getProcessInstanceId() + ":toegangscode",
        invoer, inProces.gebruiker(null), true);
  }

  /**
   * Writes and archives the letter under {@code sleutel} (once), makes the package — with the request's screened
   * documents when {@code metGescreendeStukken} (the access reply), else the letter alone — and sends the code or
   * password by SMS, or without a mobile number as a letter TOEGANGSCODE under {@code codebriefSleutel} that waits
   * for the post. Safe to run twice.
   */
  Levering klaarzetten(String referentie, BriefType type, Verzendwijze wijze, String sleutel, String codebriefSleutel,
      Map<String, Object> invoer, String gebruiker, boolean metGescreendeStukken) {
    Verzending brief = briefVerzenden.stelOp(type, referentie, sleutel, invoer, gebruiker);
    Levering levering = leveringen.vind(sleutel).orElseGet(() -> {
      String naam = referentie + "-antwoord.pdf";
      if (!metGescreendeStukken) {
        // the letter is the whole package: it is archived already
        return leveringen.maak(referentie, sleutel, wijze, naam, "application/pdf",
            archief.inhoud(brief.archiefstukId()), brief::archiefstukId);
      }
      byte[] pakket = antwoordpakket.stelSamen(referentie, archief.inhoud(brief.archiefstukId()));
      return leveringen.maak(referentie, sleutel, wijze, naam, "application/pdf", pakket,
          () -> archief.bewaar(referentie, Stuksoort.BRIEF, "Antwoordpakket: brief met gescreende gegevens ("
              + (wijze == Verzendwijze.BEVEILIGDE_LINK ? "beveiligde link" : "beveiligde e-mail") + ")", naam,
              "application/pdf", pakket, gebruiker).id());
    });
    if (levering.status() != Status.VOORBEREID) {
      return levering; // code or password already went out (a repeated job)
    }
    Verzoek verzoek = register.haal(referentie);
    String telefoon = verzoek.betrokkene().telefoon();
    String code = wijze == Verzendwijze.BEVEILIGDE_LINK ? geheimen.toegangscode() : geheimen.wachtwoord();
    if (telefoon == null || telefoon.isBlank()) {
      perPost(codebriefSleutel, levering, referentie, code, gebruiker, invoer.get("ontvangenOp"));
      return levering;
    }
    leveringen.zetCode(levering.id(), Geheimen.codeHash(levering.id(), code), Codekanaal.SMS, versleuteld(levering,
        code));
    sms.verstuur(telefoon, smsTekst(wijze, referentie, code));
    leveringen.codeVerzonden(levering.id());
    LOG.info("Verzoek {}: {} per sms verzonden", referentie,
        wijze == Verzendwijze.BEVEILIGDE_LINK ? "toegangscode" : "wachtwoord");
    return levering;
  }

  /** No mobile number: the code goes in a letter that the office posts (once; its text holds this code). */
  private void perPost(String briefSleutel, Levering levering, String referentie, String code, String gebruiker,
      Object ontvangenOp) {
    if (verzendregister.vind(briefSleutel).isEmpty()) {
      leveringen.zetCode(levering.id(), Geheimen.codeHash(levering.id(), code), Codekanaal.POST,
          versleuteld(levering, code));
      Map<String, Object> invoer = new HashMap<>();
      invoer.put("toegangscode", code);
      invoer.put("verzendwijze", levering.verzendwijze().name());
      invoer.put("ophaaltermijnDagen", instellingen.ophaaltermijn().toDays());
      invoer.put("ontvangenOp", ontvangenOp);
      briefVerzenden.verstuur(BriefType.TOEGANGSCODE, referentie, briefSleutel, invoer, gebruiker, true);
    }
    leveringen.codeVerzonden(levering.id());
    LOG.info("Verzoek {}: geen mobiel nummer, code per post", referentie);
  }

  /** For e-mail: the archived package encrypted with this password; for the portal: nothing to change. */
  private byte[] versleuteld(Levering levering, String code) {
    if (levering.verzendwijze() != Verzendwijze.BEVEILIGDE_EMAIL) {
      return null;
    }
    return versleuteling.versleutel(archief.inhoud(levering.archiefstukId()), code);
  }

  static String smsTekst(Verzendwijze wijze, String referentie, String code) {
    return wijze == Verzendwijze.BEVEILIGDE_LINK
        ? "Uw toegangscode voor ons antwoord (kenmerk " + referentie + "): " + code
            + ". U vult de code in op de pagina uit onze e-mail. Deel deze code met niemand."
        : "Het wachtwoord van het beveiligde PDF-bestand in onze e-mail (kenmerk " + referentie + "): " + code
            + " . Deel dit wachtwoord met niemand.";
  }

}
