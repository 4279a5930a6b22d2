package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.api.NietGevondenFout;

/** No breach with this reference in the register. */
public class OnbekendDatalekException extends NietGevondenFout {

  public OnbekendDatalekException(String referentie) {
    super("Datalek " + referentie + " staat niet in het register.");
  }
}
