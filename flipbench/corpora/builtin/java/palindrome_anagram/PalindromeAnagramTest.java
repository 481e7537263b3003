import java.util.List;
import java.util.Objects;

public class PalindromeAnagramTest {
    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static void testIsPalindromeIgnoresCaseAndPunctuation() {
        check(PalindromeAnagram.isPalindrome("A man, a plan, a canal: Panama"), "panama");
        check(PalindromeAnagram.isPalindrome("No 'x' in Nixon"), "nixon");
        check(PalindromeAnagram.isPalindrome("racecar"), "racecar");
        check(PalindromeAnagram.isPalindrome("12321"), "digits");
        check(PalindromeAnagram.isPalindrome(""), "empty");
        check(PalindromeAnagram.isPalindrome("a"), "single");
        check(PalindromeAnagram.isPalindrome(".,"), "no letters");
        check(!PalindromeAnagram.isPalindrome("ab"), "ab");
        check(!PalindromeAnagram.isPalindrome("abca"), "abca");
        check(!PalindromeAnagram.isPalindrome("0P"), "0P");
        check(!PalindromeAnagram.isPalindrome("ab!"), "ab!");
        check(!PalindromeAnagram.isPalindrome("?ab"), "?ab");
    }

    static void testLongestPalindrome() {
        checkEquals("bab", PalindromeAnagram.longestPalindrome("babad"));
        checkEquals("bb", PalindromeAnagram.longestPalindrome("cbbd"));
        checkEquals("geeksskeeg", PalindromeAnagram.longestPalindrome("forgeeksskeegfor"));
        checkEquals("aba", PalindromeAnagram.longestPalindrome("abacdfgdcaba"));
        checkEquals("a", PalindromeAnagram.longestPalindrome("abcd"));
        checkEquals("a", PalindromeAnagram.longestPalindrome("a"));
        checkEquals("", PalindromeAnagram.longestPalindrome(""));
        checkEquals("xyzzyx", PalindromeAnagram.longestPalindrome("axyzzyx"));
    }

    static void testCountPalindromicSubstrings() {
        checkEquals(3, PalindromeAnagram.countPalindromicSubstrings("abc"));
        checkEquals(6, PalindromeAnagram.countPalindromicSubstrings("aaa"));
        checkEquals(6, PalindromeAnagram.countPalindromicSubstrings("abba"));
        checkEquals(1, PalindromeAnagram.countPalindromicSubstrings("z"));
        checkEquals(0, PalindromeAnagram.countPalindromicSubstrings(""));
    }

    static void testIsAnagram() {
        check(PalindromeAnagram.isAnagram("Listen", "Silent"), "listen");
        check(PalindromeAnagram.isAnagram("Dormitory", "dirty room!"), "dormitory");
        check(PalindromeAnagram.isAnagram("", ""), "empty");
        check(PalindromeAnagram.isAnagram("z", "Z"), "z");
        check(!PalindromeAnagram.isAnagram("abc", "abd"), "abc/abd");
        check(!PalindromeAnagram.isAnagram("aab", "abb"), "aab/abb");
        check(!PalindromeAnagram.isAnagram("a", ""), "a/empty");
        check(!PalindromeAnagram.isAnagram("yz", "zz"), "yz/zz");
        check(!PalindromeAnagram.isAnagram("az", "a"), "az/a");
    }

    static void testCanFormPalindrome() {
        check(PalindromeAnagram.canFormPalindrome("carerac"), "carerac");
        check(PalindromeAnagram.canFormPalindrome("Tact Coa"), "tact coa");
        check(PalindromeAnagram.canFormPalindrome("aabb"), "aabb");
        check(PalindromeAnagram.canFormPalindrome(""), "empty");
        check(!PalindromeAnagram.canFormPalindrome("abc"), "abc");
        check(!PalindromeAnagram.canFormPalindrome("ab"), "ab");
        check(!PalindromeAnagram.canFormPalindrome("aabbcd"), "aabbcd");
        check(!PalindromeAnagram.canFormPalindrome("aaab"), "aaab");
        check(!PalindromeAnagram.canFormPalindrome("az"), "az");
    }

    static void testSortedLettersAndGroups() {
        checkEquals("aaabnn", PalindromeAnagram.sortedLetters("Banana!"));
        checkEquals("xyz", PalindromeAnagram.sortedLetters("zyx"));
        checkEquals("", PalindromeAnagram.sortedLetters("42"));
        checkEquals(List.of(List.of("eat", "tea", "ate"), List.of("tan", "nat"), List.of("bat")),
                PalindromeAnagram.groupAnagrams(List.of("eat", "tea", "tan", "ate", "nat", "bat")));
        checkEquals(List.of(List.of("one")), PalindromeAnagram.groupAnagrams(List.of("one")));
        checkEquals(List.of(), PalindromeAnagram.groupAnagrams(List.of()));
    }

    static void testMinDeletionsToPalindrome() {
        checkEquals(2, PalindromeAnagram.minDeletionsToPalindrome("abcda"));
        checkEquals(2, PalindromeAnagram.minDeletionsToPalindrome("aebcbda"));
        checkEquals(1, PalindromeAnagram.minDeletionsToPalindrome("abca"));
        checkEquals(4, PalindromeAnagram.minDeletionsToPalindrome("abcde"));
        checkEquals(4, PalindromeAnagram.minDeletionsToPalindrome("character"));
        checkEquals(2, PalindromeAnagram.minDeletionsToPalindrome("abxcyba"));
        checkEquals(1, PalindromeAnagram.minDeletionsToPalindrome("bccaccbc"));
        checkEquals(2, PalindromeAnagram.minDeletionsToPalindrome("bababaccb"));
        checkEquals(3, PalindromeAnagram.minDeletionsToPalindrome("cacabaab"));
        checkEquals(0, PalindromeAnagram.minDeletionsToPalindrome("racecar"));
        checkEquals(1, PalindromeAnagram.minDeletionsToPalindrome("ab"));
        checkEquals(0, PalindromeAnagram.minDeletionsToPalindrome("a"));
        checkEquals(0, PalindromeAnagram.minDeletionsToPalindrome("aa"));
        checkEquals(1, PalindromeAnagram.minDeletionsToPalindrome("aab"));
        checkEquals(0, PalindromeAnagram.minDeletionsToPalindrome(""));
    }

    static void testMinDeletionsIsFastOnLongInput() {
        // 34 distinct characters: only memoisation keeps this quick
        checkEquals(33, PalindromeAnagram.minDeletionsToPalindrome("abcdefghijklmnopqrstuvwxyzABCDEFGH"));
    }
}
