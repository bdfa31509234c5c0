// Shell: a Java program runs a shell (Runtime.exec of /bin/sh), which writes the marker args[0].
public class Shell {
    public static void main(String[] args) throws Exception {
        Process p = Runtime.getRuntime().exec(new String[] { "/bin/sh", "-c", "echo pwned > \"$0\"", args[0] });
        System.out.println("attack succeeded: ran a shell, status " + p.waitFor());
    }
}
