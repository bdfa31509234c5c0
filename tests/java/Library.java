// Library.java: a well-behaved Java submission that uses the usual library:
// collections, sorting, streams, String.format, and threads (an
// ExecutorService and a parallel stream). It prints one line about the
// integers on standard input.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

public class Library {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        List<Long> nums = in.lines()
                .flatMap(line -> java.util.Arrays.stream(line.trim().split("\\s+")))
                .filter(tok -> !tok.isEmpty())
                .map(Long::parseLong)
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.sort(nums);

        // The sum in four parts, each on a thread of a pool.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> parts = new ArrayList<>();
        int chunk = (nums.size() + 3) / 4;
        for (int i = 0; i < nums.size(); i += chunk) {
            List<Long> part = nums.subList(i, Math.min(nums.size(), i + chunk));
            parts.add(pool.submit(() -> part.stream().mapToLong(Long::longValue).sum()));
        }
        long sum = 0;
        for (Future<Long> f : parts)
            sum += f.get();
        pool.shutdown();

        long squares = nums.parallelStream().mapToLong(x -> x * x).sum();
        Map<Long, Integer> counts = new TreeMap<>(Collections.reverseOrder());
        for (long x : nums)
            counts.merge(x, 1, Integer::sum);
        String top = counts.keySet().stream().limit(3).map(String::valueOf).collect(Collectors.joining(","));
        System.out.println(String.format("n %d sum %d squares %d min %d max %d top %s",
                nums.size(), sum, squares, nums.get(0), nums.get(nums.size() - 1), top));
    }
}
