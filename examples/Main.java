// Main.java: a well-behaved Java submission: the sum and root mean square of
// the integers on standard input, printed as sum.c prints them. Run it as
// `java -cp DIR Main` after `javac -d DIR Main.java`, or as `java Main.java`.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        long sum = 0, n = 0;
        double squares = 0.0;
        String line;
        read:
        while ((line = in.readLine()) != null) {
            for (String token : line.trim().split("\\s+")) {
                if (token.isEmpty())
                    continue;
                long x;
                try {
                    x = Long.parseLong(token);
                } catch (NumberFormatException e) {
                    break read; // scanf("%ld") stops at the first token that is no number
                }
                sum += x;
                squares += (double) x * (double) x;
                n++;
            }
        }
        double rms = n > 0 ? Math.sqrt(squares / n) : 0.0;
        System.out.println("sum " + sum);
        // printf's %.4f rounds the double's exact value, halves to even; so
        // does BigDecimal(double) with HALF_EVEN (String.format rounds halves up).
        System.out.println("rms " + new BigDecimal(rms).setScale(4, RoundingMode.HALF_EVEN).toPlainString());
    }
}
