package nl.deurwaarder.avg.brief;

import java.time.LocalDate;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;

/**
 * A capability that must know when a letter of its kind was posted (e.g. an art. 19 recipient is informed on the
 * posting date). Called inside the transaction that records the posting, after the letter is VERZONDEN; a failure
 * refuses the confirmation as a whole. Implement it as a bean; {@link BriefPerPost} calls every one.
 */
public interface PerPostVerzonden {

  void verzonden(Verzending brief, LocalDate gepostOp, String door);
}
