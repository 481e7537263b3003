"""Dijkstra's shortest paths on a directed graph with non-negative edge weights."""

INF = float("inf")


class WeightedGraph:
    """Named nodes, weighted directed edges; parallel edges keep the lightest weight."""

    def __init__(self):
        self.nodes = []
        self.edges = {}

    def add_node(self, name):
        if name not in self.edges:
            self.nodes.append(name)
            self.edges[name] = []

    def _set_edge(self, a, b, weight):
        outgoing = self.edges[a]
        for i in range(len(outgoing)):
            if outgoing[i][0] == b:
                if weight < outgoing[i][1]:
                    outgoing[i] = (b, weight)
                return
        outgoing.append((b, weight))

    def add_edge(self, a, b, weight, both_ways):
        """Add an edge a -> b (and b -> a when both_ways is true)."""
        if weight < 0:
            raise ValueError("negative weights are not supported")
        self.add_node(a)
        self.add_node(b)
        self._set_edge(a, b, weight)
        if both_ways:
            self._set_edge(b, a, weight)


def _closest(dist, done):
    """The unsettled node with the smallest finite distance (earliest added on ties)."""
    best = None
    for node in dist:
        if node not in done and dist[node] < INF and (best is None or dist[node] < dist[best]):
            best = node
    return best


def dijkstra(graph, source):
    """Distances from source and the previous node on each shortest path."""
    if source not in graph.edges:
        raise KeyError(source)
    dist = {node: INF for node in graph.nodes}
    previous = {node: None for node in graph.nodes}
    dist[source] = 0
    done = set()
    node = _closest(dist, done)
    while node is not None:
        done.add(node)
        for target, weight in graph.edges[node]:
            candidate = dist[node] + weight
            # strictly better only: on ties the route found first is kept
            if candidate < dist[target]:
                dist[target] = candidate
                previous[target] = node
        node = _closest(dist, done)
    return dist, previous


def shortest_path(graph, source, target):
    """(cost, nodes from source to target), or (None, []) when target is unreachable."""
    dist, previous = dijkstra(graph, source)
    if dist[target] == INF:
        return None, []
    path = []
    node = target
    while node is not None:
        path.append(node)
        node = previous[node]
    path.reverse()
    return dist[target], path


def _edge_weight(graph, a, b):
    for target, weight in graph.edges.get(a, []):
        if target == b:
            return weight
    return None


def path_cost(graph, path):
    """Total weight along a given node sequence, or None if an edge is missing."""
    total = 0
    for i in range(len(path) - 1):
        weight = _edge_weight(graph, path[i], path[i + 1])
        if weight is None:
            return None
        total += weight
    return total


def reachable_within(graph, source, budget):
    """Nodes (sorted) whose shortest distance from source is at most budget."""
    dist, _ = dijkstra(graph, source)
    return sorted(node for node in dist if dist[node] <= budget)


def farthest(graph, source):
    """(node, distance) of the farthest reachable node; ties go to the smaller name."""
    dist, _ = dijkstra(graph, source)
    best = source
    for node in sorted(dist):
        if dist[node] < INF and dist[node] > dist[best]:
            best = node
    return best, dist[best]
