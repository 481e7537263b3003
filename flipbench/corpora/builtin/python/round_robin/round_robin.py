"""Round-robin CPU scheduling: a simulation and the usual per-process statistics.

A process is a tuple (name, arrival time, burst time). The simulation produces a
timeline of slices (name, start, end).
"""


def _check(processes, quantum):
    if quantum <= 0:
        raise ValueError("quantum must be positive")
    for name, arrival, burst in processes:
        if burst <= 0 or arrival < 0:
            raise ValueError("bad process " + name)


def simulate(processes, quantum, switch_cost):
    """Run the processes round robin with the given time quantum.

    Processes that arrive while a slice runs (or exactly when it ends) join the
    queue before the preempted process. Loading a process different from the one
    that ran last costs switch_cost time units.
    """
    _check(processes, quantum)
    pending = sorted(range(len(processes)), key=lambda i: (processes[i][1], i))
    remaining = {}
    for name, _, burst in processes:
        remaining[name] = burst
    queue = []
    timeline = []
    time = 0
    admitted = 0
    while admitted < len(pending) or queue:
        if not queue:
            # the CPU idles until the next process arrives
            time = max(time, processes[pending[admitted]][1])
        while admitted < len(pending) and processes[pending[admitted]][1] <= time:
            queue.append(processes[pending[admitted]][0])
            admitted += 1
        name = queue.pop(0)
        if timeline and timeline[-1][0] != name:
            time += switch_cost
        run = min(quantum, remaining[name])
        timeline.append((name, time, time + run))
        time += run
        remaining[name] -= run
        while admitted < len(pending) and processes[pending[admitted]][1] <= time:
            queue.append(processes[pending[admitted]][0])
            admitted += 1
        if remaining[name] > 0:
            queue.append(name)
    return timeline


def completion_times(timeline):
    """When each process finished (the end of its last slice)."""
    done = {}
    for name, _, end in timeline:
        done[name] = end
    return done


def turnaround_times(processes, timeline):
    done = completion_times(timeline)
    return {name: done[name] - arrival for name, arrival, _ in processes}


def waiting_times(processes, timeline):
    """Time each process spent ready but not running: turnaround minus burst."""
    turnaround = turnaround_times(processes, timeline)
    return {name: turnaround[name] - burst for name, _, burst in processes}


def average(values):
    """Mean of a dict's values rounded to two decimals; 0.0 when empty."""
    if len(values) == 0:
        return 0.0
    return round(sum(values.values()) / len(values), 2)


def context_switches(timeline):
    """Number of times the CPU moved from one process to a different one."""
    count = 0
    for i in range(1, len(timeline)):
        if timeline[i][0] != timeline[i - 1][0]:
            count += 1
    return count


def utilisation(timeline):
    """Percentage of time from 0 to the last slice end that the CPU did useful work."""
    if not timeline:
        return 0.0
    busy = 0
    for _, start, end in timeline:
        busy += end - start
    return round(100 * busy / timeline[-1][2], 1)
