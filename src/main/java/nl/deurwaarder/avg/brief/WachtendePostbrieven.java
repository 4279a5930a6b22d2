package nl.deurwaarder.avg.brief;

import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: every letter that waits for the post has its "Brief afdrukken en versturen" task. This covers the
 * letters that migration V12_4 turned from PER_POST (formerly counted as sent) into WACHT_OP_POST, and any letter
 * whose task was lost. (An access reply of an older process version that still waits in its former "Verzending
 * bevestigen" task gets the new task too: only the new task records the letter as posted.)
 */
@Component
class WachtendePostbrieven {

  private static final Logger LOG = LoggerFactory.getLogger(WachtendePostbrieven.class);

  private final Verzendregister verzendregister;
  private final PostOpdrachten postOpdrachten;

  WachtendePostbrieven(Verzendregister verzendregister, PostOpdrachten postOpdrachten) {
    this.verzendregister = verzendregister;
    this.postOpdrachten = postOpdrachten;
  }

  @EventListener(ApplicationReadyEvent.class)
  void zorgVoorTaken() {
    int gemaakt = 0;
    for (Verzending brief : verzendregister.wachtendOpPost()) {
      if (postOpdrachten.heeftOpdracht(brief.id())) {
        continue;
      }
      postOpdrachten.zorgVoorOpdracht(brief, null);
      gemaakt++;
    }
    if (gemaakt > 0) {
      LOG.info("{} brief/brieven wachten op verzending per post: taak 'Brief afdrukken en versturen' aangemaakt",
          gemaakt);
    }
  }
}
