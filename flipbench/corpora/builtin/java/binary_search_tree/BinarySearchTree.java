import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** An unbalanced binary search tree of distinct ints. */
public class BinarySearchTree {
    private static final class Node {
        final int key;
        Node left;
        Node right;

        Node(int key) {
            this.key = key;
        }
    }

    private Node root;
    private int size;

    public int size() {
        return size;
    }

    /** Inserts key; returns false when it is already present. */
    public boolean insert(int key) {
        if (root == null) {
            root = new Node(key);
            size++;
            return true;
        }
        Node current = root;
        while (true) {
            if (key == current.key) {
                return false;
            }
            if (key < current.key) {
                if (current.left == null) {
                    current.left = new Node(key);
                    break;
                }
                current = current.left;
            } else {
                if (current.right == null) {
                    current.right = new Node(key);
                    break;
                }
                current = current.right;
            }
        }
        size++;
        return true;
    }

    public boolean contains(int key) {
        Node current = root;
        while (current != null) {
            if (key == current.key) {
                return true;
            }
            current = key < current.key ? current.left : current.right;
        }
        return false;
    }

    /** Deletes key; a node with two children takes its in-order successor's key. */
    public boolean delete(int key) {
        if (!contains(key)) {
            return false;
        }
        root = delete(root, key);
        size--;
        return true;
    }

    /** Number of nodes on the longest root-to-leaf path; 0 for an empty tree. */
    public int height() {
        return height(root);
    }

    public int min() {
        if (root == null) {
            throw new IllegalStateException("empty tree");
        }
        Node current = root;
        while (current.left != null) {
            current = current.left;
        }
        return current.key;
    }

    public List<Integer> inOrder() {
        List<Integer> keys = new ArrayList<>();
        inOrder(root, keys);
        return keys;
    }

    /** Keys level by level, each level from left to right. */
    public List<Integer> levelOrder() {
        List<Integer> keys = new ArrayList<>();
        if (root == null) {
            return keys;
        }
        ArrayDeque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            keys.add(node.key);
            if (node.left != null) {
                queue.add(node.left);
            }
            if (node.right != null) {
                queue.add(node.right);
            }
        }
        return keys;
    }

    /** The keys visited while searching for key, e.g. "50 > 30 > 40"; empty for an empty tree. */
    public String searchPath(int key) {
        String path = "";
        Node current = root;
        while (current != null) {
            if (!path.isEmpty()) {
                path += " > ";
            }
            path += current.key;
            if (key == current.key) {
                break;
            }
            current = key < current.key ? current.left : current.right;
        }
        return path;
    }

    /** How many keys k satisfy low <= k <= high. */
    public int countInRange(int low, int high) {
        return countInRange(root, low, high);
    }

    private Node delete(Node node, int key) {
        if (key < node.key) {
            node.left = delete(node.left, key);
            return node;
        }
        if (key > node.key) {
            node.right = delete(node.right, key);
            return node;
        }
        if (node.left == null) {
            return node.right;
        }
        if (node.right == null) {
            return node.left;
        }
        Node successor = node.right;
        while (successor.left != null) {
            successor = successor.left;
        }
        Node replacement = new Node(successor.key);
        replacement.left = node.left;
        replacement.right = delete(node.right, successor.key);
        return replacement;
    }

    private int height(Node node) {
        if (node == null) {
            return 0;
        }
        return 1 + Math.max(height(node.left), height(node.right));
    }

    private void inOrder(Node node, List<Integer> keys) {
        if (node == null) {
            return;
        }
        inOrder(node.left, keys);
        keys.add(node.key);
        inOrder(node.right, keys);
    }

    private int countInRange(Node node, int low, int high) {
        if (node == null) {
            return 0;
        }
        if (node.key < low) {
            return countInRange(node.right, low, high);
        }
        if (node.key > high) {
            return countInRange(node.left, low, high);
        }
        return 1 + countInRange(node.left, low, high) + countInRange(node.right, low, high);
    }
}
