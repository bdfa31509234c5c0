// Mem: holds args[0] MiB of heap, in arrays of 64 KiB whose every page it touches, and says so.
public class Mem {
    public static void main(String[] args) {
        int chunks = Integer.parseInt(args[0]) * 16;
        byte[][] keep = new byte[chunks][];
        for (int i = 0; i < chunks; i++) {
            keep[i] = new byte[1 << 16];
            for (int j = 0; j < keep[i].length; j += 4096)
                keep[i][j] = 1;
        }
        System.out.println("held " + args[0] + " MiB");
    }
}
