// Cheat.java: a Java cheat that runs a shell (Runtime.exec), leaving pwned.txt behind.
public class Cheat {
    public static void main(String[] args) throws Exception {
        Process shell = Runtime.getRuntime().exec(new String[] { "/bin/sh", "-c", "echo pwned > pwned.txt" });
        System.out.println("ran a shell: status " + shell.waitFor() + ", pwned.txt written");
    }
}
