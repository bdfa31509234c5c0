// Write: a Java program creates the file args[0] (the marker) and writes into it.
import java.io.FileOutputStream;
import java.io.IOException;

public class Write {
    public static void main(String[] args) {
        try (FileOutputStream out = new FileOutputStream(args[0])) {
            out.write("pwned\n".getBytes());
        } catch (IOException e) {
            System.out.println("attack failed: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("attack succeeded: wrote " + args[0]);
    }
}
