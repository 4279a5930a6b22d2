package nl.deurwaarder.avg.kantoor;

import java.util.List;
import java.util.Optional;

/**
 * The office's processors as the register of processors (package {@code verwerker}) keeps them: other capabilities
 * (requests, breaches, the verwerkingsregister) name a processor only by a name from this register. A leaf interface,
 * so those capabilities do not depend on the register's package.
 */
public interface Verwerkers {

  /** The exact name in the register for a name typed in any case and with surrounding spaces; empty when unknown. */
  Optional<String> naamInRegister(String naam);

  /** All names in the register, alphabetical. */
  List<String> namen();
}
