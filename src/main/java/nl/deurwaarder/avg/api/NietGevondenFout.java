package nl.deurwaarder.avg.api;

/**
 * A reference (request, breach) the API was asked for is not in its register. Capabilities throw their own subclass
 * with a Dutch message; {@link ApiFoutafhandeling} answers 404 problem details.
 */
public abstract class NietGevondenFout extends RuntimeException {

  protected NietGevondenFout(String bericht) {
    super(bericht);
  }
}
