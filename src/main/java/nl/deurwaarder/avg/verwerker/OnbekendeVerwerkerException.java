package nl.deurwaarder.avg.verwerker;

/** No processor with this id in the register. */
public class OnbekendeVerwerkerException extends RuntimeException {

  public OnbekendeVerwerkerException(long id) {
    super("Verwerker " + id + " staat niet in het register van verwerkers.");
  }
}
