package nl.deurwaarder.avg.datalek;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/** The Register datalekken over HTTP (spec/api.md, Breaches). Who may call what: the security configuration. */
@RestController
@RequestMapping("/api/datalekken")
public class DatalekApi {

  private final DatalekMelden melden;
  private final DatalekRegister register;
  private final DatalekCsv csv;

  public DatalekApi(DatalekMelden melden, DatalekRegister register, DatalekCsv csv) {
    this.melden = melden;
    this.register = register;
    this.csv = csv;
  }

  /** Any staff member reports a (suspected) breach: registered and its procedure started; 201 with the entry. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Datalek> meld(@RequestBody(required = false) NieuweDatalekmelding melding) {
    Datalek d = melden.meld(melding);
    return ResponseEntity.created(URI.create("/api/datalekken/" + d.referentie())).body(d);
  }

  @GetMapping
  public List<Datalek> lijst(@RequestParam(required = false) DatalekStatus status) {
    return register.lijst(status);
  }

  @GetMapping(value = "/export.csv", produces = "text/csv")
  public ResponseEntity<byte[]> export() {
    List<Datalek> alle = register.lijst(null);
    List<String> kolommen = alle.isEmpty() ? List.of("referentie") : new ArrayList<>(alle.get(0).velden().keySet());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-datalekken.csv\"")
        .body(csv.export(alle, kolommen).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/{referentie}")
  public Datalek een(@PathVariable String referentie) {
    return register.haal(referentie);
  }
}
