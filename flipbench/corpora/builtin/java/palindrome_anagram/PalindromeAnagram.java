import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class PalindromeAnagram {
    /** True when the letters and digits read the same both ways, ignoring case. */
    public static boolean isPalindrome(String text) {
        int left = 0;
        int right = text.length() - 1;
        while (left < right) {
            char a = text.charAt(left);
            char b = text.charAt(right);
            if (!Character.isLetterOrDigit(a)) {
                left++;
                continue;
            }
            if (!Character.isLetterOrDigit(b)) {
                right--;
                continue;
            }
            if (Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
            left++;
            right--;
        }
        return true;
    }

    /** The longest palindromic substring (exact characters); the first one wins ties. */
    public static String longestPalindrome(String text) {
        int bestStart = 0;
        int bestLength = 0;
        for (int center = 0; center < text.length(); center++) {
            int length = Math.max(expand(text, center, center), expand(text, center, center + 1));
            if (length > bestLength) {
                bestLength = length;
                bestStart = center - (length - 1) / 2;
            }
        }
        return text.substring(bestStart, bestStart + bestLength);
    }

    /** How many substrings (counted by position) are palindromes. */
    public static int countPalindromicSubstrings(String text) {
        int count = 0;
        for (int center = 0; center < text.length(); center++) {
            count += (expand(text, center, center) + 1) / 2;
            count += expand(text, center, center + 1) / 2;
        }
        return count;
    }

    /** Same letters with the same counts, ignoring case and anything that is not a letter. */
    public static boolean isAnagram(String first, String second) {
        int[] a = letterCounts(first);
        int[] b = letterCounts(second);
        for (int i = 0; i < 26; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the letters could be rearranged into a palindrome. */
    public static boolean canFormPalindrome(String text) {
        int[] counts = letterCounts(text);
        int odd = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] % 2 == 1) {
                odd++;
            }
        }
        return odd <= 1;
    }

    /** The letters of a word, lower-cased and sorted. */
    public static String sortedLetters(String word) {
        int[] counts = letterCounts(word);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                out.append((char) ('a' + i));
            }
        }
        return out.toString();
    }

    /** Groups words that are anagrams of each other, groups and members in order of first appearance. */
    public static List<List<String>> groupAnagrams(List<String> words) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            groups.computeIfAbsent(sortedLetters(word), key -> new ArrayList<>()).add(word);
        }
        return new ArrayList<>(groups.values());
    }

    /** The fewest characters to delete so that the rest is a palindrome (exact characters). */
    public static int minDeletionsToPalindrome(String text) {
        int n = text.length();
        return n - longestSubsequence(text, 0, n - 1, new int[n][n]);
    }

    // length of the longest palindromic subsequence of text[i..j]
    private static int longestSubsequence(String text, int i, int j, int[][] memo) {
        if (i > j) {
            return 0;
        }
        if (i == j) {
            return 1;
        }
        if (memo[i][j] != 0) {
            return memo[i][j];
        }
        int best;
        if (text.charAt(i) == text.charAt(j)) {
            best = 2 + longestSubsequence(text, i + 1, j - 1, memo);
        } else {
            best = Math.max(longestSubsequence(text, i + 1, j, memo), longestSubsequence(text, i, j - 1, memo));
        }
        memo[i][j] = best;
        return best;
    }

    // length of the palindrome grown outwards from left/right
    private static int expand(String text, int left, int right) {
        while (left >= 0 && right < text.length() && text.charAt(left) == text.charAt(right)) {
            left--;
            right++;
        }
        return right - left - 1;
    }

    private static int[] letterCounts(String text) {
        int[] counts = new int[26];
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                counts[c - 'a']++;
            }
        }
        return counts;
    }
}
