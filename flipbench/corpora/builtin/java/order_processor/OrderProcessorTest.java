import java.util.Objects;

public class OrderProcessorTest {
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

    private static OrderProcessor shop() {
        OrderProcessor shop = new OrderProcessor(825);
        shop.addProduct("pen", 150, 100);
        shop.addProduct("book", 1299, 5);
        shop.addProduct("lamp", 4500, 2);
        shop.addProduct("mug", 1000, 3);
        shop.addProduct("card", 250, 10);
        shop.addProduct("box", 5000, 1);
        return shop;
    }

    static void testLinesAndBulkDiscount() {
        OrderProcessor shop = shop();
        int order = shop.openOrder();
        checkEquals(0, order);
        check(shop.addLine(order, "pen", 9), "nine pens");
        checkEquals(1350L, shop.subtotal(order));
        check(shop.addLine(order, "pen", 1), "tenth pen joins the same line");
        checkEquals(1425L, shop.subtotal(order));
        check(shop.addLine(order, "book", 1), "one book");
        checkEquals(2724L, shop.subtotal(order));
        check(!shop.addLine(order, "ghost", 1), "unknown product");
        check(!shop.addLine(order, "pen", 0), "zero units");
        check(!shop.addLine(order, "pen", -2), "negative units");
        checkEquals(1, shop.openOrder());
    }

    static void testPercentCouponReceipt() {
        OrderProcessor shop = shop();
        int order = shop.openOrder();
        shop.addLine(order, "pen", 10);
        shop.addLine(order, "book", 1);
        check(shop.applyCoupon(order, "SAVE10"), "coupon accepted");
        checkEquals(272L, shop.discount(order));
        checkEquals("sub=2724 disc=272 tax=202 ship=499 total=3153", shop.receipt(order));
        checkEquals(3153L, shop.total(order));
        int nearFree = shop.openOrder();
        shop.addLine(nearFree, "lamp", 1);
        shop.addLine(nearFree, "mug", 1);
        shop.applyCoupon(nearFree, "SAVE10");
        checkEquals("sub=5500 disc=550 tax=408 ship=499 total=5857", shop.receipt(nearFree));
    }

    static void testFlatCouponNeedsMinimumSubtotal() {
        OrderProcessor shop = shop();
        int big = shop.openOrder();
        shop.addLine(big, "lamp", 2);
        shop.applyCoupon(big, "FLAT500");
        checkEquals("sub=9000 disc=500 tax=701 ship=0 total=9201", shop.receipt(big));
        int small = shop.openOrder();
        shop.addLine(small, "mug", 2);
        shop.addLine(small, "card", 1);
        shop.applyCoupon(small, "FLAT500");
        checkEquals("sub=2250 disc=0 tax=186 ship=499 total=2935", shop.receipt(small));
        shop.addLine(small, "card", 1);
        checkEquals("sub=2500 disc=500 tax=165 ship=499 total=2664", shop.receipt(small));
    }

    static void testTaxRoundsHalfUpAndShippingThreshold() {
        OrderProcessor shop = shop();
        int mug = shop.openOrder();
        shop.addLine(mug, "mug", 1);
        checkEquals("sub=1000 disc=0 tax=83 ship=499 total=1582", shop.receipt(mug));
        int box = shop.openOrder();
        shop.addLine(box, "box", 1);
        checkEquals("sub=5000 disc=0 tax=413 ship=0 total=5413", shop.receipt(box));
        int empty = shop.openOrder();
        checkEquals("sub=0 disc=0 tax=0 ship=0 total=0", shop.receipt(empty));
        OrderProcessor taxFree = new OrderProcessor(0);
        taxFree.addProduct("mug", 1000, 1);
        int order = taxFree.openOrder();
        taxFree.addLine(order, "mug", 1);
        checkEquals(1499L, taxFree.total(order));
        taxFree.addProduct("clip", 1, 1);
        int tiny = taxFree.openOrder();
        taxFree.addLine(tiny, "clip", 1);
        checkEquals(499L, taxFree.shipping(tiny));
        checkEquals(500L, taxFree.total(tiny));
        OrderProcessor oneBasisPoint = new OrderProcessor(1);
        oneBasisPoint.addProduct("a", 4999, 1);
        oneBasisPoint.addProduct("b", 5000, 1);
        int below = oneBasisPoint.openOrder();
        oneBasisPoint.addLine(below, "a", 1);
        checkEquals(0L, oneBasisPoint.tax(below));
        int half = oneBasisPoint.openOrder();
        oneBasisPoint.addLine(half, "b", 1);
        checkEquals(1L, oneBasisPoint.tax(half));
    }

