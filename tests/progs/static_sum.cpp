// static_sum: a judge's usual C++ submission, built -static: reads integers
// (iostream), prints their sum; "threads" sums in four std::threads;
// "exec" then runs /bin/sh, which no installed profile allows.
#include <iostream>
#include <numeric>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

int main(int argc, char **argv)
{
	std::string mode = argc > 1 ? argv[1] : "";
	std::vector<long> v;
	for (long x; std::cin >> x;)
		v.push_back(x);
	long sum = 0;
	if (mode == "threads") {
		std::vector<long> part(4, 0);
		std::vector<std::thread> t;
		for (size_t k = 0; k < 4; k++)
			t.emplace_back([&, k] {
				for (size_t i = k; i < v.size(); i += 4)
					part[k] += v[i];
			});
		for (auto &th : t)
			th.join();
		sum = std::accumulate(part.begin(), part.end(), 0L);
	} else {
		sum = std::accumulate(v.begin(), v.end(), 0L);
	}
	std::cout << "sum " << sum << std::endl;
	if (mode == "exec")
		execl("/bin/sh", "sh", "-c", "echo shell", (char *)nullptr);
	return 0;
}
