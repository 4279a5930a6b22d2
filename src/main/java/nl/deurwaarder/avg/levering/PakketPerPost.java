package nl.deurwaarder.avg.levering;

import java.util.Map;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.BriefVerzenden;
import nl.deurwaarder.avg.brief.Postbevestiging;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * BPMN step "Reactie opstellen voor aangetekende post of exploot" (asyncBefore, retried): the answer to an access
 * request on paper (PH-PRO-01 §6). The cover letter and the screened documents are archived as one PDF
 * ({@link Antwoordpakket}, not encrypted: a printed encrypted PDF is useless) and that PDF waits for the post
 * (WACHT_OP_POST): the task "Brief afdrukken en versturen" opens it, and the request is sent — and AFGEHANDELD —
 * only when a person confirmed posting it (date and barcode, or writ number).
 *
 * <p>Used for "Aangetekende post" and "Betekening per exploot", and for "Beveiligde e-mail" or "Link" when the data
 * subject has no e-mail address ({@link Antwoordpakket#controleer} then records registered post as the way).
 * The letter's key is {@code processInstanceId:activityId} as in {@link BriefVerzenden}, so the diagram's post check
 * ({@code briefPerPost.wachtOp}) finds it; safe to run twice (made and archived once per key).
 */
@Component("pakketPerPost")
public class PakketPerPost implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PakketPerPost.class);

  private final BriefVerzenden briefVerzenden;
  private final Antwoordpakket antwoordpakket;
  private final VerzoekregisterInProces inProces;

  public PakketPerPost(BriefVerzenden briefVerzenden, Antwoordpakket antwoordpakket,
      VerzoekregisterInProces inProces) {
    this.briefVerzenden = briefVerzenden;
    this.antwoordpakket = antwoordpakket;
    this.inProces = inProces;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String referentie = execution.getProcessBusinessKey();
    BriefType type = BriefType.valueOf(String.valueOf(execution.getVariable(BriefVerzenden.BRIEF_TYPE)).strip());
    String sleutel = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    Map<String, Object> invoer = BriefVerzenden.sjabloonInvoer(execution);
    String wijze = String.valueOf(invoer.get(BriefVerzenden.VERZENDWIJZE));
    if (!Postbevestiging.BETEKENING_EXPLOOT.equals(wijze)) {
      invoer.put(BriefVerzenden.VERZENDWIJZE, Postbevestiging.AANGETEKENDE_POST);
    }
    String gebruiker = inProces.gebruiker(null);
    briefVerzenden.stelOp(type, referentie, sleutel, invoer, gebruiker, new BriefVerzenden.Bundel() {
      @Override
      public byte[] pdf(byte[] briefPdf) {
        return antwoordpakket.stelSamen(referentie, briefPdf, true);
      }

      @Override
      public String titel(String onderwerp) {
        return "Antwoordpakket om af te drukken: brief met gescreende gegevens ("
            + Postbevestiging.VERZENDWIJZEN.get(invoer.get(BriefVerzenden.VERZENDWIJZE)) + ")";
      }
    });
    briefVerzenden.verstuur(type, referentie, sleutel, invoer, gebruiker, true);
    LOG.info("Verzoek {}: antwoordpakket wacht op verzending per post", referentie);
  }

}
