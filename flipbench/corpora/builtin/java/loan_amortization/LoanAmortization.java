import java.util.ArrayList;
import java.util.List;

/** A fixed-rate loan repaid in equal monthly instalments; all money amounts are in cents. */
public class LoanAmortization {
    /** One month of the schedule: what was paid, how it split, and the balance left. */
    public record Row(int month, long payment, long interest, long principal, long balance) {
    }

    private final long principal;
    private final int rateBasisPoints;
    private final int months;

    /** rateBasisPoints is the yearly rate in hundredths of a percent (650 means 6.50%). */
    public LoanAmortization(long principal, int rateBasisPoints, int months) {
        if (principal <= 0 || months <= 0 || rateBasisPoints < 0) {
            throw new IllegalArgumentException("invalid loan terms");
        }
        this.principal = principal;
        this.rateBasisPoints = rateBasisPoints;
        this.months = months;
    }

    /** The standard annuity payment rounded to the nearest cent; without interest it is rounded up. */
    public long monthlyPayment() {
        if (rateBasisPoints == 0) {
            return (principal + months - 1) / months;
        }
        double r = rateBasisPoints / 120000.0;
        double factor = Math.pow(1 + r, months);
        return Math.round(principal * r * factor / (factor - 1));
    }

    /**
     * The month-by-month schedule with an optional extra principal payment each month. The last
     * row pays exactly the remaining balance plus its interest, which absorbs rounding.
     */
    public List<Row> schedule(long extraPerMonth) {
        long payment = monthlyPayment() + extraPerMonth;
        long balance = principal;
        List<Row> rows = new ArrayList<>();
        for (int month = 1; month <= months && balance > 0; month++) {
            long interest = monthlyInterest(balance);
            long due = payment;
            if (month == months || balance + interest <= due) {
                due = balance + interest;
            }
            long toPrincipal = due - interest;
            balance -= toPrincipal;
            rows.add(new Row(month, due, interest, toPrincipal, balance));
        }
        return rows;
    }

    public long totalInterest(long extraPerMonth) {
        long total = 0;
        List<Row> rows = schedule(extraPerMonth);
        for (int i = 0; i < rows.size(); i++) {
            total += rows.get(i).interest();
        }
        return total;
    }

    public long totalPaid(long extraPerMonth) {
        return principal + totalInterest(extraPerMonth);
    }

    /** Balance left after the given number of regular payments (0 means before the first). */
    public long balanceAfter(int month) {
        if (month <= 0) {
            return principal;
        }
        List<Row> rows = schedule(0);
        if (month > rows.size()) {
            return 0;
        }
        return rows.get(month - 1).balance();
    }

    /** Formats cents as dollars with thousands separators, e.g. 123456789 as "1,234,567.89". */
    public static String formatCents(long cents) {
        String sign = cents < 0 ? "-" : "";
        long amount = Math.abs(cents);
        String whole = Long.toString(amount / 100);
        long fraction = amount % 100;
        String grouped = "";
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped += ",";
            }
            grouped += whole.charAt(i);
        }
        return sign + grouped + "." + (fraction < 10 ? "0" : "") + fraction;
    }

    // one month of interest, rounded half up to the cent
    private long monthlyInterest(long balance) {
        return (balance * rateBasisPoints + 60000) / 120000;
    }
}
