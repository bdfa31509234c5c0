// Main.java: the start-up benchmark's Java program (bench/langs): the sum
// of the integers on standard input.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StreamTokenizer;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        long sum = 0;
        while (in.nextToken() == StreamTokenizer.TT_NUMBER)
            sum += (long) in.nval;
        System.out.println("sum " + sum);
    }
}
