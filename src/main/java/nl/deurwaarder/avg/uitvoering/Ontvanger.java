package nl.deurwaarder.avg.uitvoering;

import java.time.LocalDate;

/** A recipient (third party) the data subject's data went to, to be told of the erasure/correction/restriction (art. 19 AVG). */
public record Ontvanger(long id, String referentie, String naam, String email, String adres, Ontvangerstatus status,
    LocalDate geinformeerdOp, String briefSleutel) {
}
