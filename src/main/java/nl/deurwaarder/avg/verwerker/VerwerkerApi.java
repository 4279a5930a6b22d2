package nl.deurwaarder.avg.verwerker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.api.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The register of processors over HTTP (spec/api.md "Processors"): JSON list, one entry, and CSV; readable by
 * privacycoordinator, fg and directie (security configuration). Changes go through the register page.
 */
@RestController
@RequestMapping("/api/verwerkers")
public class VerwerkerApi {

  static final List<String> KOLOMMEN = List.of("id", "naam", "dienst", "status", "contactNaam", "contactEmail",
      "contactTelefoon", "overeenkomstGetekendOp", "overeenkomstEindigtOp", "bezwaartermijnDagen", "subverwerkers",
      "buitenEer", "buitenEerLanden", "buitenEerWaarborg", "laatsteAuditOp", "laatsteBeveiligingsrapportOp",
      "verwijderverklaringOp", "verwerkingen", "datalekken", "termijnoverschrijdingen");

  private final Verwerkersregister register;

  public VerwerkerApi(Verwerkersregister register) {
    this.register = register;
  }

  @GetMapping
  public List<Verwerker> lijst() {
    return register.lijst();
  }

  @GetMapping("/{id:\\d+}")
  public Verwerker een(@PathVariable long id) {
    return register.haal(id);
  }

  @GetMapping(value = "/export.csv", produces = "text/csv")
  public ResponseEntity<byte[]> export() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-verwerkers.csv\"")
        .body(csv(register.lijst()).getBytes(StandardCharsets.UTF_8));
  }

  /** One row per processor; lists joined with "; " (sub-processors with their date told and objection). */
  static String csv(List<Verwerker> verwerkers) {
    StringBuilder s = new StringBuilder(String.join(",", KOLOMMEN)).append("\r\n");
    for (Verwerker v : verwerkers) {
      List<Object> rij = List.of(v.id(), v.naam(), v.dienst(), v.status().name(), n(v.contactNaam()),
          n(v.contactEmail()), n(v.contactTelefoon()), n(v.overeenkomstGetekendOp()), n(v.overeenkomstEindigtOp()),
          v.bezwaartermijnDagen(), v.subverwerkers().stream().map(sv -> sv.naam() + " (gemeld " + sv.gemeldOp()
              + (sv.besluit() == null ? ", besluit open" : ", " + (sv.bezwaar() ? "bezwaar " : "geen bezwaar ")
                  + sv.besluitOp()) + ")").collect(Collectors.joining("; ")),
          v.buitenEer(), n(v.buitenEerLanden()), n(v.buitenEerWaarborg()), n(v.laatsteAuditOp()),
          n(v.laatsteBeveiligingsrapportOp()), n(v.verwijderverklaringOp()), String.join("; ", v.verwerkingen()),
          String.join("; ", v.datalekken()), v.termijnoverschrijdingen().stream()
              .map(t -> t.referentie() + " (" + t.regel() + ")").collect(Collectors.joining("; ")));
      s.append(rij.stream().map(Csv::veld).collect(Collectors.joining(","))).append("\r\n");
    }
    return s.toString();
  }

  private static Object n(Object o) {
    return o == null ? "" : o;
  }

  @ExceptionHandler(OnbekendeVerwerkerException.class)
  ProblemDetail onbekend(OnbekendeVerwerkerException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    p.setTitle("Niet gevonden");
    return p;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail ongeldigId(MethodArgumentTypeMismatchException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Het nummer van een verwerker is een geheel getal.");
    p.setTitle("Ongeldige invoer");
    return p;
  }
}
