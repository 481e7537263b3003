import java.util.Arrays;
import java.util.Objects;

public class ClassicCiphersTest {
    private static final String PLAIN = "Defend the east wall of the castle at dawn, then retreat to the river.";

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

    static void testCaesarEncrypt() {
        checkEquals("Khoor, Zruog!", ClassicCiphers.caesarEncrypt("Hello, World!", 3));
        checkEquals("abc", ClassicCiphers.caesarEncrypt("xyz", 3));
        checkEquals("ABC", ClassicCiphers.caesarEncrypt("XYZ", 3));
        checkEquals("zab", ClassicCiphers.caesarEncrypt("abc", -1));
        checkEquals("def", ClassicCiphers.caesarEncrypt("abc", 29));
        checkEquals("zab", ClassicCiphers.caesarEncrypt("abc", -27));
        checkEquals("abc", ClassicCiphers.caesarEncrypt("abc", 26));
        checkEquals("b-a B-A 09", ClassicCiphers.caesarEncrypt("a-z A-Z 09", 1));
        checkEquals("@[`{", ClassicCiphers.caesarEncrypt("@[`{", 5));
    }

    static void testCaesarDecryptAndRoundTrip() {
        checkEquals("Hello, World!", ClassicCiphers.caesarDecrypt("Khoor, Zruog!", 3));
        checkEquals("xyz", ClassicCiphers.caesarDecrypt("abc", 3));
        checkEquals(PLAIN, ClassicCiphers.caesarDecrypt(ClassicCiphers.caesarEncrypt(PLAIN, 11), 11));
    }

    static void testAtbash() {
        checkEquals("zyx cba", ClassicCiphers.atbash("abc xyz"));
        checkEquals("Svool", ClassicCiphers.atbash("Hello"));
        checkEquals("nm", ClassicCiphers.atbash("mn"));
        checkEquals("ZA", ClassicCiphers.atbash("AZ"));
        checkEquals("@[`{ 5", ClassicCiphers.atbash("@[`{ 5"));
        checkEquals(PLAIN, ClassicCiphers.atbash(ClassicCiphers.atbash(PLAIN)));
    }

    static void testLetterCountsAndScore() {
        int[] expected = new int[26];
        expected[0] = 2;
        expected[1] = 1;
        expected[25] = 1;
        checkEquals(Arrays.toString(expected), Arrays.toString(ClassicCiphers.letterCounts("Aab!z")));
        checkEquals(26, ClassicCiphers.englishScore("e"));
        checkEquals(52, ClassicCiphers.englishScore("Ee!"));
        checkEquals(70, ClassicCiphers.englishScore("the"));
        checkEquals(25, ClassicCiphers.englishScore("az"));
        checkEquals(1, ClassicCiphers.englishScore("z"));
        checkEquals(351, ClassicCiphers.englishScore("abcdefghijklmnopqrstuvwxyz"));
        checkEquals(0, ClassicCiphers.englishScore(""));
    }

    static void testMostFrequentLetter() {
        checkEquals('i', ClassicCiphers.mostFrequentLetter("Mississippi"));
        checkEquals('b', ClassicCiphers.mostFrequentLetter("bbbA"));
        checkEquals('z', ClassicCiphers.mostFrequentLetter("zzA"));
        checkEquals('a', ClassicCiphers.mostFrequentLetter("a"));
        checkEquals('a', ClassicCiphers.mostFrequentLetter("aab"));
        checkEquals('?', ClassicCiphers.mostFrequentLetter("123"));
    }

    static void testCrackCaesar() {
        checkEquals(0, ClassicCiphers.crackCaesar(PLAIN));
        checkEquals(3, ClassicCiphers.crackCaesar(ClassicCiphers.caesarEncrypt(PLAIN, 3)));
        checkEquals(13, ClassicCiphers.crackCaesar(ClassicCiphers.caesarEncrypt(PLAIN, 13)));
        checkEquals(25, ClassicCiphers.crackCaesar(ClassicCiphers.caesarEncrypt(PLAIN, 25)));
        checkEquals(0, ClassicCiphers.crackCaesar(""));
        checkEquals(0, ClassicCiphers.crackCaesar("e"));
        checkEquals(1, ClassicCiphers.crackCaesar("f"));
        checkEquals(25, ClassicCiphers.crackCaesar("d"));
    }

    static void testGuessShiftFromE() {
        checkEquals(3, ClassicCiphers.guessShiftFromE("hhh abc"));
        checkEquals(23, ClassicCiphers.guessShiftFromE("bb a"));
        checkEquals(0, ClassicCiphers.guessShiftFromE("e"));
        checkEquals(0, ClassicCiphers.guessShiftFromE("42"));
        checkEquals(7, ClassicCiphers.guessShiftFromE(ClassicCiphers.caesarEncrypt(PLAIN, 7)));
    }
}
