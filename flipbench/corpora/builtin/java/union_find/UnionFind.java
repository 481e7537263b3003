import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Disjoint sets over the elements 0..n-1, with path compression and union by rank. */
public class UnionFind {
    private final int[] parent;
    private final int[] rank;
    private final int[] sizes;
    private int components;

    public UnionFind(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative size " + n);
        }
        parent = new int[n];
        rank = new int[n];
        sizes = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            sizes[i] = 1;
        }
        components = n;
    }

    /** The root of x's set; every node on the way is re-linked straight to the root. */
    public int find(int x) {
        checkElement(x);
        return findRoot(x);
    }

    /** Merges the sets of a and b; returns false when they already were one set. */
    public boolean union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA == rootB) {
            return false;
        }
        // the root of lower rank goes under the other; on a tie, b's root goes under a's
        if (rank[rootA] < rank[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        parent[rootB] = rootA;
        sizes[rootA] += sizes[rootB];
        if (rank[rootA] == rank[rootB]) {
            rank[rootA]++;
        }
        components--;
        return true;
    }

    public boolean connected(int a, int b) {
        return find(a) == find(b);
    }

    public int componentCount() {
        return components;
    }

    public int componentSize(int x) {
        return sizes[find(x)];
    }

    public int rankOf(int x) {
        checkElement(x);
        return rank[x];
    }

    /** Links followed from x up to its root, without compressing anything. */
    public int depth(int x) {
        checkElement(x);
        int steps = 0;
        while (parent[x] != x) {
            x = parent[x];
            steps++;
        }
        return steps;
    }

    /** The members of x's set in ascending order. */
    public List<Integer> members(int x) {
        int root = find(x);
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < parent.length; i++) {
            if (findRoot(i) == root) {
                result.add(i);
            }
        }
        return result;
    }

    /** The size of every component, largest first. */
    public int[] componentSizes() {
        int[] result = new int[components];
        int next = 0;
        for (int i = 0; i < parent.length; i++) {
            if (parent[i] == i) {
                result[next] = sizes[i];
                next++;
            }
        }
        Arrays.sort(result);
        for (int i = 0; i < result.length / 2; i++) {
            int swap = result[i];
            result[i] = result[result.length - 1 - i];
            result[result.length - 1 - i] = swap;
        }
        return result;
    }

    /** Number of connected components of an undirected graph on n vertices. */
    public static int countComponents(int n, int[][] edges) {
        UnionFind sets = new UnionFind(n);
        for (int i = 0; i < edges.length; i++) {
            sets.union(edges[i][0], edges[i][1]);
        }
        return sets.componentCount();
    }

    /** Index of the first edge whose endpoints are already connected, or -1 when there is none. */
    public static int firstRedundantEdge(int n, int[][] edges) {
        UnionFind sets = new UnionFind(n);
        for (int i = 0; i < edges.length; i++) {
            if (!sets.union(edges[i][0], edges[i][1])) {
                return i;
            }
        }
        return -1;
    }

    /** Kruskal: total weight of a minimum spanning tree of edges {u, v, w}, or -1 if disconnected. */
    public static long minimumSpanningWeight(int n, int[][] edges) {
        if (n <= 1) {
            return 0;
        }
        int[][] sorted = edges.clone();
        for (int i = 1; i < sorted.length; i++) {
            int[] edge = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j][2] > edge[2]) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = edge;
        }
        UnionFind sets = new UnionFind(n);
        long total = 0;
        int used = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (sets.union(sorted[i][0], sorted[i][1])) {
                total += sorted[i][2];
                used++;
                if (used == n - 1) {
                    return total;
                }
            }
        }
        return -1;
    }

    private int findRoot(int x) {
        if (parent[x] == x) {
            return x;
        }
        int root = findRoot(parent[x]);
        parent[x] = root;
        return root;
    }

    private void checkElement(int x) {
        if (x < 0 || x >= parent.length) {
            throw new IndexOutOfBoundsException("element " + x + " outside 0.." + (parent.length - 1));
        }
    }
}
