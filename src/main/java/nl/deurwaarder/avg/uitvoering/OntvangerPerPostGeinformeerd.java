package nl.deurwaarder.avg.uitvoering;

import java.time.LocalDate;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.PerPostVerzonden;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import org.springframework.stereotype.Component;

/**
 * Art. 19: a recipient whose letter went by post is informed on the day a person confirmed posting it, not when the
 * letter was written. The letter's key ends with the recipient's id ({@code briefSleutel} of the letter step).
 */
@Component
class OntvangerPerPostGeinformeerd implements PerPostVerzonden {

  private final Ontvangers ontvangers;

  OntvangerPerPostGeinformeerd(Ontvangers ontvangers) {
    this.ontvangers = ontvangers;
  }

  @Override
  public void verzonden(Verzending brief, LocalDate gepostOp, String door) {
    if (brief.briefType() != BriefType.BERICHT_ONTVANGER) {
      return;
    }
    String id = brief.sleutel().substring(brief.sleutel().lastIndexOf(':') + 1);
    ontvangers.geinformeerd(Long.parseLong(id), gepostOp, brief.sleutel(), door);
  }
}
