package nl.deurwaarder.avg.brief;

import java.util.Optional;

/**
 * The sentence a rejection letter gives for a rejection ground. The letters do not own the grounds: the request
 * capability reads them from the decision table {@code bpmn/verzoekgronden.dmn} and implements this.
 */
public interface Afwijzingsgrondteksten {

  /** The plain-Dutch sentence for the ground's code; empty for an unknown code or one without a sentence. */
  Optional<String> briefzin(String code);
}
