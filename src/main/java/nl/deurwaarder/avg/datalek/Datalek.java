package nl.deurwaarder.avg.datalek;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One entry of the Register datalekken, as the API and the CSV show it: field names of spec/api.md (camelCase) in the
 * order of the register, times as {@link OffsetDateTime} (Europe/Amsterdam), {@code inbreukCategorieen} as a list.
 */
public record Datalek(Map<String, Object> velden) {

  public Datalek {
    velden = Collections.unmodifiableMap(velden);
  }

  @JsonValue
  public Map<String, Object> velden() {
    return velden;
  }

  public String referentie() {
    return tekst("referentie");
  }

  public OffsetDateTime ontdektOp() {
    return moment("ontdektOp");
  }

  public OffsetDateTime apMeldingUiterlijk() {
    return moment("apMeldingUiterlijk");
  }

  public DatalekStatus status() {
    return DatalekStatus.valueOf(tekst("status"));
  }

  public Ernst ernst() {
    String e = tekst("ernst");
    return e == null ? null : Ernst.valueOf(e);
  }

  public Bron bron() {
    return Bron.valueOf(tekst("bron"));
  }

  public String tekst(String veld) {
    Object w = velden.get(veld);
    return w == null ? null : w.toString();
  }

  public OffsetDateTime moment(String veld) {
    return (OffsetDateTime) velden.get(veld);
  }

  public Boolean ja(String veld) {
    return (Boolean) velden.get(veld);
  }

  @SuppressWarnings("unchecked")
  public List<String> inbreukCategorieen() {
    return (List<String>) velden.get("inbreukCategorieen");
  }
}
