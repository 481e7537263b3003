import java.util.List;
import java.util.Objects;

public class LoanAmortizationTest {
    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static LoanAmortization.Row row(int month, long payment, long interest, long principal, long balance) {
        return new LoanAmortization.Row(month, payment, interest, principal, balance);
    }

    private static void checkInvalid(long principal, int rate, int months) {
        try {
            new LoanAmortization(principal, rate, months);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected invalid terms: " + principal + ", " + rate + ", " + months);
    }

    static void testInvalidTermsAreRejected() {
        checkInvalid(0, 500, 12);
        checkInvalid(-100, 500, 12);
        checkInvalid(100000, 500, 0);
        checkInvalid(100000, -1, 12);
        checkEquals(100L, new LoanAmortization(100, 0, 1).monthlyPayment());
        checkEquals(1L, new LoanAmortization(1, 0, 1).monthlyPayment());
    }

    static void testMonthlyPaymentMatchesKnownValues() {
        checkEquals(88849L, new LoanAmortization(1_000_000, 1200, 12).monthlyPayment());
        checkEquals(59955L, new LoanAmortization(10_000_000, 600, 360).monthlyPayment());
        checkEquals(34002L, new LoanAmortization(100_000, 1200, 3).monthlyPayment());
        checkEquals(33334L, new LoanAmortization(100_000, 0, 3).monthlyPayment());
        checkEquals(25000L, new LoanAmortization(100_000, 0, 4).monthlyPayment());
    }

    static void testScheduleRoundsInterestAndAdjustsLastPayment() {
        List<LoanAmortization.Row> rows = new LoanAmortization(100_000, 1200, 3).schedule(0);
        checkEquals(List.of(
                row(1, 34002, 1000, 33002, 66998),
                row(2, 34002, 670, 33332, 33666),
                row(3, 34003, 337, 33666, 0)), rows);
    }

    static void testZeroRateSchedule() {
        checkEquals(List.of(
                row(1, 33334, 0, 33334, 66666),
                row(2, 33334, 0, 33334, 33332),
                row(3, 33332, 0, 33332, 0)), new LoanAmortization(100_000, 0, 3).schedule(0));
        checkEquals(List.of(
                row(1, 30000, 0, 30000, 60000),
                row(2, 30000, 0, 30000, 30000),
                row(3, 30000, 0, 30000, 0)), new LoanAmortization(90_000, 0, 3).schedule(0));
    }

    static void testExtraPaymentsEndTheLoanEarly() {
        LoanAmortization loan = new LoanAmortization(100_000, 1200, 3);
        checkEquals(List.of(
                row(1, 54002, 1000, 53002, 46998),
                row(2, 47468, 470, 46998, 0)), loan.schedule(20_000));
        checkEquals(1470L, loan.totalInterest(20_000));
        checkEquals(1, new LoanAmortization(100_000, 0, 3).schedule(66_666).size());
        checkEquals(List.of(
                row(1, 99999, 0, 99999, 1),
                row(2, 1, 0, 1, 0)), new LoanAmortization(100_000, 0, 3).schedule(66_665));
        checkEquals(List.of(
                row(1, 50500, 1000, 49500, 50500),
                row(2, 50500, 505, 49995, 505),
                row(3, 510, 5, 505, 0)), loan.schedule(16_498));
    }

    static void testInterestRoundsHalfUp() {
        checkEquals(List.of(row(1, 51, 1, 50, 0)), new LoanAmortization(50, 1200, 1).schedule(0));
        checkEquals(List.of(row(1, 59999, 0, 59999, 0)), new LoanAmortization(59999, 1, 1).schedule(0));
    }

    static void testTotals() {
        LoanAmortization loan = new LoanAmortization(100_000, 1200, 3);
        checkEquals(2007L, loan.totalInterest(0));
        checkEquals(102007L, loan.totalPaid(0));
        LoanAmortization mortgage = new LoanAmortization(10_000_000, 600, 360);
        List<LoanAmortization.Row> rows = mortgage.schedule(0);
        checkEquals(360, rows.size());
        checkEquals(0L, rows.get(359).balance());
        long repaid = 0;
        for (LoanAmortization.Row r : rows) {
            repaid += r.principal();
            check(r.payment() == r.interest() + r.principal(), "row " + r.month() + " adds up");
        }
        checkEquals(10_000_000L, repaid);
        checkEquals(50000L, rows.get(0).interest());
    }

    static void testBalanceAfter() {
        LoanAmortization loan = new LoanAmortization(100_000, 1200, 3);
        checkEquals(100_000L, loan.balanceAfter(0));
        checkEquals(100_000L, loan.balanceAfter(-2));
        checkEquals(66998L, loan.balanceAfter(1));
        checkEquals(33666L, loan.balanceAfter(2));
        checkEquals(0L, loan.balanceAfter(3));
        checkEquals(0L, loan.balanceAfter(4));
    }

    static void testFormatCents() {
        checkEquals("340.02", LoanAmortization.formatCents(34002));
        checkEquals("0.05", LoanAmortization.formatCents(5));
        checkEquals("0.09", LoanAmortization.formatCents(9));
        checkEquals("0.10", LoanAmortization.formatCents(10));
        checkEquals("1,234,567.89", LoanAmortization.formatCents(123456789));
        checkEquals("1,000.00", LoanAmortization.formatCents(100000));
        checkEquals("999.99", LoanAmortization.formatCents(99999));
        checkEquals("-1.50", LoanAmortization.formatCents(-150));
        checkEquals("0.00", LoanAmortization.formatCents(0));
    }
}
