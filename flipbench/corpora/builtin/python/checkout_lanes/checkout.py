"""Checkout lanes at a shop: a deterministic simulation of customers queueing to pay.

A customer is (arrival time, number of items). Serving takes per_item time per item
plus a fixed payment time. Each customer joins the lane with the fewest customers
in it (waiting or being served), the lowest-numbered lane on a tie. When
express_limit is positive, lane 0 is an express lane for customers with at most
that many items.
"""


def service_time(items, per_item, payment):
    return items * per_item + payment


class Store:
    def __init__(self, lanes, per_item, payment, express_limit):
        if lanes < 1 or (express_limit > 0 and lanes < 2):
            raise ValueError("not enough lanes")
        self.per_item = per_item
        self.payment = payment
        self.express_limit = express_limit
        self.finish = [[] for _ in range(lanes)]
        self.records = []

    def _queue_length(self, lane, time):
        """Customers in a lane at a moment; one finishing exactly then has left."""
        count = 0
        for end in self.finish[lane]:
            if end > time:
                count += 1
        return count

    def _choose_lane(self, items, time):
        best = -1
        best_length = 0
        for lane in range(len(self.finish)):
            if lane == 0 and self.express_limit > 0 and items > self.express_limit:
                continue
            length = self._queue_length(lane, time)
            if best == -1 or length < best_length:
                best = lane
                best_length = length
        return best

    def arrive(self, time, items):
        """Place one customer; returns the chosen lane."""
        if items <= 0:
            raise ValueError("a customer needs at least one item")
        lane = self._choose_lane(items, time)
        last = self.finish[lane][-1] if self.finish[lane] else 0
        start = max(time, last)
        end = start + service_time(items, self.per_item, self.payment)
        self.finish[lane].append(end)
        self.records.append((lane, time, start, end))
        return lane


def simulate(customers, lanes, per_item, payment, express_limit):
    """Records (lane, arrival, start, finish) for customers given in arrival order."""
    store = Store(lanes, per_item, payment, express_limit)
    i = 0
    while i < len(customers):
        if i > 0 and customers[i][0] < customers[i - 1][0]:
            raise ValueError("customers must be in arrival order")
        store.arrive(customers[i][0], customers[i][1])
        i += 1
    return store.records


def waiting_times(records):
    return [start - arrival for _, arrival, start, _ in records]


def average_wait(records):
    if not records:
        return 0.0
    return round(sum(waiting_times(records)) / len(records), 2)


def max_queue(records, lanes):
    """Largest number of customers present at once in each lane."""
    result = []
    for lane in range(lanes):
        events = []
        for record in records:
            if record[0] == lane:
                events.append((record[1], 1))
                events.append((record[3], -1))
        # at equal times departures (-1) sort before arrivals (+1)
        events.sort()
        present = 0
        peak = 0
        for _, change in events:
            present += change
            peak = max(peak, present)
        result.append(peak)
    return result


def utilisation(records, lanes, horizon):
    """Percentage of [0, horizon) each lane spent serving customers."""
    busy = [0] * lanes
    for lane, _, start, end in records:
        busy[lane] += min(end, horizon) - min(start, horizon)
    return [round(100 * b / horizon, 1) for b in busy]


def closing_time(records):
    latest = 0
    for record in records:
        if record[3] > latest:
            latest = record[3]
    return latest
