package nl.deurwaarder.avg.levering;

import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.brief.BeveiligdeReactie;
import nl.deurwaarder.avg.brief.BriefPerPost;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Verzendregister;
import nl.deurwaarder.avg.brief.Verzendstatus;
import nl.deurwaarder.avg.levering.Levering.Verzendwijze;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The other replies that list personal data go the way of the access reply (issue 12.7, decision table in
 * docs/levering.md): the confirmation of an erasure, correction or restriction that names the data
 * ({@code omschrijvingGegevens}) is never a readable attachment but a mail with a link to the portal and an access
 * code by SMS, or by post without a mobile number ({@code verzendwijze} BEVEILIGDE_EMAIL in the process: an
 * encrypted PDF instead). The package is the letter itself. The posted code letter has the key
 * {@code <letter key>}{@value BriefPerPost#CODEBRIEF}, so the diagram's post check ({@code briefPerPost.wachtOp}) holds
 * the request until it is posted. Without an e-mail address the letter goes by post as before.
 */
@Component
class BeveiligdeReactieLevering implements BeveiligdeReactie {

  /** Replies to the data subject that list his data when {@code omschrijvingGegevens} is filled. */
  static final Set<BriefType> MET_GEGEVENS = Set.of(BriefType.REACTIE_VERWIJDERING, BriefType.REACTIE_CORRECTIE,
      BriefType.REACTIE_BEPERKING);
  static final String GEGEVENS = "omschrijvingGegevens";

  private final PakketKlaarzetten klaarzetten;
  private final ReactieVerzenden verzenden;
  private final Leveringen leveringen;
  private final Verzendregister verzendregister;
  private final VerzoekRegister register;

  BeveiligdeReactieLevering(PakketKlaarzetten klaarzetten, ReactieVerzenden verzenden, Leveringen leveringen,
      Verzendregister verzendregister, VerzoekRegister register) {
    this.klaarzetten = klaarzetten;
    this.verzenden = verzenden;
    this.leveringen = leveringen;
    this.verzendregister = verzendregister;
    this.register = register;
  }

  @Override
  public boolean geldtVoor(BriefType type, String referentie, String sleutel, Map<String, Object> invoer) {
    if (leveringen.vind(sleutel).isPresent()) {
      return true; // begun the secure way: go on that way
    }
    if (!MET_GEGEVENS.contains(type) || verzendregister.vind(sleutel).isPresent()) {
      return false; // another kind, or begun the standard way before this rule existed
    }
    Object gegevens = invoer.get(GEGEVENS);
    return gegevens != null && !gegevens.toString().isBlank() && register.vind(referentie)
        .map(v -> v.briefadresEmail() != null && !v.briefadresEmail().isBlank()).orElse(false);
  }

  @Override
  public Verzendstatus verstuur(DelegateExecution execution, BriefType type, String referentie, String sleutel,
      Map<String, Object> invoer, String gebruiker) {
    Verzendwijze wijze = "BEVEILIGDE_EMAIL".equals(String.valueOf(invoer.get("verzendwijze")))
        ? Verzendwijze.BEVEILIGDE_EMAIL : Verzendwijze.BEVEILIGDE_LINK;
    klaarzetten.klaarzetten(referentie, type, wijze, sleutel, sleutel + BriefPerPost.CODEBRIEF, invoer, gebruiker,
        false);
    Verzendstatus status = verzenden.verzend(execution, referentie, sleutel, type, gebruiker);
    if (status == Verzendstatus.VERZONDEN) {
      execution.getProcessInstance().setVariable("verzendwijze", wijze.name()); // the register records the way
    }
    return status;
  }
}