    static void testCouponRules() {
        OrderProcessor shop = shop();
        int order = shop.openOrder();
        shop.addLine(order, "mug", 1);
        check(!shop.applyCoupon(order, "save10"), "codes are case sensitive");
        check(!shop.applyCoupon(order, "FREE"), "unknown code");
        check(shop.applyCoupon(order, "FLAT500"), "first coupon");
        check(!shop.applyCoupon(order, "SAVE10"), "only one coupon");
        int placed = shop.openOrder();
        shop.addLine(placed, "mug", 1);
        checkEquals("placed", shop.place(placed));
        check(!shop.applyCoupon(placed, "SAVE10"), "order no longer open");
        checkEquals(0L, shop.discount(placed));
    }

    static void testPlaceReservesAllOrNothing() {
        OrderProcessor shop = shop();
        int tooMany = shop.openOrder();
        shop.addLine(tooMany, "book", 3);
        shop.addLine(tooMany, "lamp", 3);
        checkEquals("out of stock: lamp", shop.place(tooMany));
        checkEquals(5, shop.stock("book"));
        checkEquals(2, shop.stock("lamp"));
        checkEquals("open", shop.status(tooMany));
        int exact = shop.openOrder();
        shop.addLine(exact, "book", 3);
        shop.addLine(exact, "lamp", 2);
        checkEquals("placed", shop.place(exact));
        checkEquals(2, shop.stock("book"));
        checkEquals(0, shop.stock("lamp"));
        checkEquals("not open", shop.place(exact));
        check(!shop.addLine(exact, "pen", 1), "placed orders are closed");
        checkEquals("empty order", shop.place(shop.openOrder()));
        checkEquals(0, shop.stock("ghost"));
    }

    static void testCancelRestocksPlacedOrders() {
        OrderProcessor shop = shop();
        int placed = shop.openOrder();
        shop.addLine(placed, "book", 2);
        shop.place(placed);
        checkEquals(3, shop.stock("book"));
        check(shop.cancel(placed), "cancel placed order");
        checkEquals(5, shop.stock("book"));
        checkEquals("cancelled", shop.status(placed));
        check(!shop.cancel(placed), "already cancelled");
        checkEquals(5, shop.stock("book"));
        int open = shop.openOrder();
        shop.addLine(open, "book", 1);
        check(shop.cancel(open), "cancel open order");
        checkEquals(5, shop.stock("book"));
        checkEquals("not open", shop.place(open));
    }

    static void testRevenueCountsPlacedOrdersOnly() {
        OrderProcessor shop = shop();
        int first = shop.openOrder();
        shop.addLine(first, "mug", 1);
        shop.place(first);
        int second = shop.openOrder();
        shop.addLine(second, "box", 1);
        shop.place(second);
        int third = shop.openOrder();
        shop.addLine(third, "lamp", 1);
        shop.place(third);
        shop.cancel(third);
        int fourth = shop.openOrder();
        shop.addLine(fourth, "pen", 1);
        checkEquals(6995L, shop.revenue());
        shop.place(fourth);
        checkEquals(7656L, shop.revenue());
    }
}
