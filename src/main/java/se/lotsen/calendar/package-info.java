/**
 * Swedish working days and statutory time: the public holidays of lag (1989:253) om allmänna helgdagar for any year
 * 1990–2100 (with annandag pingst until 2004 and nationaldagen from 2005), and the computation of a statutory time
 * under lag (1930:173) om beräkning av lagstadgad tid: weeks and months by 1 §, and the move of a last day that falls
 * on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton to the next working day by 2 §. All
 * dates are Swedish local dates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package se.lotsen.calendar;
