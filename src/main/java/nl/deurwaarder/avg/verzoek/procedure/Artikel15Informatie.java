package nl.deurwaarder.avg.verzoek.procedure;

import java.util.Map;

/**
 * Hook for the verwerkingsregister: the information of AVG art. 15(1) for the reply to an access request — keys
 * {@code informatieDoeleinden}, {@code informatieCategorieen}, {@code informatieOntvangers},
 * {@code informatieBewaartermijn}, {@code informatieBron}. Register a Spring bean implementing this interface and the
 * task "Reactie samenstellen" is prefilled from it; without one, standard texts are offered that the coordinator
 * checks and confirms in the form.
 */
public interface Artikel15Informatie {

  Map<String, String> voor(String referentie);
}
