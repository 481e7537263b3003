"""Searches on an undirected, unweighted graph with nodes numbered 0..n-1."""


def build_graph(n, edges):
    """Sorted adjacency lists; self loops and repeated edges are dropped."""
    adj = [[] for _ in range(n)]
    for a, b in edges:
        if a < 0 or b < 0 or a >= n or b >= n:
            raise ValueError("edge endpoint out of range")
        if a == b or b in adj[a]:
            continue
        adj[a].append(b)
        adj[b].append(a)
    for i in range(n):
        adj[i].sort()
    return adj


def bfs_order(adj, start):
    """Nodes reachable from start in breadth-first order."""
    seen = [False] * len(adj)
    seen[start] = True
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for neighbour in adj[node]:
            if not seen[neighbour]:
                seen[neighbour] = True
                queue.append(neighbour)
    return queue


def _dfs(adj, node, seen, order):
    seen[node] = True
    order.append(node)
    for neighbour in adj[node]:
        if not seen[neighbour]:
            _dfs(adj, neighbour, seen, order)


def dfs_order(adj, start):
    """Nodes reachable from start in depth-first (preorder) order."""
    order = []
    _dfs(adj, start, [False] * len(adj), order)
    return order


def connected_components(adj):
    """Components as sorted node lists, ordered by their smallest node."""
    component_of = [-1] * len(adj)
    components = []
    for node in range(len(adj)):
        if component_of[node] == -1:
            members = bfs_order(adj, node)
            for member in members:
                component_of[member] = len(components)
            components.append(sorted(members))
    return components


def _rebuild(parent, start, goal):
    path = [goal]
    while path[-1] != start:
        path.append(parent[path[-1]])
    path.reverse()
    return path


def shortest_path(adj, start, goal):
    """A path with the fewest edges from start to goal, or [] when unreachable."""
    if start == goal:
        return [start]
    parent = [-1] * len(adj)
    parent[start] = start
    queue = [start]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for neighbour in adj[node]:
            if parent[neighbour] == -1:
                parent[neighbour] = node
                if neighbour == goal:
                    return _rebuild(parent, start, goal)
                queue.append(neighbour)
    return []


def distances(adj, start):
    """Edge count from start to every node; -1 for unreachable nodes."""
    dist = [-1] * len(adj)
    dist[start] = 0
    for node in bfs_order(adj, start):
        for neighbour in adj[node]:
            if dist[neighbour] == -1:
                dist[neighbour] = dist[node] + 1
    return dist


def nodes_within(adj, start, k):
    """Nodes other than start that are at most k edges away, ascending."""
    dist = distances(adj, start)
    return [node for node in range(len(adj)) if 0 < dist[node] <= k]


def _cycle_from(adj, node, parent, seen):
    seen[node] = True
    for neighbour in adj[node]:
        if neighbour == parent:
            continue
        if seen[neighbour] or _cycle_from(adj, neighbour, node, seen):
            return True
    return False


def has_cycle(adj):
    """True when some component contains a cycle."""
    seen = [False] * len(adj)
    for node in range(len(adj)):
        if not seen[node] and _cycle_from(adj, node, -1, seen):
            return True
    return False
