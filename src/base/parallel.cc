// A pool that lives for one call: the jobs it runs cost milliseconds each
// (10000 PBKDF2 iterations), so a thread start (~20 µs) is noise and a
// long-lived pool would only add state.
#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace kstore {

void parallel_for(size_t n, unsigned workers, const std::function<void(size_t)>& fn) {
  const size_t threads = std::min<size_t>(std::max(workers, 1u), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  // Each worker takes the next index, so a slow job does not hold up a fixed share.
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace kstore
