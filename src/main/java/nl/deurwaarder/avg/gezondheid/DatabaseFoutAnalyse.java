package nl.deurwaarder.avg.gezondheid;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database at start into one readable line plus what to do about it. */
public class DatabaseFoutAnalyse extends AbstractFailureAnalyzer<DatabaseNietBereikbaarException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNietBereikbaarException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Controleer of de database draait en of SPRING_DATASOURCE_URL, _USERNAME en _PASSWORD kloppen. "
            + "Zonder instellingen gebruikt de applicatie de ingebouwde H2-database in ./data/h2.",
        cause);
  }
}
