// sum.cpp: a well-behaved C++ submission (iostreams, std::vector, <cmath>):
// the sum and root mean square of standard input, printed as sum.c prints them.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <vector>

int main()
{
	std::vector<long> v;
	for (long x; std::cin >> x;)
		v.push_back(x);

	double squares = 0.0;
	for (long x : v)
		squares += static_cast<double>(x) * static_cast<double>(x);
	std::cout << "sum " << std::accumulate(v.begin(), v.end(), 0L) << '\n';
	std::cout << "rms " << std::fixed << std::setprecision(4)
		  << (v.empty() ? 0.0 : std::sqrt(squares / static_cast<double>(v.size()))) << '\n';
	return 0;
}
