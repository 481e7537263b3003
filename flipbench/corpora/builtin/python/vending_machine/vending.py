"""A vending machine modelled as a small state machine.

States: 'idle' (no credit), 'collecting' (coins inserted) and 'out_of_service'.
Amounts are in cents; change is paid from the coins in the machine's change box,
which includes the coins inserted for the current purchase.
"""

COINS = (200, 100, 50, 20, 10, 5)


def _change(amount, index, box):
    """Coins (largest first) from box that add up to amount, or None; backtracks."""
    if amount == 0:
        return []
    if index == len(COINS):
        return None
    coin = COINS[index]
    most = min(amount // coin, box.get(coin, 0))
    for n in range(most, -1, -1):
        rest = _change(amount - n * coin, index + 1, box)
        if rest is not None:
            return [coin] * n + rest
    return None


def make_change(amount, box):
    return _change(amount, 0, box)


class VendingMachine:
    def __init__(self, float_coins):
        self.state = "idle"
        self.box = {coin: float_coins.get(coin, 0) for coin in COINS}
        self.inserted = []
        self.products = {}
        self.sales = 0

    def stock(self, slot, name, price, count):
        if price <= 0 or count < 0:
            raise ValueError("bad product")
        self.products[slot] = [name, price, count]

    def credit(self):
        return sum(self.inserted)

    def insert(self, coin):
        """Accept a valid coin; False when rejected or out of service."""
        if self.state == "out_of_service" or coin not in COINS:
            return False
        self.inserted.append(coin)
        self.state = "collecting"
        return True

    def refund(self):
        """Return the inserted coins, largest first."""
        coins = sorted(self.inserted, reverse=True)
        self.inserted = []
        if self.state == "collecting":
            self.state = "idle"
        return coins

    def select(self, slot):
        """Try to buy from a slot; returns (status, item name or None, coins returned)."""
        if self.state != "collecting":
            return ("no credit", None, [])
        product = self.products.get(slot)
        if product is None or product[2] == 0:
            return ("sold out", None, [])
        if self.credit() < product[1]:
            return ("insufficient", None, [])
        for coin in self.inserted:
            self.box[coin] += 1
        change = make_change(self.credit() - product[1], self.box)
        if change is None:
            for coin in self.inserted:
                self.box[coin] -= 1
            return ("exact change only", None, self.refund())
        for coin in change:
            self.box[coin] -= 1
        product[2] -= 1
        self.sales += product[1]
        self.inserted = []
        self.state = "idle"
        return ("ok", product[0], change)

    def set_service(self, out_of_service):
        """Switch service mode; going out of service refunds any credit."""
        coins = self.refund()
        self.state = "out_of_service" if out_of_service else "idle"
        return coins

    def box_value(self):
        total = 0
        for coin in COINS:
            total += coin * self.box[coin]
        return total
