package nl.deurwaarder.avg.webformulier;

/**
 * The file part of a submitted website form as read by {@link FormulierOntvangst}: the name the browser gave, the
 * size, and the content when it was within the limit ({@code null} when it was too large and was discarded).
 */
public record OntvangenBijlage(String opgegevenNaam, long grootte, byte[] inhoud, int aantalBestanden) {

  static final String ATTRIBUUT = "nl.deurwaarder.avg.webformulier.OntvangenBijlage";

  public boolean teGroot() {
    return inhoud == null;
  }
}
