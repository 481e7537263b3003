"""Inventory management for a small warehouse: stock, reservations and reorder reports."""


def _round_up(quantity, pack):
    """Round quantity up to a whole number of packs of the given size."""
    if pack <= 1:
        return quantity
    return (quantity + pack - 1) // pack * pack


class Inventory:
    """Tracks on-hand stock, reserved units and reorder thresholds per SKU."""

    def __init__(self):
        self.stock = {}
        self.reserved = {}
        self.thresholds = {}
        self.history = []

    def _log(self, action, sku, quantity):
        self.history.append((action, sku, quantity))

    def add_item(self, sku, quantity, threshold):
        """Register a new SKU or receive more units of a known one."""
        if quantity < 0 or threshold < 0:
            raise ValueError("quantity and threshold must be non-negative")
        if sku in self.stock:
            self.stock[sku] += quantity
        else:
            self.stock[sku] = quantity
            self.reserved[sku] = 0
        self.thresholds[sku] = threshold
        self._log("add", sku, quantity)

    def available(self, sku):
        """Units on hand that are not reserved for an order."""
        if sku not in self.stock:
            return 0
        return self.stock[sku] - self.reserved[sku]

    def reserve(self, sku, quantity):
        """Reserve units for an order; False when not enough are available."""
        if quantity <= 0 or self.available(sku) < quantity:
            return False
        self.reserved[sku] += quantity
        self._log("reserve", sku, quantity)
        return True

    def release(self, sku, quantity):
        """Cancel part of a reservation; returns how many units were released."""
        if sku not in self.reserved:
            return 0
        amount = min(quantity, self.reserved[sku])
        self.reserved[sku] -= amount
        self._log("release", sku, amount)
        return amount

    def ship(self, sku, quantity):
        """Ship reserved units: they leave both the stock and the reservation."""
        if sku not in self.reserved or quantity > self.reserved[sku]:
            return False
        self.reserved[sku] -= quantity
        self.stock[sku] -= quantity
        self._log("ship", sku, quantity)
        return True

    def fill_order(self, lines):
        """Reserve every (sku, quantity) line of an order, or none of them.

        Returns the list of SKUs that could not be reserved (empty on success).
        """
        done = []
        missing = []
        for i in range(len(lines)):
            sku, quantity = lines[i]
            if self.reserve(sku, quantity):
                done.append(lines[i])
            else:
                missing.append(sku)
        if missing:
            # roll back the lines that did succeed, newest first
            while done:
                sku, quantity = done.pop()
                self.release(sku, quantity)
        return missing

    def movements(self, sku):
        """Net change of on-hand units of one SKU over its whole history."""
        net = 0
        for i in range(len(self.history)):
            action, item, quantity = self.history[i]
            if item != sku:
                continue
            if action == "add":
                net += quantity
            elif action == "ship":
                net -= quantity
        return net

    def reorder_report(self, lead_days, daily_demand, pack):
        """(sku, order quantity) for each SKU that would drop below its threshold.

        Over the lead time an item sells lead_days * daily demand units; when the
        units left after that fall below the threshold, order enough to get back up
        to the threshold plus the lead-time demand, rounded up to whole packs.
        """
        report = []
        for sku in sorted(self.stock):
            free = self.available(sku)
            need = lead_days * daily_demand.get(sku, 0)
            if free - need < self.thresholds[sku]:
                shortfall = self.thresholds[sku] + need - free
                report.append((sku, _round_up(shortfall, pack)))
        return report


def stock_value(inventory, prices):
    """Total value of on-hand stock; SKUs without a price count as zero."""
    total = 0
    for sku in inventory.stock:
        total += inventory.stock[sku] * prices.get(sku, 0)
    return total
