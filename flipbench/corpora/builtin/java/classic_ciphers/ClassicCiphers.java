/** Caesar and Atbash ciphers, and breaking a Caesar cipher by letter frequencies. */
public class ClassicCiphers {
    // English letters from most to least frequent
    private static final String BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz";

    /** Shifts letters forward by shift places (any integer), keeping case and other characters. */
    public static String caesarEncrypt(String text, int shift) {
        int k = ((shift % 26) + 26) % 26;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(shiftLetter(text.charAt(i), k));
        }
        return out.toString();
    }

    public static String caesarDecrypt(String text, int shift) {
        return caesarEncrypt(text, -shift);
    }

    /** Mirrors the alphabet: a becomes z, b becomes y, and so on, keeping case. */
    public static String atbash(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('z' - (c - 'a')));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('Z' - (c - 'A')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Occurrences of each letter a..z, ignoring case. */
    public static int[] letterCounts(String text) {
        int[] counts = new int[26];
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c >= 'a' && c <= 'z') {
                counts[c - 'a']++;
            }
        }
        return counts;
    }

    /** How English-like a text is: each letter scores 26 if it is English's most frequent, down to 1. */
    public static int englishScore(String text) {
        int[] counts = letterCounts(text);
        int score = 0;
        for (int i = 0; i < 26; i++) {
            char letter = BY_FREQUENCY.charAt(i);
            score += counts[letter - 'a'] * (26 - i);
        }
        return score;
    }

    /** The most frequent letter in lower case (earliest in the alphabet on ties), or '?' if none. */
    public static char mostFrequentLetter(String text) {
        int[] counts = letterCounts(text);
        int best = -1;
        for (int i = 0; i < 26; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? '?' : (char) ('a' + best);
    }

    /** The shift (0-25) whose decryption scores best as English; the smallest shift wins ties. */
    public static int crackCaesar(String ciphertext) {
        int bestShift = 0;
        int bestScore = englishScore(ciphertext);
        for (int shift = 1; shift < 26; shift++) {
            int score = englishScore(caesarDecrypt(ciphertext, shift));
            if (score > bestScore) {
                bestScore = score;
                bestShift = shift;
            }
        }
        return bestShift;
    }

    private static char shiftLetter(char c, int k) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + k) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + k) % 26);
        }
        return c;
    }

    /** A quick guess that assumes the most frequent cipher letter stands for 'e'. */
    public static int guessShiftFromE(String ciphertext) {
        char top = mostFrequentLetter(ciphertext);
        if (top == '?') {
            return 0;
        }
        return (top - 'e' + 26) % 26;
    }
}
