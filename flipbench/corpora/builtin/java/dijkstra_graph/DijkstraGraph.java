import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A weighted directed graph on the vertices 0..n-1 with Dijkstra shortest paths. */
public class DijkstraGraph {
    public static final long UNREACHABLE = -1;

    private final int n;
    private final int[][] weight; // weight[u][v] == -1 means there is no edge u -> v

    public DijkstraGraph(int n) {
        this.n = n;
        weight = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weight[i][j] = -1;
            }
        }
    }

    /** Adds a directed edge; of parallel edges only the lightest is kept. */
    public void addEdge(int from, int to, int w) {
        checkVertex(from);
        checkVertex(to);
        if (w < 0) {
            throw new IllegalArgumentException("negative weight " + w);
        }
        if (weight[from][to] < 0 || w < weight[from][to]) {
            weight[from][to] = w;
        }
    }

    public void addUndirectedEdge(int a, int b, int w) {
        addEdge(a, b, w);
        addEdge(b, a, w);
    }

    public int edgeCount() {
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (weight[i][j] >= 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Shortest distance from source to every vertex, UNREACHABLE where there is no path. */
    public long[] distancesFrom(int source) {
        long[] dist = new long[n];
        run(source, dist, new int[n]);
        return dist;
    }

    /** The vertices of a shortest path from source to target, both included; empty if unreachable. */
    public List<Integer> shortestPath(int source, int target) {
        checkVertex(target);
        long[] dist = new long[n];
        int[] previous = new int[n];
        run(source, dist, previous);
        List<Integer> path = new ArrayList<>();
        if (dist[target] == UNREACHABLE) {
            return path;
        }
        for (int v = target; v != -1; v = previous[v]) {
            path.add(v);
        }
        Collections.reverse(path);
        return path;
    }

    /** A path as text, e.g. "0 -> 2 -> 3 (7)" with its length, or "no path". */
    public String describePath(int source, int target) {
        List<Integer> path = shortestPath(source, target);
        if (path.isEmpty()) {
            return "no path";
        }
        String text = "";
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                text += " -> ";
            }
            text += path.get(i);
        }
        return text + " (" + distancesFrom(source)[target] + ")";
    }

    /** How many vertices other than source are reachable within maxDistance. */
    public int countWithin(int source, long maxDistance) {
        long[] dist = distancesFrom(source);
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (v != source && dist[v] != UNREACHABLE && dist[v] <= maxDistance) {
                count++;
            }
        }
        return count;
    }

    /** The greatest shortest-path distance from source to any reachable vertex. */
    public long eccentricity(int source) {
        long[] dist = distancesFrom(source);
        long worst = 0;
        for (int v = 0; v < n; v++) {
            if (dist[v] > worst) {
                worst = dist[v];
            }
        }
        return worst;
    }

    /**
     * Settles vertices in order of distance (ties: lowest index first) and records each vertex's
     * predecessor; a predecessor is only replaced by a strictly shorter route.
     */
    private void run(int source, long[] dist, int[] previous) {
        checkVertex(source);
        boolean[] settled = new boolean[n];
        for (int i = 0; i < n; i++) {
            dist[i] = UNREACHABLE;
            previous[i] = -1;
        }
        dist[source] = 0;
        while (true) {
            int u = -1;
            for (int v = 0; v < n; v++) {
                if (!settled[v] && dist[v] != UNREACHABLE && (u == -1 || dist[v] < dist[u])) {
                    u = v;
                }
            }
            if (u == -1) {
                return;
            }
            settled[u] = true;
            for (int v = 0; v < n; v++) {
                int w = weight[u][v];
                if (w >= 0 && !settled[v]) {
                    long candidate = dist[u] + w;
                    if (dist[v] == UNREACHABLE || candidate < dist[v]) {
                        dist[v] = candidate;
                        previous[v] = u;
                    }
                }
            }
        }
    }

    private void checkVertex(int v) {
        if (v < 0 || v >= n) {
            throw new IndexOutOfBoundsException("vertex " + v + " not in 0.." + (n - 1));
        }
    }
}
