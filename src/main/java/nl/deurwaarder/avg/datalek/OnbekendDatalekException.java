package nl.deurwaarder.avg.datalek;

/** No breach with this reference in the register. */
public class OnbekendDatalekException extends RuntimeException {

  public OnbekendDatalekException(String referentie) {
    super("Datalek " + referentie + " staat niet in het register.");
  }
}
