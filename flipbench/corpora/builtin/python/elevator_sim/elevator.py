"""A single elevator serving floor requests one time step at a time.

Each step the elevator either opens its doors at a requested floor or moves one
floor. It keeps its direction while there are requests ahead of it; otherwise it
heads for the nearest request (the lower floor on a tie).
"""

UP = 1
DOWN = -1
IDLE = 0


class Elevator:
    def __init__(self, floors, start):
        if floors < 2 or start < 0 or start >= floors:
            raise ValueError("bad building")
        self.floors = floors
        self.floor = start
        self.direction = IDLE
        self.time = 0
        self.moves = 0
        self.requested = [False] * floors
        self.since = [0] * floors
        self.stops = []
        self.waits = []

    def request(self, floor):
        """Call the elevator to a floor; False for a floor outside the building."""
        if floor < 0 or floor >= self.floors:
            return False
        if not self.requested[floor]:
            self.requested[floor] = True
            self.since[floor] = self.time
        return True

    def pending(self):
        return [floor for floor in range(self.floors) if self.requested[floor]]

    def _any_above(self):
        for floor in range(self.floor + 1, self.floors):
            if self.requested[floor]:
                return True
        return False

    def _any_below(self):
        for floor in range(self.floor - 1, -1, -1):
            if self.requested[floor]:
                return True
        return False

    def _nearest(self):
        best = None
        for floor in range(self.floors):
            if self.requested[floor] and (best is None or abs(floor - self.floor) < abs(best - self.floor)):
                best = floor
        return best

    def _choose_direction(self):
        if self.direction == UP and self._any_above():
            return UP
        if self.direction == DOWN and self._any_below():
            return DOWN
        target = self._nearest()
        if target is None:
            return IDLE
        return UP if target > self.floor else DOWN

    def _act(self):
        if self.requested[self.floor]:
            self.requested[self.floor] = False
            self.stops.append(self.floor)
            self.waits.append(self.time - self.since[self.floor])
            return "open"
        self.direction = self._choose_direction()
        if self.direction == IDLE:
            return "idle"
        self.floor += self.direction
        self.moves += 1
        return "up" if self.direction == UP else "down"

    def step(self):
        """Advance one time step; returns 'open', 'up', 'down' or 'idle'."""
        action = self._act()
        self.time += 1
        return action

    def run(self, max_steps):
        """Step until the elevator is idle or max_steps steps were taken."""
        actions = []
        while len(actions) < max_steps:
            action = self.step()
            if action == "idle":
                break
            actions.append(action)
        return actions


def average_wait(waits):
    if not waits:
        return 0.0
    return round(sum(waits) / len(waits), 2)


def simulate(floors, start, calls, steps):
    """Run for a number of steps; calls are (time, floor) made just before that step.

    Returns (floors where the doors opened, floors travelled, average wait).
    """
    elevator = Elevator(floors, start)
    for t in range(steps):
        for i in range(len(calls)):
            if calls[i][0] == t:
                elevator.request(calls[i][1])
        elevator.step()
    return elevator.stops, elevator.moves, average_wait(elevator.waits)
