// Spawn: a Java program starts another program (ProcessBuilder, /usr/bin/touch), which creates the marker args[0].
public class Spawn {
    public static void main(String[] args) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/touch", args[0]).inheritIO().start();
        System.out.println("attack succeeded: started touch, status " + p.waitFor());
    }
}
