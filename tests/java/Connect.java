// Connect: a Java program opens a TCP socket and connects (to a listener of its own on 127.0.0.1), then writes the marker args[0].
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

public class Connect {
    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            System.out.println("attack succeeded: connected to port " + server.getLocalPort());
        } catch (IOException e) {
            System.out.println("attack failed: " + e.getMessage());
            System.exit(1);
        }
        try (FileOutputStream m = new FileOutputStream(args[0])) {
            m.write("pwned\n".getBytes());
        }
    }
}
