import java.util.List;
import java.util.Objects;

public class LibraryCheckoutTest {
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

    static void testCheckoutSetsDueDayAndCountsCopies() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 2);
        check(library.addMember("ann", 3), "ann joins");
        checkEquals("ok", library.checkout("ann", "111", 10));
        checkEquals(24, library.dueDay("ann", "111"));
        checkEquals(1, library.available("111"));
        checkEquals(1, library.onLoan("111"));
        library.addCopies("111", 1);
        checkEquals(2, library.available("111"));
        checkEquals(1, library.onLoan("111"));
        checkEquals(-1, library.dueDay("ann", "222"));
        checkEquals(-1, library.dueDay("zed", "111"));
    }

    static void testCheckoutRefusals() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 1);
        library.addCopies("222", 5);
        library.addCopies("333", 5);
        check(library.addMember("ann", 2), "ann joins");
        check(library.addMember("bob", 1), "a limit of one is allowed");
        check(!library.addMember("ann", 4), "duplicate member");
        check(!library.addMember("cy", 0), "a member must be able to borrow");
        checkEquals("unknown member", library.checkout("zed", "111", 1));
        checkEquals("unknown book", library.checkout("ann", "999", 1));
        checkEquals("ok", library.checkout("bob", "111", 1));
        checkEquals("no copies", library.checkout("ann", "111", 1));
        checkEquals("limit reached", library.checkout("bob", "222", 1));
        checkEquals("ok", library.checkout("ann", "222", 1));
        checkEquals("already borrowed", library.checkout("ann", "222", 2));
        checkEquals("ok", library.checkout("ann", "333", 2));
        checkEquals("limit reached", library.checkout("ann", "111", 3));
        checkEquals(0, library.available("111"));
        checkEquals(4, library.available("222"));
    }

    static void testReturnChargesLateFines() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 3);
        library.addMember("ann", 3);
        library.addMember("bob", 3);
        library.addMember("cy", 3);
        library.checkout("ann", "111", 10);
        library.checkout("bob", "111", 10);
        library.checkout("cy", "111", 10);
        checkEquals(0, library.returnBook("ann", "111", 24));
        checkEquals(25, library.returnBook("bob", "111", 25));
        checkEquals(150, library.returnBook("cy", "111", 30));
        checkEquals(0L, library.owed("ann"));
        checkEquals(25L, library.owed("bob"));
        checkEquals(150L, library.owed("cy"));
        checkEquals(3, library.available("111"));
        checkEquals(0, library.onLoan("111"));
        checkEquals(-1, library.returnBook("ann", "111", 31));
    }

    static void testFineIsCappedPerLoan() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("a", 1);
        library.addCopies("b", 1);
        library.addCopies("c", 1);
        library.addMember("ann", 3);
        library.checkout("ann", "a", 0);
        library.checkout("ann", "b", 0);
        library.checkout("ann", "c", 0);
        checkEquals(975, library.returnBook("ann", "a", 53));
        checkEquals(1000, library.returnBook("ann", "b", 54));
        checkEquals(1000, library.returnBook("ann", "c", 55));
        checkEquals(2975L, library.owed("ann"));
    }

    static void testFinesBlockBorrowingUntilPaid() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 1);
        library.addCopies("222", 1);
        library.addMember("ann", 5);
        library.checkout("ann", "111", 0);
        checkEquals(500, library.returnBook("ann", "111", 34));
        checkEquals("fines owed", library.checkout("ann", "222", 34));
        checkEquals(0L, library.pay("ann", 1));
        checkEquals(499L, library.owed("ann"));
        checkEquals("ok", library.checkout("ann", "222", 35));
        checkEquals(101L, library.pay("ann", 600));
        checkEquals(0L, library.owed("ann"));
        checkEquals(0L, library.owed("nobody"));
    }

    static void testRenewal() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 1);
        library.addCopies("222", 1);
        library.addMember("ann", 2);
        library.checkout("ann", "111", 10);
        check(library.renew("ann", "111", 24), "renew on the due day");
        checkEquals(38, library.dueDay("ann", "111"));
        check(library.renew("ann", "111", 30), "second renewal");
        checkEquals(52, library.dueDay("ann", "111"));
        check(!library.renew("ann", "111", 31), "third renewal refused");
        checkEquals(52, library.dueDay("ann", "111"));
        library.checkout("ann", "222", 10);
        check(!library.renew("ann", "222", 25), "overdue loans cannot be renewed");
        check(!library.renew("ann", "333", 1), "no such loan");
        check(!library.renew("zed", "111", 1), "no such member");
        checkEquals(24, library.dueDay("ann", "222"));
    }

    static void testOverdueAndProjectedFines() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 1);
        library.addCopies("222", 1);
        library.addCopies("333", 1);
        library.addMember("ann", 3);
        library.addMember("bob", 3);
        library.checkout("bob", "333", 3);
        library.checkout("ann", "111", 0);
        library.checkout("ann", "222", 5);
        checkEquals(List.of("ann:111:+3"), library.overdue(17));
        checkEquals(List.of("ann:111:+6", "ann:222:+1", "bob:333:+3"), library.overdue(20));
        checkEquals(List.of(), library.overdue(14));
        checkEquals(175, library.projectedFines("ann", 20));
        checkEquals(0, library.projectedFines("bob", 17));
        checkEquals(1875, library.projectedFines("ann", 54));
        checkEquals(0L, library.owed("ann"));
    }

    static void testUnknownNamesAreHarmless() {
        LibraryCheckout library = new LibraryCheckout();
        library.addCopies("111", 1);
        library.addMember("ann", 1);
        checkEquals(-1, library.returnBook("zed", "111", 5));
        checkEquals(-1, library.returnBook("ann", "111", 5));
        checkEquals(1, library.available("111"));
        checkEquals(0, library.available("999"));
        checkEquals(0, library.onLoan("999"));
    }
}
