package nl.deurwaarder.avg.verzoek;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Register AVG-verzoeken over HTTP (spec/api.md). Who may call what is set in the security configuration. */
@RestController
@RequestMapping("/api/verzoeken")
public class VerzoekApi {

  private final VerzoekIntake intake;
  private final VerzoekRegister register;
  private final VerzoekCsv csv;

  public VerzoekApi(VerzoekIntake intake, VerzoekRegister register, VerzoekCsv csv) {
    this.intake = intake;
    this.register = register;
    this.csv = csv;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Verzoek> registreer(@RequestBody NieuwVerzoek verzoek, Principal gebruiker) {
    Verzoek v = intake.registreer(verzoek, gebruiker.getName());
    return ResponseEntity.created(URI.create("/api/verzoeken/" + v.referentie())).body(v);
  }

  @GetMapping
  public List<Verzoek> lijst(@RequestParam(required = false) VerzoekStatus status,
      @RequestParam(required = false) VerzoekType verzoekType) {
    return register.lijst(status, verzoekType);
  }

  @GetMapping(value = "/export.csv", produces = "text/csv")
  public ResponseEntity<byte[]> export() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-avg-verzoeken.csv\"")
        .body(csv.export(register.lijst(null, null)).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/{referentie}")
  public Verzoek een(@PathVariable String referentie) {
    return register.haal(referentie);
  }
}
