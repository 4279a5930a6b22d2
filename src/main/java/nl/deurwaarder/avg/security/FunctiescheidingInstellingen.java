package nl.deurwaarder.avg.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code avg.functiescheiding.onverenigbaar}: pairs of group ids no user may hold together (PH-ORG-02 §2.1). The
 * default in application.yaml: the FG with directie, ICT management, HR management and office management.
 */
@ConfigurationProperties("avg.functiescheiding")
public record FunctiescheidingInstellingen(List<List<String>> onverenigbaar) {

  public FunctiescheidingInstellingen {
    onverenigbaar = onverenigbaar == null ? List.of() : onverenigbaar.stream().map(List::copyOf).toList();
    for (List<String> paar : onverenigbaar) {
      if (paar.size() != 2 || paar.stream().anyMatch(g -> g == null || g.isBlank()) || paar.get(0).equals(paar.get(1))) {
        throw new IllegalArgumentException("avg.functiescheiding.onverenigbaar: elk paar bestaat uit twee "
            + "verschillende groep-id's, zoals [fg, directie]; gevonden: " + paar);
      }
    }
  }
}
