// ReadAnswer: a Java program reads a course's expected output args[1] and prints it; marker args[0].
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;

public class ReadAnswer {
    public static void main(String[] args) throws IOException {
        String answer;
        try (BufferedReader in = new BufferedReader(new FileReader(args[1]))) {
            answer = in.readLine();
        } catch (IOException e) {
            System.out.println("attack failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("attack succeeded: read the expected output: " + answer);
        try (FileOutputStream m = new FileOutputStream(args[0])) {
            m.write("pwned\n".getBytes());
        }
    }
}
