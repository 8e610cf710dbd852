// Running independent jobs on a few threads: the per-key password
// derivations of a batch, which dominate the cost of converting a store.
#pragma once

#include <cstddef>
#include <functional>

namespace kstore {

// Calls fn(i) for every i in [0, n), on up to `workers` threads (the calling
// thread is one of them). Returns when all calls have returned. fn must not
// throw and must only touch state of its own index, or shared read-only state.
void parallel_for(size_t n, unsigned workers, const std::function<void(size_t)>& fn);

}  // namespace kstore
