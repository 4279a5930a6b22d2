package nl.deurwaarder.avg.verwerkingsregister;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published verwerkingsregister over HTTP (spec/api.md), readable by privacycoordinator, fg and directie (see
 * the security configuration). {@code ?peildatum=2026-05-01} gives the version in force at the end of that day.
 */
@RestController
@RequestMapping("/api/verwerkingsregister")
public class VerwerkingsregisterApi {

  private final Verwerkingsregister register;
  private final VerwerkingsregisterCsv csv;

  public VerwerkingsregisterApi(Verwerkingsregister register, VerwerkingsregisterCsv csv) {
    this.register = register;
    this.csv = csv;
  }

  @GetMapping
  public RegisterVersie register(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate peildatum) {
    return versie(register, peildatum);
  }

  @GetMapping(value = "/export.csv", produces = "text/csv")
  public ResponseEntity<byte[]> export(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate peildatum) {
    RegisterVersie r = versie(register, peildatum);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verwerkingsregister-versie-"
            + r.versienummer() + ".csv\"")
        .body(csv.export(r).getBytes(StandardCharsets.UTF_8));
  }

  static RegisterVersie versie(Verwerkingsregister register, LocalDate peildatum) {
    if (peildatum == null) {
      return register.gepubliceerd()
          .orElseThrow(() -> new GeenRegisterVersieException("Er is nog geen versie van het verwerkingsregister"
              + " gepubliceerd."));
    }
    return register.gepubliceerdOp(peildatum)
        .orElseThrow(() -> new GeenRegisterVersieException("Op " + peildatum + " was nog geen versie van het"
            + " verwerkingsregister gepubliceerd."));
  }
}
