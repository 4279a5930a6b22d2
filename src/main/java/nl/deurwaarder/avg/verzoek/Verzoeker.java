package nl.deurwaarder.avg.verzoek;

/** Who filed the request when it is not the data subject (PH-PRO-01 §3.2). */
public record Verzoeker(VerzoekerRol rol, String naam, String email, String organisatie) {
}
