import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders against an inventory with bulk discounts, coupons, tax and shipping; money is in cents. */
public class OrderProcessor {
    public static final int BULK_QUANTITY = 10; // lines of this many units get 5% off
    public static final int BULK_PERCENT = 5;
    public static final int FREE_SHIPPING_FROM = 5000;
    public static final int SHIPPING = 499;

    private static final class Product {
        final int price;
        int stock;

        Product(int price, int stock) {
            this.price = price;
            this.stock = stock;
        }
    }

    private static final class Order {
        final Map<String, Integer> lines = new LinkedHashMap<>();
        String status = "open";
        String coupon = "";
    }

    private final Map<String, Product> products = new LinkedHashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final int taxBasisPoints;

    public OrderProcessor(int taxBasisPoints) {
        this.taxBasisPoints = taxBasisPoints;
    }

    public void addProduct(String sku, int priceCents, int stock) {
        products.put(sku, new Product(priceCents, stock));
    }

    public int stock(String sku) {
        Product product = products.get(sku);
        return product == null ? 0 : product.stock;
    }

    /** Opens an empty order and returns its id; ids count up from 0. */
    public int openOrder() {
        orders.add(new Order());
        return orders.size() - 1;
    }

    /** Adds units of a product to an open order; repeated products add up on one line. */
    public boolean addLine(int orderId, String sku, int quantity) {
        Order order = orders.get(orderId);
        if (!order.status.equals("open") || !products.containsKey(sku) || quantity <= 0) {
            return false;
        }
        order.lines.merge(sku, quantity, Integer::sum);
        return true;
    }

    /** Attaches one coupon to an open order: "SAVE10" (10% off) or "FLAT500" (500 off from 2500). */
    public boolean applyCoupon(int orderId, String code) {
        Order order = orders.get(orderId);
        boolean known = code.equals("SAVE10") || code.equals("FLAT500");
        if (!known || !order.coupon.isEmpty() || !order.status.equals("open")) {
            return false;
        }
        order.coupon = code;
        return true;
    }

    /** Sum of the lines, each bulk line reduced by 5% (the reduction rounded down). */
    public long subtotal(int orderId) {
        long sum = 0;
        for (Map.Entry<String, Integer> line : orders.get(orderId).lines.entrySet()) {
            long amount = (long) products.get(line.getKey()).price * line.getValue();
            if (line.getValue() >= BULK_QUANTITY) {
                amount -= amount * BULK_PERCENT / 100;
            }
            sum += amount;
        }
        return sum;
    }

    public long discount(int orderId) {
        String coupon = orders.get(orderId).coupon;
        long subtotal = subtotal(orderId);
        if (coupon.equals("SAVE10")) {
            return subtotal * 10 / 100;
        }
        if (coupon.equals("FLAT500") && subtotal >= 2500) {
            return 500;
        }
        return 0;
    }

    /** Tax on the discounted subtotal, rounded half up to whole cents. */
    public long tax(int orderId) {
        long taxable = subtotal(orderId) - discount(orderId);
        return (taxable * taxBasisPoints + 5000) / 10000;
    }

    public long shipping(int orderId) {
        long taxable = subtotal(orderId) - discount(orderId);
        return taxable > 0 && taxable < FREE_SHIPPING_FROM ? SHIPPING : 0;
    }

    public long total(int orderId) {
        return subtotal(orderId) - discount(orderId) + tax(orderId) + shipping(orderId);
    }

    public String receipt(int orderId) {
        return "sub=" + subtotal(orderId) + " disc=" + discount(orderId) + " tax=" + tax(orderId)
            + " ship=" + shipping(orderId) + " total=" + total(orderId);
    }

    /** Reserves stock for every line or for none; returns "placed" or why the order cannot be placed. */
    public String place(int orderId) {
        Order order = orders.get(orderId);
        if (!order.status.equals("open")) {
            return "not open";
        }
        if (order.lines.isEmpty()) {
            return "empty order";
        }
        for (Map.Entry<String, Integer> line : order.lines.entrySet()) {
            if (products.get(line.getKey()).stock < line.getValue()) {
                return "out of stock: " + line.getKey();
            }
        }
        for (Map.Entry<String, Integer> line : order.lines.entrySet()) {
            products.get(line.getKey()).stock -= line.getValue();
        }
        order.status = "placed";
        return "placed";
    }

    /** Cancels an open or placed order; a placed order's stock is put back. */
    public boolean cancel(int orderId) {
        Order order = orders.get(orderId);
        if (order.status.equals("cancelled")) {
            return false;
        }
        if (order.status.equals("placed")) {
            for (Map.Entry<String, Integer> line : order.lines.entrySet()) {
                products.get(line.getKey()).stock += line.getValue();
            }
        }
        order.status = "cancelled";
        return true;
    }

    public String status(int orderId) {
        return orders.get(orderId).status;
    }

    /** Sum of the totals of all placed orders. */
    public long revenue() {
        long sum = 0;
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).status.equals("placed")) {
                sum += total(i);
            }
        }
        return sum;
    }
}
