"""Schedule project tasks that depend on each other."""


class TaskGraph:
    """Tasks with a duration and a list of prerequisite tasks."""

    def __init__(self):
        self.durations = {}
        self.deps = {}

    def add_task(self, name, duration, prerequisites):
        if duration < 0:
            raise ValueError("duration must be non-negative")
        self.durations[name] = duration
        self.deps[name] = list(prerequisites)


def _dependants(graph):
    """Map each task to the tasks that list it as a prerequisite."""
    result = {task: [] for task in graph.deps}
    for task in graph.deps:
        for prerequisite in graph.deps[task]:
            if prerequisite not in result:
                raise KeyError(prerequisite)
            result[prerequisite].append(task)
    return result


def topological_order(graph):
    """Tasks in an order that respects prerequisites, or None if there is a cycle.

    Among the tasks that are ready, the alphabetically smallest one goes first.
    """
    dependants = _dependants(graph)
    waiting = {task: len(graph.deps[task]) for task in graph.deps}
    ready = sorted(task for task in waiting if waiting[task] == 0)
    order = []
    while ready:
        task = ready.pop(0)
        order.append(task)
        for follower in dependants[task]:
            waiting[follower] -= 1
            if waiting[follower] == 0:
                ready.append(follower)
                ready.sort()
    if len(order) < len(graph.deps):
        return None
    return order


def _visit(graph, task, state, stack):
    state[task] = 1
    stack.append(task)
    for prerequisite in graph.deps[task]:
        if state[prerequisite] == 1:
            return stack[stack.index(prerequisite):]
        if state[prerequisite] == 0:
            found = _visit(graph, prerequisite, state, stack)
            if found:
                return found
    stack.pop()
    state[task] = 2
    return []


def find_cycle(graph):
    """Tasks forming a dependency cycle (each depends on the next), or [] if none."""
    state = {task: 0 for task in graph.deps}
    for task in sorted(graph.deps):
        if state[task] == 0:
            cycle = _visit(graph, task, state, [])
            if cycle:
                return cycle
    return []


def earliest_starts(graph):
    """Earliest start time of every task, or None when the tasks contain a cycle."""
    order = topological_order(graph)
    if order is None:
        return None
    starts = {}
    for task in order:
        start = 0
        for prerequisite in graph.deps[task]:
            finish = starts[prerequisite] + graph.durations[prerequisite]
            if finish > start:
                start = finish
        starts[task] = start
    return starts


def project_length(graph):
    starts = earliest_starts(graph)
    if not starts:
        return 0
    return max(starts[task] + graph.durations[task] for task in starts)


def slack(graph):
    """How long each task may be delayed without delaying the whole project."""
    order = topological_order(graph)
    starts = earliest_starts(graph)
    if order is None:
        return None
    length = project_length(graph)
    dependants = _dependants(graph)
    latest_start = {}
    for i in range(len(order) - 1, -1, -1):
        task = order[i]
        latest_finish = length
        for follower in dependants[task]:
            latest_finish = min(latest_finish, latest_start[follower])
        latest_start[task] = latest_finish - graph.durations[task]
    return {task: latest_start[task] - starts[task] for task in order}


def critical_path(graph):
    """A chain of tasks with no slack, from the first task to the last one to finish."""
    starts = earliest_starts(graph)
    if not starts:
        return []
    last = None
    for task in sorted(starts):
        if last is None or starts[task] + graph.durations[task] > starts[last] + graph.durations[last]:
            last = task
    path = [last]
    while True:
        task = path[-1]
        previous = None
        for prerequisite in sorted(graph.deps[task]):
            if starts[prerequisite] + graph.durations[prerequisite] == starts[task]:
                previous = prerequisite
                break
        if previous is None:
            break
        path.append(previous)
    path.reverse()
    return path
