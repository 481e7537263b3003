import java.util.List;
import java.util.Objects;

public class BankLedgerTest {
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

    static void testOpenRejectsDuplicatesAndNegativeBalances() {
        BankLedger ledger = new BankLedger(0);
        check(ledger.open("ann", 100), "first open");
        check(!ledger.open("ann", 5), "duplicate owner");
        check(!ledger.open("bob", -1), "negative start");
        check(!ledger.open("", 10), "empty owner");
    }

    static void testDepositAndWithdraw() {
        BankLedger ledger = new BankLedger(0);
        ledger.open("ann", 100);
        check(ledger.deposit("ann", 50), "deposit");
        check(ledger.withdraw("ann", 30), "withdraw");
        checkEquals(120L, ledger.balance("ann"));
        checkEquals(List.of("deposit 50", "withdraw 30"), ledger.history("ann"));
    }

    static void testWithdrawRespectsOverdraftLimit() {
        BankLedger ledger = new BankLedger(50);
        ledger.open("ann", 100);
        check(ledger.withdraw("ann", 150), "exactly at the limit");
        check(!ledger.withdraw("ann", 1), "past the limit");
        checkEquals(-50L, ledger.balance("ann"));
    }

    static void testTransferMovesMoneyAndRecordsBoth() {
        BankLedger ledger = new BankLedger(0);
        ledger.open("ann", 100);
        ledger.open("bob", 10);
        check(ledger.transfer("ann", "bob", 60), "transfer");
        checkEquals(40L, ledger.balance("ann"));
        checkEquals(70L, ledger.balance("bob"));
        checkEquals(List.of("transfer in 60"), ledger.history("bob"));
        check(!ledger.transfer("ann", "ann", 1), "self transfer");
        check(!ledger.transfer("ann", "bob", 41), "insufficient funds");
        check(!ledger.transfer("ann", "zed", 1), "unknown account");
    }

    static void testInterestRoundsDownAndSkipsNegativeBalances() {
        BankLedger ledger = new BankLedger(100);
        ledger.open("ann", 10050);
        ledger.open("bob", 0);
        ledger.withdraw("bob", 70);
        checkEquals(150L, ledger.applyInterest(150));
        checkEquals(10200L, ledger.balance("ann"));
        checkEquals(-70L, ledger.balance("bob"));
    }

    static void testTotalAndRichest() {
        BankLedger ledger = new BankLedger(0);
        ledger.open("ann", 300);
        ledger.open("bob", 500);
        ledger.open("cy", 500);
        checkEquals(1300L, ledger.total());
        checkEquals("bob", ledger.richest());
        checkEquals(0L, ledger.balance("nobody"));
    }
}
