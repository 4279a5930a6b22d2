package nl.deurwaarder.avg.levering;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.archief.ArchiefToegang;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Brieven;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Preview of the reply to an access request for the coordinator, before it goes (task "Reactie samenstellen" links
 * here): {@code GET /archief/{referentie}/reactie-voorbeeld} renders the cover letter from the texts as they stand in
 * the process and appends the screened documents now in the archive — exactly the package that would be sent.
 * Nothing is archived or recorded. Staff only: the readers of the archive (privacycoordinator, fg, directie).
 */
@RestController
public class ReactieVoorbeeld {

  private static final Pattern REFERENTIE = Pattern.compile("AVG-\\d{4}-\\d{4,6}");
  /** The inputs of "Pakket klaarzetten en code verzenden" in bpmn/avg-inzageverzoek.bpmn: letter key → variable. */
  static final Map<String, String> BRIEFINVOER = Map.of(
      "bijlagen", "bijlagen",
      "legenda", "legenda",
      "verwerkingsdoeleinden", "informatieDoeleinden",
      "categorieenPersoonsgegevens", "informatieCategorieen",
      "ontvangers", "informatieOntvangers",
      "bewaartermijn", "informatieBewaartermijn",
      "bron", "informatieBron");

  private final ArchiefToegang toegang;
  private final RuntimeService runtimeService;
  private final Brieven brieven;
  private final Antwoordpakket antwoordpakket;

  public ReactieVoorbeeld(ArchiefToegang toegang, RuntimeService runtimeService, Brieven brieven,
      Antwoordpakket antwoordpakket) {
    this.toegang = toegang;
    this.runtimeService = runtimeService;
    this.brieven = brieven;
    this.antwoordpakket = antwoordpakket;
  }

  @GetMapping("/archief/{referentie}/reactie-voorbeeld")
  public ResponseEntity<?> voorbeeld(@PathVariable String referentie, Authentication gebruiker) {
    if (!REFERENTIE.matcher(referentie).matches()) {
      return tekst(HttpStatus.NOT_FOUND, "Er is geen inzageverzoek met dit referentienummer.");
    }
    if (!toegang.recht(gebruiker, referentie).magLezen()) {
      return tekst(HttpStatus.FORBIDDEN, "Alleen de privacycoördinator, de FG en de directie kunnen de reactie "
          + "bekijken.");
    }
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referentie)
        .processDefinitionKey("avg-inzageverzoek").active().singleResult();
    if (pi == null) {
      return tekst(HttpStatus.NOT_FOUND, "Voor " + referentie + " is geen lopend inzageverzoek. Een verzonden "
          + "reactie staat in het archief.");
    }
    Map<String, Object> variabelen = runtimeService.getVariables(pi.getId());
    Map<String, Object> invoer = new HashMap<>(variabelen);
    BRIEFINVOER.forEach((sleutel, variabele) -> invoer.put(sleutel, variabelen.get(variabele)));
    byte[] brief = brieven.stelOp(BriefType.REACTIE_INZAGE, referentie, invoer).pdf();
    byte[] pakket = antwoordpakket.stelSamen(referentie, brief);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.inline()
        .filename("voorbeeld-" + referentie + "-antwoord.pdf", StandardCharsets.UTF_8).build());
    headers.setCacheControl(CacheControl.noStore());
    headers.set("X-Content-Type-Options", "nosniff");
    return new ResponseEntity<>(pakket, headers, HttpStatus.OK);
  }

  private static ResponseEntity<String> tekst(HttpStatus status, String melding) {
    return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(melding);
  }
}
