package nl.deurwaarder.avg.brief;

import java.util.Map;

/**
 * A source of letter data for one kind of reference, implemented by the capability that holds the file: the Register
 * AVG-verzoeken for {@code AVG-...} ({@code verzoek.VerzoekBriefdossiers}), the Register datalekken for {@code DL-...}
 * ({@code datalek.DatalekBriefdossiers}; {@link DatalekBriefdossiers} takes a breach's letter data from the caller's
 * input when the breach is not in the register). Letters know no capability: add a bean to plug one in.
 */
public interface BriefdossierBron {

  /** Whether this source holds the file with this reference. */
  boolean kent(String referentie);

  /**
   * The file's addressee and data. {@code invoer} is what the caller supplied (process variables, input parameters);
   * a source may use it where it has no data of its own.
   */
  Briefdossier dossier(BriefType type, String referentie, Map<String, Object> invoer);

  /**
   * Writes a line about a letter in the file's own history (the register), inside the caller's transaction. The
   * line may name the recipient's address: the register is the place for it. Default: no history (yet).
   */
  default void logBrief(String referentie, String gebruiker, String regel) {
  }
}
