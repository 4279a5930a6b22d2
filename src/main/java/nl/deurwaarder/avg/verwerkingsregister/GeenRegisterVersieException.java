package nl.deurwaarder.avg.verwerkingsregister;

/** No version of the register was published (yet, or before the asked date). */
public class GeenRegisterVersieException extends RuntimeException {

  public GeenRegisterVersieException(String bericht) {
    super(bericht);
  }
}
