package nl.deurwaarder.avg.datalek;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Register datalekken as CSV (RFC 4180, UTF-8, header row; every register field, lists joined with |). */
@Component
public class DatalekCsv {

  public String export(List<Datalek> datalekken, List<String> kolommen) {
    StringBuilder s = new StringBuilder();
    s.append(String.join(",", kolommen)).append("\r\n");
    for (Datalek d : datalekken) {
      s.append(String.join(",", kolommen.stream().map(k -> veld(d.velden().get(k))).toList())).append("\r\n");
    }
    return s.toString();
  }

  /** Quotes when needed; text a spreadsheet would run as a formula (= + - @) gets a leading single quote. */
  static String tekst(Object waarde) {
    return nl.deurwaarder.avg.api.Csv.veld(waarde);
  }

  private static String veld(Object w) {
    if (w instanceof Collection<?> c) {
      return tekst(String.join("|", c.stream().map(String::valueOf).toList()));
    }
    if (w instanceof Boolean b) {
      return b ? "ja" : "nee";
    }
    if (w instanceof OffsetDateTime t) {
      return t.toString();
    }
    return tekst(w);
  }
}
