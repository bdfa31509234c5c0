// sum.cpp: a well-behaved C++ submission (iostreams, std::vector, std::sort): sum and median.
#include <algorithm>
#include <iostream>
#include <numeric>
#include <vector>

int main()
{
	std::vector<long> v;
	for (long x; std::cin >> x;)
		v.push_back(x);

	std::cout << "sum " << std::accumulate(v.begin(), v.end(), 0L) << '\n';
	if (v.empty())
		return 0;
	std::sort(v.begin(), v.end());
	std::size_t mid = v.size() / 2;
	double median = v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
	std::cout << "median " << median << '\n';
	return 0;
}
