package nl.deurwaarder.avg.gezondheid;

import nl.deurwaarder.avg.security.ProductieControle.OnveiligeInstellingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused for an unsafe production setting: one readable line and what to do. */
public class OnveiligeInstellingAnalyse extends AbstractFailureAnalyzer<OnveiligeInstellingException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, OnveiligeInstellingException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Pas de omgevingsvariabelen aan (zie README, tabel Instellingen) en start opnieuw.", cause);
  }
}
