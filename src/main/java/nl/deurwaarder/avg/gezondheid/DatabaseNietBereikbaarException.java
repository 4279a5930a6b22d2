package nl.deurwaarder.avg.gezondheid;

/** Start-up stops: the configured database does not answer. */
public class DatabaseNietBereikbaarException extends RuntimeException {

  private final String url;

  public DatabaseNietBereikbaarException(String url, String reden) {
    super("Database niet bereikbaar" + (url == null || url.isBlank() ? "" : " (" + zonderWachtwoord(url) + ")")
        + ": " + reden);
    this.url = zonderWachtwoord(url);
  }

  public String getUrl() {
    return url;
  }

  /** A JDBC URL may carry a password parameter; never print it. */
  static String zonderWachtwoord(String url) {
    return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
